/**
 * What `npm run bench serve` and `npm run bench postgres` share: an `opd-desk serve` process,
 * autocannon booking through it, and commit-to-event probes on a second client's event stream.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { percentile } from './stats.js';

const CLI = join(import.meta.dirname, '../opd-desk.js');
export const SECONDS = 5;

/** Starts `opd-desk serve` on a free loopback port over `data` (a file or a postgres:// address). */
export async function startServer(data: string, ...options: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', CLI, 'serve', '--port', '0', '--data', data, '--log-level', 'warn', ...options], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  for await (const line of createInterface({ input: child.stderr! })) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return { child, base: match[1]! };
  }
  throw new Error('the server exited before listening');
}

/** `connections` clients booking online patients with Dr. Sharma for SECONDS. */
export function load(base: string, connections: number, date: string): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}/api/v1/bookings?date=${date}`,
    method: 'POST',
    connections,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ doctor: 'sharma', patient: 'Bench Patient', source: 'online' }),
  });
}

/**
 * Books through `bookAt` one at a time while `until()` holds; each timed until its entry arrives
 * on `watchAt`'s event stream. The event is written as the batch commits, before the answers go
 * out, so this measures from the request being sent: an upper bound on commit-to-event.
 */
export async function commitToEvent(bookAt: string, watchAt: string, date: string, until: () => boolean): Promise<number[]> {
  await fetch(`${watchAt}/api/v1/board?date=${date}`); // the day exists before the stream opens
  const controller = new AbortController();
  const response = await fetch(`${watchAt}/api/v1/events?date=${date}`, { signal: controller.signal });
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
    const answer = await fetch(`${bookAt}/api/v1/bookings?date=${date}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ doctor: 'reddy', patient }),
    });
    await answer.arrayBuffer();
    latencies.push((await seen) - sent);
    waiting.delete(patient);
  }
  controller.abort();
  return latencies;
}

/** A commit-to-event table row: while what, how many probes, p50 and p99 in ms. */
export function probeRow(label: string, latencies: number[], digits: number): (string | number)[] {
  return [label, latencies.length, percentile(latencies, 50).toFixed(digits), percentile(latencies, 99).toFixed(digits)];
}
