/** `opd-desk simulate --headless` end to end: the default day, and a 100-doctor, 20,000-patient day. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatTime } from '../src/engine/index.js';
import { median, table } from './stats.js';

const CLI = fileURLToPath(new URL('../opd-desk.js', import.meta.url));
const HOURS = [9, 10, 11, 12, 14, 15, 16];

/** 100 doctors, 25 seats an hour; about 200 patients each. */
function bigDay(folder: string): string[] {
  const roster = {
    doctors: Array.from({ length: 100 }, (_, i) => ({
      id: `doc-${i}`,
      name: `Dr. Number ${i}`,
      code: `D${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
      slots: HOURS.map((h) => ({ start: formatTime(h * 60), end: formatTime((h + 1) * 60), capacity: 25 })),
    })),
  };
  const model = { prebooked: { online: 62, followUp: 30, paid: 20 }, walkInsPerHour: 10, emergenciesPerDay: 8 };
  writeFileSync(join(folder, 'roster.json'), JSON.stringify(roster));
  writeFileSync(join(folder, 'model.json'), JSON.stringify(model));
  return ['--roster', join(folder, 'roster.json'), '--model', join(folder, 'model.json')];
}

function measure(args: string[], folder: string, runs: number) {
  // A preloaded module reports the process's peak memory as it exits.
  const probe = join(folder, 'peak.mjs');
  writeFileSync(probe, "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, `peak-rss-kb ${process.resourceUsage().maxRSS}\\n`));");
  const times: number[] = [];
  const peaks: number[] = [];
  let patients = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    // The file itself, as a user runs it (its shebang sets Node's options); the probe rides along.
    const run = spawnSync(CLI, ['simulate', '--headless', '--json', ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, NODE_OPTIONS: `--import ${probe}` },
    });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error(run.stderr);
    peaks.push(Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024);
    patients = JSON.parse(run.stdout).totals.issued;
  }
  return { ms: median(times), mb: median(peaks), patients };
}

export function benchSimulate(): string {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-sim-'));
  try {
    const small = measure([], folder, 7);
    const big = measure(bigDay(folder), folder, 5);
    return table(
      ['day', 'patients', 'median ms (end to end)', 'peak memory MB'],
      [
        ['default roster, seed 7', small.patients, small.ms.toFixed(0), small.mb.toFixed(0)],
        ['100 doctors, seed 7', big.patients.toLocaleString('en-US'), big.ms.toFixed(0), big.mb.toFixed(0)],
      ],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
