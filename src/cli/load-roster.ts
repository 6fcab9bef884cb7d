import { readFileSync } from 'node:fs';
import { defaultRoster, type Roster } from '../engine/index.js';
import { parseRosterText } from '../schema/roster.js';
import { UsageError } from './usage-error.js';

/** The roster from `--roster FILE`, or the default one. Any problem is a usage error (exit 2). */
export function loadRoster(file: string | undefined): Roster {
  if (file === undefined) return defaultRoster();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read roster ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseRosterText(text);
  if (!parsed.ok) throw new UsageError(`invalid roster ${file}: ${parsed.error}`);
  return parsed.roster;
}
