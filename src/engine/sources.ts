/** The five booking sources, in priority order (SPEC §1): a lower number is served first. */
export const SOURCES = ['EMERGENCY', 'PAID', 'FOLLOW_UP', 'ONLINE', 'WALK_IN'] as const;
export type Source = (typeof SOURCES)[number];
export type Priority = 1 | 2 | 3 | 4 | 5;

export const PRIORITY: Readonly<Record<Source, Priority>> = {
  EMERGENCY: 1,
  PAID: 2,
  FOLLOW_UP: 3,
  ONLINE: 4,
  WALK_IN: 5,
};

/** Every accepted spelling, lower-cased, mapped to its source. */
const SPELLINGS: ReadonlyMap<string, Source> = new Map<string, Source>([
  ['emergency', 'EMERGENCY'],
  ['paid', 'PAID'],
  ['paid priority', 'PAID'],
  ['paid_priority', 'PAID'],
  ['priority', 'PAID'],
  ['follow-up', 'FOLLOW_UP'],
  ['follow_up', 'FOLLOW_UP'],
  ['followup', 'FOLLOW_UP'],
  ['online', 'ONLINE'],
  ['online booking', 'ONLINE'],
  ['walk-in', 'WALK_IN'],
  ['walk_in', 'WALK_IN'],
  ['walkin', 'WALK_IN'],
]);

export interface ParsedSource {
  readonly source: Source;
  /** Set when the spelling was not recognised and the booking falls back to WALK_IN. */
  readonly warning?: string;
}

const PARSED = Object.fromEntries(SOURCES.map((source) => [source, Object.freeze({ source })])) as Record<Source, ParsedSource>;
const WALK_IN = PARSED.WALK_IN;
/** The spellings as usually written (lower case, upper case, canonical), answered without normalising. */
const EXACT: ReadonlyMap<string, ParsedSource> = new Map(
  [...SPELLINGS].flatMap(([spelling, source]) => [
    [spelling, PARSED[source]],
    [spelling.toUpperCase(), PARSED[source]],
    [source, PARSED[source]],
  ]),
);

/**
 * Reads a source as a receptionist or a script may spell it. A missing source is a walk-in
 * (the usual case at a desk); an unknown one is a walk-in with a warning naming it.
 * The canonical names (`WALK_IN`, `FOLLOW_UP`, ...) are accepted too, being the lower-cased
 * spellings above.
 */
export function parseSource(text: string | undefined): ParsedSource {
  if (text === undefined) return WALK_IN;
  const exact = EXACT.get(text);
  if (exact) return exact;
  if (text.trim() === '') return WALK_IN;
  const source = SPELLINGS.get(text.trim().toLowerCase().replace(/\s+/g, ' '));
  if (source) return PARSED[source];
  return { source: 'WALK_IN', warning: `unknown source "${text}" treated as WALK_IN` };
}
