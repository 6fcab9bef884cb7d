/** In-process engine throughput on days of growing size (issue: the allocation engine). */
import { performance } from 'node:perf_hooks';
import { createDay, execute } from '../src/engine/index.js';
import { median, table } from './stats.js';
import { generateDay } from './workload.js';

const SIZES: [doctors: number, commands: number][] = [
  [3, 1_000],
  [30, 10_000],
  [100, 100_000],
  [500, 1_000_000],
];

/** The engine table; with `flow`, a fifth of the commands are check-in, call, move and undo. */
export function benchEngine(repeats = 5, flow = false): string {
  const rows: (string | number)[][] = [];
  let smallest = 0;
  for (const [doctors, count] of SIZES) {
    const { roster, commands } = generateDay(doctors, count, 1, flow);
    const runs = Math.max(repeats, Math.ceil(200_000 / count)); // small days: more runs for a stable median
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const day = createDay(roster);
      const start = performance.now();
      // As `apply` and the journal's replay run it: results only, no events built.
      for (const command of commands) execute(day, command, { events: false });
      times.push(performance.now() - start);
    }
    const ms = median(times);
    const nsPerCommand = (ms * 1e6) / count;
    if (smallest === 0) smallest = nsPerCommand;
    rows.push([
      doctors,
      count.toLocaleString('en-US'),
      ms.toFixed(1),
      Math.round((count / ms) * 1000).toLocaleString('en-US'),
      nsPerCommand.toFixed(0),
      `${(nsPerCommand / smallest).toFixed(2)}x`,
    ]);
  }
  return table(['doctors', 'commands', 'median ms', 'commands/s', 'ns/command', 'vs smallest'], rows);
}
