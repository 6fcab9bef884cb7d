/**
 * The command line starts node with a 64 MB young generation (see main.ts): right for commands
 * that hold a day in memory, wrong for those that read one through. A streaming command (`log`,
 * `verify`) holds a few megabytes at any moment, and `export` and `report` (archive mode, see
 * src/engine/archive.ts) only the day's live tokens; yet with the big young generation and V8's
 * default heap growth garbage piled up to about 300 MB RSS on a 1M-command day before being
 * collected. Switched at run time, before the command's work starts: V8 optimises for size
 * (collects early), and the young generation stays at its first size (its maximum is fixed at
 * start, but it grows only by a factor that can still be set). README, Performance: the journal
 * table.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * `smallYoungGeneration: false` for `report`: it replays with events (to count displacements and
 * promotions), whose garbage a small young generation promotes and collects again: on the 1M
 * day 27 s for 226 MB, against 18 s for 237 MB without it.
 */
export function collectGarbageEagerly({ smallYoungGeneration = true } = {}): void {
  setFlagsFromString('--optimize-for-size');
  if (smallYoungGeneration) setFlagsFromString('--semi-space-growth-factor=1');
}
