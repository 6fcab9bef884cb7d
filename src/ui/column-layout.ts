/**
 * Lays one doctor's column out as lines that fit a given width and height exactly. When the day
 * is too full for the space, it gives up detail in a fixed order (ended slots folded into one
 * line, a waiting list of three, two patients a line, a shorter overflow list, a waiting list of
 * two, quiet slots folded to their header) so
 * the frame never grows taller than the terminal and the selected row stays in view.
 */
import { formatTime } from '../engine/index.js';
import type { ChipView, ColumnView, OverflowView, SlotView, WaitingView } from '../store/selectors.js';
import { cut, cutLine, fitWidth, type Line, type Segment } from './lines.js';
import { sameTarget, type Target } from './selection.js';
import { ACCENT, HIGHLIGHT_COLOR, SOURCE_STYLE } from './theme.js';
import type { Highlight } from '../store/desk-store.js';

export interface ColumnLayoutInput {
  column: ColumnView;
  width: number;
  height: number;
  /** The cursor, when it is in this column. */
  selected: Target | null;
  /** Chips the last update changed, and how. */
  highlights: Readonly<Record<string, Highlight>>;
}

interface Options {
  foldEnded: boolean;
  perLine: 1 | 2;
  overflowMax: number;
  /** How many lines the waiting list may take (the patient in consultation is always shown). */
  waitingMax: number;
  folded: ReadonlySet<number>;
}

const GAUGE_MAX = 10;

function gauge(used: number, capacity: number): Segment[] {
  if (capacity <= GAUGE_MAX) {
    const full = Math.min(used, capacity);
    const over = Math.max(0, used - capacity);
    return [
      { text: '■'.repeat(full), color: used >= capacity ? 'red' : ACCENT },
      { text: '□'.repeat(capacity - full), dim: true },
      ...(over > 0 ? [{ text: '+'.repeat(over), color: 'red', bold: true }] : []),
    ];
  }
  const filled = Math.min(GAUGE_MAX, Math.round((used / capacity) * GAUGE_MAX));
  return [
    { text: '■'.repeat(filled), color: used >= capacity ? 'red' : ACCENT },
    { text: '□'.repeat(GAUGE_MAX - filled), dim: true },
  ];
}

/** The widest a patient's name is drawn: a booking form takes at most 60 characters, most names far fewer. */
const NAME_MAX = 32;

/** How a chip shows where its patient is at the counter, in the blank column before its token id. */
const COUNTER_MARK = { consulting: { text: '▶', color: 'yellow' }, 'checked-in': { text: '✓', color: 'green' } } as const;

/** A checked-in patient who has waited longer than the roster's `waitAlertMinutes`. */
const OVERDUE_MARK = { text: '✓', color: 'red' } as const;

/** One patient at the counter: the one in consultation (▶) or a waiting one, numbered in call order. */
function waitingLine(entry: WaitingView, lead: string, suffix: string, width: number, style: Partial<Segment>): Line {
  const nameWidth = Math.max(1, width - lead.length - entry.token.length - 1 - suffix.length);
  return [
    { text: lead, ...style, bold: true },
    { text: `${entry.token} ${fitWidth(entry.patient, nameWidth)}`, ...style },
    { text: suffix, ...style, bold: true },
  ];
}

/** Who is with the doctor, then who is checked in and waiting, in call order, with their minutes. */
function waitingLines(column: ColumnView, width: number, max: number): Line[] {
  const { consulting, queue } = column.waiting;
  const lines: Line[] = [];
  if (consulting) lines.push(waitingLine(consulting, ' ▶ ', ` in ${consulting.minutes}m`, width, { color: 'yellow' }));
  const shown = queue.length > max ? queue.slice(0, Math.max(0, max - 1)) : queue;
  shown.forEach((entry, i) => {
    const style: Partial<Segment> = entry.overdue ? { color: 'red' } : {};
    lines.push(waitingLine(entry, `${String(i + 1).padStart(2)} `, ` ${entry.minutes}m${entry.overdue ? '!' : ' '}`, width, style));
  });
  if (shown.length < queue.length) lines.push([{ text: `   +${queue.length - shown.length} more checked in`, dim: true }]);
  return lines;
}

function chipSegments(chip: ChipView, width: number, input: ColumnLayoutInput, prefix = ''): Segment[] {
  const style = SOURCE_STYLE[chip.source];
  const mark = chip.overdue ? OVERDUE_MARK : chip.counter ? COUNTER_MARK[chip.counter] : undefined;
  const selected = sameTarget(input.selected, { kind: 'token', token: chip.token });
  const highlighted = input.highlights[chip.token];
  // The ↯ mark has a column of its own, so a displaced patient's source chip stays in line.
  const tag = ` ${style.tag}${chip.bumps > 0 ? '↯' : ' '}`;
  // On a wide column the chip stays near the name: names get at most NAME_MAX columns, the rest is blank.
  const nameWidth = Math.max(1, Math.min(NAME_MAX, width - prefix.length - chip.token.length - 1 - tag.length));
  const base: Segment = {
    text: `${mark ? '' : prefix}${chip.token} ${fitWidth(chip.patient, nameWidth)}`,
    ...(highlighted && { backgroundColor: HIGHLIGHT_COLOR[highlighted], color: 'black' }),
    ...(selected && { inverse: true }),
  };
  // A mark takes the last column of the prefix (a space), so token ids line up, marked or not.
  const lead: Segment[] = mark ? [...(prefix.length > 1 ? [{ text: prefix.slice(0, -1) }] : []), { text: mark.text, color: mark.color, bold: true }] : [];
  return [...lead, base, { text: tag, color: style.color, bold: style.bold ?? false, ...(selected && { inverse: true }) }];
}

function slotHeader(slot: SlotView, input: ColumnLayoutInput, folded: boolean): Line {
  const selected = sameTarget(input.selected, { kind: 'slot', slot: slot.index });
  const marker: Segment = { text: selected ? '▸' : ' ', color: ACCENT, bold: true };
  const label: Segment = { text: `${slot.label} `, bold: slot.current, ...(selected && { inverse: true }) };
  const count: Segment = { text: ` ${slot.chips.length}/${slot.capacity}`, dim: !slot.current };
  const line: Line = [marker, label, ...gauge(slot.chips.length, slot.capacity), count];
  if (folded && slot.chips.length > 0) line.push({ text: ' ⋯', dim: true });
  if (slot.off) line.push({ text: ' away', color: 'red', bold: true });
  if (slot.current) line.push({ text: ' ◀ now', color: 'yellow', bold: true });
  return line;
}

function endedLine(slot: SlotView): Line {
  return [{ text: ` ${slot.label} ended · ${slot.completed} seen`, dim: true }];
}

function chipLines(slot: SlotView, input: ColumnLayoutInput, perLine: 1 | 2): Line[] {
  const inner = input.width - 2;
  // Each chip starts with one blank column, where its ▶ or ✓ goes.
  if (perLine === 1) return slot.chips.map((chip) => [{ text: ' ' }, ...chipSegments(chip, inner + 1, input, ' ')]);
  const half = Math.floor((inner - 1) / 2);
  const lines: Line[] = [];
  for (let i = 0; i < slot.chips.length; i += 2) {
    const left = chipSegments(slot.chips[i]!, half + 1, input, ' ');
    const right = slot.chips[i + 1];
    lines.push([{ text: ' ' }, ...left, ...(right ? chipSegments(right, half + 1, input, ' ') : [])]);
  }
  return lines;
}

function overflowLines(entries: OverflowView[], input: ColumnLayoutInput, max: number): Line[] {
  if (entries.length === 0) return [];
  const lines: Line[] = [[{ text: ` Overflow (${entries.length})`, bold: true, color: 'magenta' }]];
  const shown = entries.length > max ? entries.slice(0, Math.max(0, max - 1)) : entries;
  for (const entry of shown) {
    const target = ` → ${formatTime(entry.slotStart)}`;
    lines.push([...chipSegments(entry, input.width - target.length, input, ` ${String(entry.position).padStart(2)}. `), { text: target, dim: true }]);
  }
  if (shown.length < entries.length) lines.push([{ text: `   +${entries.length - shown.length} more waiting`, dim: true }]);
  return lines;
}

function build(input: ColumnLayoutInput, options: Options): Line[] {
  const { column } = input;
  const selectedHere = input.selected !== null;
  const lines: Line[] = [
    [{ text: column.name, bold: true, ...(selectedHere && { color: ACCENT }) }],
    // Seats used today (seated now or seen), not the header's "seated" (seated now).
    [{ text: `${column.seatsUsed}/${column.seatsTotal} seats used · overflow ${column.overflow.length}`, dim: true }],
    ...waitingLines(column, input.width, options.waitingMax),
  ];
  const ended = column.slots.filter((s) => s.closed);
  if (options.foldEnded && ended.length > 1) {
    const seen = ended.reduce((sum, s) => sum + s.completed, 0);
    const from = formatTime(ended[0]!.start);
    const to = formatTime(ended.at(-1)!.end);
    lines.push([{ text: ` ${from}-${to} ${ended.length} slots ended · ${seen} seen`, dim: true }]);
  }
  for (const slot of column.slots) {
    if (slot.closed) {
      if (!options.foldEnded || ended.length === 1) lines.push(endedLine(slot));
      continue;
    }
    const folded = options.folded.has(slot.index);
    lines.push(slotHeader(slot, input, folded));
    if (!folded) lines.push(...chipLines(slot, input, options.perLine));
  }
  lines.push(...overflowLines(column.overflow, input, options.overflowMax));
  return lines;
}

/** Slots that must keep their patients in view: the selected one and the current one. */
function protectedSlots(input: ColumnLayoutInput): Set<number> {
  const keep = new Set<number>();
  for (const slot of input.column.slots) {
    if (slot.current) keep.add(slot.index);
    if (sameTarget(input.selected, { kind: 'slot', slot: slot.index })) keep.add(slot.index);
    if (input.selected?.kind === 'token' && slot.chips.some((c) => c.token === (input.selected as { token: string }).token)) keep.add(slot.index);
  }
  return keep;
}

/** The detail a column gives up to fit its height (see the file's comment for the order). */
function chooseOptions(input: ColumnLayoutInput): Options {
  const options: Options = { foldEnded: false, perLine: 1, overflowMax: Number.POSITIVE_INFINITY, waitingMax: Number.POSITIVE_INFINITY, folded: new Set() };
  const fits = () => build(input, options).length <= input.height;

  if (!fits()) options.foldEnded = true;
  // The waiting patients also show (✓) in their slots: their list gives way before the slots do.
  if (!fits()) options.waitingMax = 3;
  if (!fits()) options.perLine = 2;
  if (!fits()) {
    const overflowLines = input.column.overflow.length;
    for (let max = Math.min(overflowLines, 6); max >= 2 && !fits(); max--) options.overflowMax = max;
  }
  if (!fits()) {
    options.waitingMax = 2;
  }
  if (!fits()) {
    const keep = protectedSlots(input);
    const folded = new Set<number>();
    const open = input.column.slots.filter((s) => !s.closed && s.chips.length > 0 && !keep.has(s.index));
    for (const slot of open.reverse()) {
      if (fits()) break;
      folded.add(slot.index);
      options.folded = new Set(folded);
    }
  }
  return options;
}

/**
 * The fewest columns a patient's name gets before it counts as unreadable: a first name and
 * the first letters of a surname ("Priya Rag…"): most first names whole (Meenakshi is nine).
 */
export const READABLE_NAME = 10;

/** The widest name a chip can show when its column puts two patients a line. */
function twoPerLineNameWidth(column: ColumnView, width: number): number {
  const half = Math.floor((width - 2 - 1) / 2);
  const token = Math.max(7, ...column.slots.flatMap((slot) => slot.chips.map((chip) => chip.token.length)));
  return half - token - 1 - ' WLK '.length;
}

/**
 * Whether the column, laid out at this size, shows every patient's name at READABLE_NAME columns
 * or more: one patient a line fits (the layout's first steps, as chooseOptions takes them), or
 * two a line still leave a name that much room.
 */
export function namesReadable(input: ColumnLayoutInput): boolean {
  if (twoPerLineNameWidth(input.column, input.width) >= READABLE_NAME) return true;
  const onePerLine: Options = { foldEnded: true, perLine: 1, overflowMax: Number.POSITIVE_INFINITY, waitingMax: 3, folded: new Set() };
  return build(input, onePerLine).length <= input.height;
}

export function layoutColumn(input: ColumnLayoutInput): Line[] {
  const { height } = input;
  const options = chooseOptions(input);
  let lines = build(input, options);
  if (lines.length > height) {
    lines = lines.slice(0, Math.max(0, height - 1));
    if (height > 0) lines.push([{ text: cut(' … more below', input.width), dim: true }]);
  }
  return lines.map((line) => cutLine(line, input.width));
}
