/** The `--json` document of SPEC §3: one result and one token a line, so it reads and diffs well. */
import { boardOf, tokenRow, type Day } from '../engine/index.js';
import type { LineResult } from './run-script.js';

/**
 * The document handed to `write` a line at a time: a day of a million commands is never held
 * as one string (nor its token rows as one list).
 */
export function writeJsonReport(write: (text: string) => void, day: Day, results: readonly LineResult[]): void {
  const list = <T>(items: readonly T[], json: (item: T) => string) => {
    if (items.length === 0) return write('[]');
    items.forEach((item, i) => write(`${i === 0 ? '[\n' : ',\n'}  ${json(item)}`));
    write(']');
  };
  write('{"results":');
  list(results, (result) => JSON.stringify(result));
  write(`,\n"board":${JSON.stringify(boardOf(day))},\n"tokens":`);
  list(day.tokens, (token) => JSON.stringify(tokenRow(token)));
  write('}\n');
}
