/** `opd-desk apply` end to end, as a process, on a generated 100,000-line script: time and peak memory. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median, table } from './stats.js';
import { generateDay } from './workload.js';

const CLI = fileURLToPath(new URL('../opd-desk.js', import.meta.url));

export function benchApply(lines = 100_000, repeats = 5): string {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-bench-'));
  try {
    const { roster, commands } = generateDay(30, lines);
    const script = join(folder, 'day.jsonl');
    const rosterFile = join(folder, 'roster.json');
    writeFileSync(script, commands.map((c) => JSON.stringify(c)).join('\n'));
    writeFileSync(rosterFile, JSON.stringify(roster));
    const rows: (string | number)[][] = [];
    // A preload reports the process's own max RSS on exit, on fd 3.
    const report = `import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));`;
    for (const mode of [[], ['--json']]) {
      const times: number[] = [];
      const peaks: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const start = performance.now();
        // Run as a user runs it: with its shebang's Node options; stdout read by this process.
        const args = [
          '--max-semi-space-size=64',
          '--import',
          `data:text/javascript,${encodeURIComponent(report)}`,
          CLI,
          'apply',
          script,
          '--roster',
          rosterFile,
        ];
        const run = spawnSync(process.execPath, [...args, ...mode], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
        times.push(performance.now() - start);
        if (run.status !== 0 && run.status !== 1) throw new Error(`apply failed: ${run.stderr}`);
        peaks.push(Number(run.output[3]) / 1024);
      }
      rows.push([`apply ${lines.toLocaleString('en-US')} lines ${mode.join(' ')}`.trim(), median(times).toFixed(0), `${median(peaks).toFixed(0)} MB`]);
    }
    return table(['command', 'median ms (end to end)', 'peak memory'], rows);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
