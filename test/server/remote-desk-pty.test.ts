/**
 * Two `opd-desk --server` processes, each in its own pseudo-terminal (util-linux `script`), on
 * one `opd-desk serve`: what two counters on two PCs do. Keys typed into one desk's terminal
 * book a patient the other desk's screen then shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataFile } from './support.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const children: ChildProcess[] = [];

async function serve(file: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', file, '--date', '2026-03-02', '--log-level', 'warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  for await (const line of createInterface({ input: child.stderr! })) {
    const match = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return match[1]!;
  }
  throw new Error('the server exited before listening');
}

interface PtyDesk {
  child: ChildProcess;
  /** Everything the desk drew, escape codes removed. */
  screen(): string;
  type(keys: string): void;
}

function remoteDesk(base: string): PtyDesk {
  const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${process.execPath} ${CLI} --server ${base}`, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  });
  children.push(child);
  let seen = '';
  child.stdout!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  return { child, screen: () => stripVTControlCharacters(seen), type: (keys) => child.stdin!.write(keys) };
}

const shows = async (desk: PtyDesk, text: string) => vi.waitFor(() => expect(desk.screen()).toContain(text), { timeout: 10_000, interval: 50 });

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('two remote desks in terminals', () => {
  it("see each other's bookings, and quit leaving the day on the server", async () => {
    const base = await serve(dataFile());
    const a = remoteDesk(base);
    const b = remoteDesk(base);
    await shows(a, 'b books a patient');
    await shows(b, 'b books a patient');
    a.type('bAsha Rao\r\r\r\r\r'); // keys that arrive together are each handled, in order
    await shows(a, 'SHR-001 Asha Rao WALK_IN → 09:00-10:00');
    await shows(b, 'SHR-001 Asha Rao booked into 09:00-10:00');
    b.type('bRavi Kumar\r\r\r\r\r');
    await shows(a, 'SHR-002 Ravi Kumar booked into 09:00-10:00');
    for (const desk of [a, b]) {
      const exited = new Promise((resolve) => desk.child.once('exit', resolve));
      desk.type('qy');
      expect(await exited).toBe(0);
    }
    const day = (await (await fetch(`${base}/api/v1/tokens`)).json()) as { tokens: { token: string; patient: string }[] };
    expect(day.tokens.map((t) => `${t.token} ${t.patient}`)).toEqual(['SHR-001 Asha Rao', 'SHR-002 Ravi Kumar']);
  });
});
