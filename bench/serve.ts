/**
 * `npm run bench serve`: the server as its own process on loopback, loaded by autocannon.
 * Durable bookings per second and latency at 1, 16 and 64 connections (every 2xx is answered
 * after its journal commit), and how long a booking takes to reach a second client's event
 * stream while 64 connections book.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deskToDesk } from './remote-desk.js';
import { commitToEvent, load, probeRow, SECONDS, startServer } from './serve-load.js';
import { percentile, table } from './stats.js';

export async function benchServe(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-bench-serve-'));
  const { child, base } = await startServer(join(folder, 'serve.db'), '--date', '2026-03-02');
  try {
    const rows: (string | number)[][] = [];
    let day = 10;
    for (const connections of [1, 16, 64]) {
      const result = await load(base, connections, `2026-03-${day++}`);
      rows.push([connections, Math.round(result.requests.average), result.latency.p50, result.latency.p99, result.non2xx + result.errors]);
    }
    let running = true;
    const date = `2026-03-${day++}`;
    const [loaded, probes] = await Promise.all([
      Promise.resolve(load(base, 64, date)).finally(() => (running = false)),
      commitToEvent(base, base, date, () => running),
    ]);
    const idle = await (async () => {
      let n = 0;
      return commitToEvent(base, base, `2026-03-${day++}`, () => n++ < 200);
    })();
    const desks = await deskToDesk(base, `2026-03-${day++}`, 200);
    return [
      `Durable bookings (POST /api/v1/bookings, each answered after its journal commit; ${SECONDS} s per row):`,
      '',
      table(['connections', 'bookings/s', 'p50 ms', 'p99 ms', 'non-2xx'], rows),
      '',
      "Commit to event (booking sent → its entry on a second client's /api/v1/events; an upper bound):",
      '',
      table(
        ['while', 'samples', 'p50 ms', 'p99 ms'],
        [probeRow('idle', idle, 2), probeRow(`64 connections book (${Math.round(loaded.requests.average)}/s)`, probes, 2)],
      ),
      '',
      "Desk to desk (a booking sent from remote desk A → published in remote desk B's store; idle):",
      '',
      table(
        ['samples', 'p50 ms', 'p99 ms', 'max ms'],
        [[desks.length, percentile(desks, 50).toFixed(2), percentile(desks, 99).toFixed(2), Math.max(...desks).toFixed(2)]],
      ),
    ].join('\n');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  }
}
