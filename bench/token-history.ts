/**
 * A token's history (the desk's Enter) on the 100-doctor/100k-command day with the flow mix:
 * the first detail of a day replays its whole log into a HistoryIndex; every later one takes in
 * only the commands since and looks the token up.
 */
import { performance } from 'node:perf_hooks';
import { createDay, execute, HistoryIndex, type LoggedCommand } from '../src/engine/index.js';
import { median, percentile, table } from './stats.js';
import { generateDay } from './workload.js';

export function benchTokenHistory(doctors = 100, count = 100_000, repeats = 5): string {
  const { roster, commands } = generateDay(doctors, count, 1, true);
  const day = createDay(roster);
  const log: LoggedCommand[] = commands.map((command, i) => ({
    seq: i + 1,
    command,
    result: execute(day, command, { events: false, ref: { key: 'seq', value: i + 1 } }).result,
  }));
  const first: number[] = [];
  let index!: HistoryIndex;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    index = new HistoryIndex(roster).add(log);
    first.push(performance.now() - start);
  }
  const later: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const token = day.tokens[Math.floor((i / 1000) * day.tokens.length)]!.id;
    const start = performance.now();
    index.add([]).history(token);
    later.push((performance.now() - start) * 1000);
  }
  return (
    `${doctors} doctors, ${count.toLocaleString('en-US')} commands (flow mix), ${day.tokens.length.toLocaleString('en-US')} tokens\n\n` +
    table(
      ['', 'runs', 'median', 'p99'],
      [
        ['first detail of the day (replays the log)', repeats, `${median(first).toFixed(0)} ms`, `${percentile(first, 99).toFixed(0)} ms`],
        ['every later detail (one token looked up)', later.length, `${median(later).toFixed(1)} µs`, `${percentile(later, 99).toFixed(1)} µs`],
      ],
    )
  );
}
