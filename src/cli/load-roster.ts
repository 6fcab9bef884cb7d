import { defaultRoster, type Roster } from '../engine/index.js';
import { parseRosterText } from '../schema/roster.js';
import { loadCheckedFile } from './load-file.js';

/** The roster from `--roster FILE`, or the default one. Any problem is a usage error (exit 2). */
export function loadRoster(file: string | undefined): Roster {
  if (file === undefined) return defaultRoster();
  return loadCheckedFile('roster', file, (text) => {
    const parsed = parseRosterText(text);
    return parsed.ok ? { ok: true, value: parsed.roster } : parsed;
  });
}
