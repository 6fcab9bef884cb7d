/** The `--json` document of SPEC §3: one result and one token a line, so it reads and diffs well. */
import { boardOf, tokenRows, type Day } from '../engine/index.js';
import type { LineResult } from './run-script.js';

export function jsonReport(day: Day, results: readonly LineResult[]): string {
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}]`);
  return `{"results":${list(results)},\n"board":${JSON.stringify(boardOf(day))},\n"tokens":${list(tokenRows(day))}}\n`;
}
