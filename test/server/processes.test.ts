/** `opd-desk serve` as a real process (the built dist): races, SIGKILL under load, restarts. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { dataFile, sseClient } from './support.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');

interface Running {
  child: ChildProcess;
  base: string;
}

/** Starts the server on a free loopback port; resolves with its address once it listens. */
async function serve(file: string, ...args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', file, '--date', '2026-03-02', '--log-level', 'info', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return { child, base: match[1]! };
  }
  throw new Error('the server exited before listening');
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function postJson(url: string, body: object, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('opd-desk serve', () => {
  it('refuses another --host when no key is configured, leaving no journal file behind', () => {
    const file = dataFile();
    const run = spawnSync(process.execPath, [CLI, 'serve', '--host', '0.0.0.0', '--port', '0', '--data', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no key is configured.*loopback only/);
    expect(existsSync(file)).toBe(false);
  });

  it('on --host 0.0.0.0 (with a key) says it serves every interface, not only the loopback address Fastify names', async () => {
    const file = dataFile();
    expect(spawnSync(process.execPath, [CLI, 'keys', 'add', 'counter-1', '--role', 'desk', '--data', file], { encoding: 'utf8' }).status).toBe(0);
    const child = spawn(process.execPath, [CLI, 'serve', '--host', '0.0.0.0', '--port', '0', '--data', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let announced = '';
    try {
      for await (const line of createInterface({ input: child.stderr! })) {
        if (!line.includes('opd-desk: serving')) continue;
        announced = line;
        break;
      }
      expect(announced).toMatch(/serving on every interface \(0\.0\.0\.0\), port \d+; here http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });

  it('50 concurrent bookings for 4 seats, 20 times: exactly 4 seated, the rest waitlisted, tokens unique', async () => {
    const server = await serve(dataFile());
    try {
      for (let round = 1; round <= 20; round++) {
        const date = `2026-04-${String(round).padStart(2, '0')}`;
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            postJson(`${server.base}/api/v1/bookings?date=${date}`, { doctor: 'sharma', slot: '9-10', patient: `Patient ${i}`, source: 'online' }),
          ),
        );
        expect(answers.every((a) => a.status === 200)).toBe(true);
        const statuses = answers.map((a) => a.body.status);
        expect(statuses.filter((s) => s === 'ALLOCATED')).toHaveLength(4);
        expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(46);
        expect(new Set(answers.map((a) => a.body.token)).size).toBe(50);
      }
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });

  it('SIGKILL under load loses no 2xx, and retried idempotency keys answer the same after a restart', async () => {
    const file = dataFile();
    let server = await serve(file);
    const acknowledged = new Map<string, Record<string, unknown>>(); // idempotency key -> answer
    const sent: { key: string; body: object }[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const key = `w${w}-${i}`;
        const body = { doctor: ['sharma', 'reddy', 'kapoor'][i % 3]!, patient: `Patient ${w}-${i}`, source: 'walk-in' };
        sent.push({ key, body });
        try {
          const answer = await postJson(`${server.base}/api/v1/bookings`, body, { 'idempotency-key': key });
          if (answer.status === 200) acknowledged.set(key, answer.body);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await new Promise((resolve) => setTimeout(resolve, 700));
    server.child.kill('SIGKILL');
    await exited(server.child);
    stop = true;
    await Promise.all(workers);
    expect(acknowledged.size).toBeGreaterThan(20);

    server = await serve(file);
    try {
      const tokens = (await (await fetch(`${server.base}/api/v1/tokens`)).json()) as { tokens: { token: string; patient: string }[] };
      const byToken = new Map(tokens.tokens.map((t) => [t.token, t.patient]));
      for (const answer of acknowledged.values()) expect(byToken.has(answer.token as string)).toBe(true);
      for (const { key, body } of sent) {
        const again = await postJson(`${server.base}/api/v1/bookings`, body, { 'idempotency-key': key });
        expect(again.status).toBe(200);
        if (acknowledged.has(key)) expect(again.body).toEqual(acknowledged.get(key));
      }
      const after = (await (await fetch(`${server.base}/api/v1/tokens`)).json()) as { tokens: { patient: string }[] };
      expect(after.tokens).toHaveLength(sent.length); // every request booked exactly once
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });

  it('an event stream resumes across a restart with nothing missed or repeated', async () => {
    const file = dataFile();
    let server = await serve(file);
    const book = (patient: string) => postJson(`${server.base}/api/v1/bookings`, { doctor: 'sharma', patient });
    const first = sseClient(`${server.base}/api/v1/events`);
    for (const name of ['A', 'B', 'C']) await book(name);
    await first.until((events) => events.length >= 3);
    server.child.kill('SIGTERM');
    await exited(server.child);
    await first.stop();
    server = await serve(file);
    try {
      for (const name of ['D', 'E']) await book(name);
      const resumed = sseClient(`${server.base}/api/v1/events`, { 'last-event-id': first.events.at(-1)!.id! });
      await resumed.until((events) => events.length >= 2);
      await book('F');
      await resumed.until((events) => events.length >= 3);
      await resumed.stop();
      expect([...first.events, ...resumed.events].map((e) => Number(e.id))).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });
});

describe('opd-desk keys', () => {
  const keys = (...args: string[]) => spawnSync(process.execPath, [CLI, 'keys', ...args], { encoding: 'utf8' });

  it('adds a key (printed once), lists names and roles without keys, revokes by name', () => {
    const file = dataFile();
    const added = keys('add', 'counter-2', '--role', 'desk', '--data', file);
    expect(added.status).toBe(0);
    const key = added.stdout.trim();
    expect(key).toMatch(/^opd_[A-Za-z0-9_-]{43}$/);
    const listed = keys('list', '--data', file);
    expect(listed.stdout).toMatch(/^counter-2\tdesk\t/);
    expect(listed.stdout).not.toContain(key);
    expect(keys('revoke', 'counter-2', '--data', file).status).toBe(0);
    expect(keys('list', '--data', file).stdout).toMatch(/no keys/);
  });

  it('refuses an unknown role, a taken name and revoking an unknown key (exit 2)', () => {
    const file = dataFile();
    const role = keys('add', 'x', '--role', 'nurse', '--data', file);
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/--role takes one of desk, booking, display, admin, not "nurse"/);
    keys('add', 'x', '--role', 'desk', '--data', file);
    expect(keys('add', 'x', '--role', 'desk', '--data', file).stderr).toMatch(/already a key named "x"/);
    expect(keys('revoke', 'nobody', '--data', file).stderr).toMatch(/no key named "nobody"/);
  });

  it('once a key exists, the server refuses requests without it', async () => {
    const file = dataFile();
    const key = keys('add', 'desk', '--role', 'desk', '--data', file).stdout.trim();
    const server = await serve(file);
    try {
      expect((await fetch(`${server.base}/api/v1/board`)).status).toBe(401);
      expect((await fetch(`${server.base}/api/v1/board`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  });
});
