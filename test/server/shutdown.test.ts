/** SIGTERM on `opd-desk serve` (the built dist): requests in flight are answered, streams end, nothing half-done. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { dataFile } from './support.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');

async function serve(file: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', file, '--date', '2026-03-02', '--log-level', 'warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  for await (const line of createInterface({ input: child.stderr! })) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return { child, base: match[1]! };
  }
  throw new Error('the server exited before listening');
}

describe('SIGTERM', () => {
  it('answers the requests in flight, ends the event streams, exits 0; every 200 is in the day and nothing else', async () => {
    const file = dataFile();
    const server = await serve(file);
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    const stream = await fetch(`${server.base}/api/v1/events`);
    const streamEnded = stream.text().then(
      () => 'ended',
      () => 'broken',
    );
    let signalled = false;
    let answeredAfterSignal = 0;
    const ok = new Set<string>();
    let answered = 0;
    const requests = Array.from({ length: 100 }, async (_, i) => {
      try {
        const response = await fetch(`${server.base}/api/v1/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ doctor: ['sharma', 'reddy', 'kapoor'][i % 3], patient: `Patient ${i}` }),
        });
        const body = (await response.json()) as { token?: string };
        if (response.status === 200) {
          ok.add(body.token!);
          if (signalled) answeredAfterSignal++;
        } else expect(response.status).toBe(503);
      } catch {
        // refused: it reached the server after it stopped listening
      }
      if (++answered === 10) {
        signalled = true;
        server.child.kill('SIGTERM');
      }
    });
    await Promise.all(requests);
    expect(await exited).toBe(0);
    expect(await streamEnded).toBe('ended');
    expect(answeredAfterSignal).toBeGreaterThan(0);

    const again = await serve(file);
    try {
      const day = (await (await fetch(`${again.base}/api/v1/tokens`)).json()) as { tokens: { token: string }[] };
      expect(new Set(day.tokens.map((t) => t.token))).toEqual(ok);
    } finally {
      const gone = new Promise((resolve) => again.child.once('exit', resolve));
      again.child.kill('SIGTERM');
      await gone;
    }
  });
});
