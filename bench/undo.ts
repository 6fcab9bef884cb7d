/**
 * `undo` on a large day (SPEC §5): the 100-doctor/100k-command day with the flow mix, and at
 * every 100th command a booking, a move or a check-in that is then undone. Only the undo is timed.
 */
import { performance } from 'node:perf_hooks';
import { createDay, execute, type Command, type Day } from '../src/engine/index.js';
import { median, percentile, table } from './stats.js';
import { generateDay } from './workload.js';

function lastActive(day: Day): string | undefined {
  for (let i = day.tokens.length - 1; i >= Math.max(0, day.tokens.length - 50); i--) {
    const token = day.tokens[i]!;
    if (token.status === 'BOOKED' || token.status === 'WAITLISTED') return token.id;
  }
  return undefined;
}

export function benchUndo(doctors = 100, count = 100_000): string {
  const { roster, commands } = generateDay(doctors, count, 1, true);
  const day = createDay(roster);
  const times: Record<string, number[]> = { book: [], move: [], 'check-in': [] };
  commands.forEach((command, i) => {
    execute(day, command, { events: false });
    if (i % 100 !== 99) return;
    const token = lastActive(day);
    const probes: Command[] = [{ op: 'book', doctor: roster.doctors[i % doctors]!.id, patient: `Probe ${i}`, source: 'emergency' }];
    if (token) probes.push({ op: 'move', token }, { op: 'check-in', token });
    for (const probe of probes) {
      if (execute(day, probe, { events: false }).result.status === 'ERROR') continue;
      const start = performance.now();
      execute(day, { op: 'undo' }, { events: false });
      times[probe.op]!.push((performance.now() - start) * 1000);
    }
  });
  const rows = Object.entries(times).map(([op, us]) => [op, us.length, median(us).toFixed(1), percentile(us, 99).toFixed(1), Math.max(...us).toFixed(1)]);
  return `${doctors} doctors, ${count.toLocaleString('en-US')} commands (flow mix), ${day.tokens.length.toLocaleString('en-US')} tokens at the end\n\n${table(['undo of', 'undos', 'median µs', 'p99 µs', 'max µs'], rows)}`;
}
