/**
 * `npm run bench serve`: the server as its own process on loopback, loaded by autocannon.
 * Durable bookings per second and latency at 1, 16 and 64 connections (every 2xx is answered
 * after its journal commit), and how long a booking takes to reach a second client's event
 * stream while 64 connections book.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { deskToDesk } from './remote-desk.js';
import { percentile, table } from './stats.js';

const CLI = join(import.meta.dirname, '../opd-desk.js');
const SECONDS = 5;

async function startServer(file: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', CLI, 'serve', '--port', '0', '--data', file, '--log-level', 'warn', '--date', '2026-03-02'],
    {
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  for await (const line of createInterface({ input: child.stderr! })) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return { child, base: match[1]! };
  }
  throw new Error('the server exited before listening');
}

async function load(base: string, connections: number, date: string): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}/api/v1/bookings?date=${date}`,
    method: 'POST',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ doctor: 'sharma', patient: 'Bench Patient', source: 'online' }),
  });
}

/** Books one at a time and waits for each booking's entry on a second client's event stream. */
async function commitToEvent(base: string, date: string, until: () => boolean): Promise<number[]> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/events?date=${date}`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const waiting = new Map<string, (at: number) => void>();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      for (const match of buffer.matchAll(/"patient":"(Probe \d+)"/g)) waiting.get(match[1]!)?.(performance.now());
      buffer = buffer.slice(buffer.lastIndexOf('\n'));
    }
  })();
  const latencies: number[] = [];
  for (let i = 0; until(); i++) {
    const patient = `Probe ${i}`;
    const seen = new Promise<number>((resolve) => waiting.set(patient, resolve));
    const sent = performance.now();
    const answer = await fetch(`${base}/api/v1/bookings?date=${date}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ doctor: 'reddy', patient }),
    });
    await answer.arrayBuffer();
    // The event is written as the batch commits, before the answers go out, so this measures
    // from the request being sent: an upper bound on commit-to-event.
    latencies.push((await seen) - sent);
    waiting.delete(patient);
  }
  controller.abort();
  return latencies;
}

export async function benchServe(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-bench-serve-'));
  const { child, base } = await startServer(join(folder, 'serve.db'));
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
      commitToEvent(base, date, () => running),
    ]);
    const idle = await (async () => {
      let n = 0;
      return commitToEvent(base, `2026-03-${day++}`, () => n++ < 200);
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
        [
          ['idle', idle.length, percentile(idle, 50).toFixed(2), percentile(idle, 99).toFixed(2)],
          [
            `64 connections book (${Math.round(loaded.requests.average)}/s)`,
            probes.length,
            percentile(probes, 50).toFixed(2),
            percentile(probes, 99).toFixed(2),
          ],
        ],
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
