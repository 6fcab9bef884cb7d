/**
 * Dashboard benchmarks: time from a store update to the frame written to the terminal (Ink in
 * its real mode: incremental rendering, no debug), and the time from starting `opd-desk` in a
 * pseudo-terminal to its first drawn board.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { render } from 'ink';
import { createDay, formatTime, type Command, type Roster } from '../src/engine/index.js';
import { createDeskStore } from '../src/store/desk-store.js';
import { App } from '../src/ui/App.js';
import { DeskProvider } from '../src/ui/desk-context.js';
import { FakeStdin } from '../test/support/fake-stdin.js';
import { timeToScreen } from './pty.js';
import { median, percentile, table } from './stats.js';

class BenchStdout extends EventEmitter {
  readonly isTTY = true;
  onWrite: (() => void) | null = null;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = () => {
    this.onWrite?.();
    return true;
  };
}

function rosterOf(doctors: number): Roster {
  return {
    doctors: Array.from({ length: doctors }, (_, i) => ({
      id: `doc-${i}`,
      name: `Dr. Number ${i}`,
      code: `D${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
      slots: [9, 10, 11, 12, 14, 15, 16].map((h) => ({ start: formatTime(h * 60), end: formatTime((h + 1) * 60), capacity: 4 })),
    })),
  };
}

/** Every seat taken and a few waiting per doctor: the board at its fullest. */
function fullDay(roster: Roster): Command[] {
  const sources = ['emergency', 'paid', 'follow-up', 'online', 'walk-in'];
  const commands: Command[] = [];
  for (const doctor of roster.doctors) {
    for (let i = 0; i < 32; i++) commands.push({ op: 'book', doctor: doctor.id, patient: `Patient ${doctor.id} ${i}`, source: sources[i % 5]! });
  }
  return commands;
}

async function measureUpdates(doctors: number, columns: number, rows: number, samples: number): Promise<number[]> {
  const roster = rosterOf(doctors);
  const store = createDeskStore(createDay(roster));
  for (const command of fullDay(roster)) store.getState().dispatch(command);
  const stdout = new BenchStdout(columns, rows);
  const instance = render(
    <DeskProvider store={store}>
      <App title="bench" />
    </DeskProvider>,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
      incrementalRendering: true,
      maxFps: 1000,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const doctor = roster.doctors[i % doctors]!.id;
    // Alternate a booking and its cancellation, so the day stays full.
    const command: Command =
      i % 2 === 0 ? { op: 'book', doctor, patient: `Bench ${i}`, source: 'emergency', slot: '16:00' } : { op: 'cancel', doctor, patient: `Bench ${i - 1}` };
    const written = new Promise<void>((resolve) => (stdout.onWrite = resolve));
    const start = performance.now();
    store.getState().dispatch(command);
    await written;
    times.push(performance.now() - start);
    stdout.onWrite = null;
    await new Promise((resolve) => setTimeout(resolve, 3)); // past the 1 ms frame pacing
  }
  instance.unmount();
  return times;
}

export async function benchRender(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const [label, doctors, columns, height] of [
    ['default roster, full day, 120x40', 3, 120, 40],
    ['12 doctors, full day, 160x50', 12, 160, 50],
  ] as const) {
    const times = (await measureUpdates(doctors, columns, height, 300)).slice(20); // after warm-up
    rows.push([label, median(times).toFixed(2), percentile(times, 95).toFixed(2)]);
  }
  return table(['board', 'update→frame median ms', 'p95 ms'], rows);
}

/** Start to first drawn board, on a fresh journal of its own (never the desk's real day). */
export async function benchStartup(runs = 7): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-startup-'));
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      times.push(
        await timeToScreen(
          `--data ${join(folder, `desk-${i}.db`)} --date 2026-03-02`,
          (screen) => screen.includes('Dr. Kapoor') && screen.includes('16:00-17:00'),
        ),
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return table(
    ['command', 'start to first board, median ms', 'p95 ms'],
    [['opd-desk (default roster)', median(times).toFixed(0), percentile(times, 95).toFixed(0)]],
  );
}
