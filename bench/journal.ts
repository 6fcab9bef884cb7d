/**
 * The journal: durable commands per second (each committed and synced before the next); and on
 * days of 100,000 and 1,000,000 commands, the replay (in process, and as `opd-desk apply` opening
 * the day), `log`, `export`, `report` and `verify` as processes: time and peak memory (max RSS),
 * each run three times (the median time, the highest peak).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDay, defaultRoster, execute } from '../src/engine/index.js';
import { DeskSession } from '../src/journal/session.js';
import { SqliteJournal } from '../src/journal/sqlite-journal.js';
import { median, table } from './stats.js';
import { generateDay } from './workload.js';

const DATE = '2026-03-02';
const CLI = join(import.meta.dirname, '../opd-desk.js');

function durableRate(folder: string, commands = 400): number {
  const journal = SqliteJournal.open(join(folder, 'durable.db'));
  try {
    const session = DeskSession.open({ journal, date: DATE, desk: 'bench', fallbackRoster: defaultRoster() });
    const start = performance.now();
    for (let i = 0; i < commands; i++) session.submit({ op: 'book', doctor: ['sharma', 'reddy', 'kapoor'][i % 3]!, patient: `Patient ${i}` });
    return commands / ((performance.now() - start) / 1000);
  } finally {
    journal.close();
  }
}

/** A journal holding a day of `size` commands, written in one transaction (quicker to set up). */
export function bigJournal(folder: string, size: number, doctors: number): string {
  const file = join(folder, `big-${size}.db`);
  const { roster, commands } = generateDay(doctors, size, 5);
  const journal = SqliteJournal.open(file);
  journal.startDay({ date: DATE, roster }, 'bench');
  const day = createDay(roster);
  journal.exclusive((locked) => {
    commands.forEach((command, i) => {
      locked.append(DATE, { seq: i + 1, command, result: execute(day, command, { events: false }).result, at: '2026-03-02T09:00:00.000Z', desk: 'bench' });
    });
  });
  journal.close();
  return file;
}

function replayMs(file: string): number {
  const journal = SqliteJournal.open(file);
  try {
    const start = performance.now();
    DeskSession.open({ journal, date: DATE, desk: 'bench', fallbackRoster: defaultRoster() });
    return performance.now() - start;
  } finally {
    journal.close();
  }
}

/** Runs the built opd-desk as users do (stdout to /dev/null); its time and peak memory. */
function processRun(args: string[], nodeFlags: string[] = ['--max-semi-space-size=64']): { ms: number; peakMb: number } {
  // A preload reports the process's own max RSS on exit, on fd 3.
  const report = `import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));`;
  const start = performance.now();
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', `data:text/javascript,${encodeURIComponent(report)}`, CLI, ...args], {
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
    input: '',
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`opd-desk ${args.join(' ')} failed: ${run.stderr}`);
  return { ms, peakMb: Number(run.output[3]) / 1024 };
}

/** Three runs: the median time and the highest peak memory of the three. */
function processRuns(args: string[], nodeFlags?: string[]): { ms: number; peakMb: number } {
  const runs = [processRun(args, nodeFlags), processRun(args, nodeFlags), processRun(args, nodeFlags)];
  return { ms: median(runs.map((run) => run.ms)), peakMb: Math.max(...runs.map((run) => run.peakMb)) };
}

export async function benchJournal(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-journal-bench-'));
  try {
    const rates = [durableRate(folder), durableRate(folder), durableRate(folder)];
    const rows: string[][] = [['durable commands/s (synced commit each)', Math.round(median(rates)).toLocaleString('en-US'), '']];
    for (const [size, doctors] of [
      [100_000, 30],
      [1_000_000, 300],
    ] as const) {
      const file = bigJournal(folder, size, doctors);
      const label = size.toLocaleString('en-US');
      const replays = [replayMs(file), replayMs(file), replayMs(file)];
      rows.push([`replay of a ${label}-command day, in process (chain, checks, results)`, `${median(replays).toFixed(0)} ms`, '']);
      for (const [what, args] of [
        ['apply opening that day (replay)', ['apply', '-', '--data', file, '--date', DATE, '--json']],
        ['log of that day', ['log', '--data', file, '--date', DATE]],
        ['export --format csv of that day', ['export', '--data', file, '--date', DATE, '--format', 'csv']],
        ['report of that day', ['report', '--data', file, '--date', DATE]],
        ['verify of that file', ['verify', '--data', file]],
      ] as const) {
        const run = processRuns([...args]);
        rows.push([`${what} (${label})`, `${run.ms.toFixed(0)} ms`, `${run.peakMb.toFixed(0)} MB`]);
      }
      // log keeps nothing per row: it completes in a 32 MB old generation whatever the day's size
      // (the row above is what users get: node as the command line starts it, collecting eagerly).
      const small = processRuns(['log', '--data', file, '--date', DATE], ['--max-old-space-size=32', '--max-semi-space-size=8']);
      rows.push([`log of that day in a 32 MB heap (${label})`, `${small.ms.toFixed(0)} ms`, `${small.peakMb.toFixed(0)} MB`]);
    }
    return table(['measure', 'time (median of 3)', 'peak memory (highest of 3)'], rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
