/**
 * `npm run bench postgres` (second part): `opd-desk serve` processes on one PostgreSQL (fsync
 * on), loaded by autocannon with 64 connections: through one server, and through two at once
 * (32 each); then commit-to-event across servers: a booking through server A, timed until its
 * entry reaches a client of server B's event stream, idle and while both servers are loaded.
 */
import type autocannon from 'autocannon';
import { commitToEvent, load, probeRow, SECONDS, startServer } from './serve-load.js';
import { table } from './stats.js';

const row = (name: string, results: autocannon.Result[]) => [
  name,
  Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
  Math.max(...results.map((r) => r.latency.p50)),
  Math.max(...results.map((r) => r.latency.p99)),
  results.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
];

export async function benchPgServe(createDatabase: (name: string) => Promise<string>): Promise<string> {
  const url = await createDatabase('bench_serve');
  const servers = [await startServer(url), await startServer(url)];
  try {
    const [a, b] = servers.map((server) => server.base) as [string, string];
    await fetch(`${a}/api/v1/board?date=2026-05-01`);
    const one = await load(a, 64, '2026-05-01');
    await Promise.all([fetch(`${a}/api/v1/board?date=2026-05-02`), fetch(`${b}/api/v1/board?date=2026-05-02`)]);
    const two = await Promise.all([load(a, 32, '2026-05-02'), load(b, 32, '2026-05-02')]);
    let n = 0;
    const idle = await commitToEvent(a, b, '2026-05-03', () => n++ < 200);
    let running = true;
    const date = '2026-05-04';
    await Promise.all([fetch(`${a}/api/v1/board?date=${date}`), fetch(`${b}/api/v1/board?date=${date}`)]);
    const [loaded, probes] = await Promise.all([
      Promise.all([load(a, 32, date), load(b, 32, date)]).finally(() => (running = false)),
      commitToEvent(a, b, date, () => running),
    ]);
    const perSecond = Math.round(loaded.reduce((sum, r) => sum + r.requests.average, 0));
    return [
      `Durable bookings through \`opd-desk serve --data postgres://…\` (POST /api/v1/bookings on one day, each answered after its commit; ${SECONDS} s per row; p50 and p99 of the slower server):`,
      '',
      table(['servers', 'bookings/s', 'p50 ms', 'p99 ms', 'non-2xx'], [row('1 server, 64 connections', [one]), row('2 servers, 32 connections each', two)]),
      '',
      "Commit to event across servers (booking sent to server A → its entry on a client of server B's /api/v1/events; an upper bound):",
      '',
      table(['while', 'samples', 'p50 ms', 'p99 ms'], [probeRow('idle', idle, 1), probeRow(`both servers loaded, 64 connections (${perSecond}/s)`, probes, 1)]),
    ].join('\n');
  } finally {
    for (const { child } of servers) {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    }
  }
}
