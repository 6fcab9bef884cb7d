/**
 * Two `opd-desk serve` processes (the built dist) on one real PostgreSQL, started for this file
 * in a temporary folder: one order for both, events across servers, a server killed under load,
 * PostgreSQL restarted under load, and databases that are not ours refused untouched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { sseClient } from './support.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
let postgres: TestPostgres;
let databases = 0;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await postgres?.stop();
});

const freshDatabase = () => postgres.createDatabase(`served_${++databases}`);

interface Running {
  child: ChildProcess;
  base: string;
  /** What the server has written to stderr so far. */
  stderr: () => string;
}

/** Starts a server on a free loopback port; resolves once it listens. */
async function serve(url: string): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', url, '--date', '2026-03-02', '--log-level', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return { child, base: match[1]!, stderr: () => stderr };
  }
  throw new Error(`the server exited before listening: ${stderr}`);
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function stop(...servers: Running[]): Promise<void> {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

async function postJson(url: string, body: object, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function tokensOf(base: string, date = '2026-03-02'): Promise<{ token: string; patient: string }[]> {
  return ((await (await fetch(`${base}/api/v1/tokens?date=${date}`)).json()) as { tokens: { token: string; patient: string }[] }).tokens;
}

/**
 * The day's tokens as `base` shows them once it holds at least `count` of them: a server hears
 * of the other's commits by NOTIFY (or its poll, after a restart), a moment after they commit.
 */
async function tokensOnceCaughtUp(base: string, count: number, date = '2026-03-02') {
  for (let tries = 0; ; tries++) {
    const tokens = await tokensOf(base, date);
    if (tokens.length >= count || tries >= 250) return tokens;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two servers on one PostgreSQL', () => {
  it('50 concurrent bookings for 4 seats through both, 20 times: exactly 4 seated, one order, tokens unique', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([serve(url), serve(url)]);
    try {
      for (let round = 1; round <= 20; round++) {
        const date = `2026-04-${String(round).padStart(2, '0')}`;
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            postJson(`${(i % 2 === 0 ? a : b).base}/api/v1/bookings?date=${date}`, {
              doctor: 'sharma',
              slot: '9-10',
              patient: `Patient ${i}`,
              source: 'online',
            }),
          ),
        );
        expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
        const statuses = answers.map((answer) => answer.body.status);
        expect(statuses.filter((s) => s === 'ALLOCATED')).toHaveLength(4);
        expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(46);
        expect(new Set(answers.map((answer) => answer.body.token)).size).toBe(50);
        expect(answers.map((answer) => answer.body.seq as number).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      }
      // Both servers see the same day, whichever took each booking.
      expect(await tokensOnceCaughtUp(b.base, 50, '2026-04-20')).toEqual(await tokensOnceCaughtUp(a.base, 50, '2026-04-20'));
    } finally {
      await stop(a, b);
    }
    // Nothing alarming for whoever runs the servers (a DeprecationWarning from the database client once was).
    for (const server of [a, b]) expect(server.stderr()).not.toMatch(/Warning/);
  });

  it("shows a booking made through one server on the other server's event stream", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([serve(url), serve(url)]);
    const stream = sseClient(`${b.base}/api/v1/events`);
    try {
      await postJson(`${b.base}/api/v1/bookings`, { doctor: 'sharma', patient: 'Asha' });
      await stream.until((events) => events.length >= 1);
      await postJson(`${a.base}/api/v1/bookings`, { doctor: 'reddy', patient: 'Bina' });
      await stream.until((events) => events.length >= 2);
      expect(stream.events.map((e) => [e.id, JSON.parse(e.data).command.patient])).toEqual([
        ['1', 'Asha'],
        ['2', 'Bina'],
      ]);
    } finally {
      await stream.stop();
      await stop(a, b);
    }
  });

  it('SIGKILL of a server under load loses no acknowledged booking; the other server answers every retry once', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([serve(url), serve(url)]);
    const acknowledged = new Map<string, Record<string, unknown>>();
    const sent: { key: string; body: object }[] = [];
    let halt = false;
    const worker = async (w: number) => {
      for (let i = 0; !halt; i++) {
        const key = `w${w}-${i}`;
        const body = { doctor: ['sharma', 'reddy', 'kapoor'][i % 3]!, patient: `Patient ${w}-${i}`, source: 'walk-in' };
        sent.push({ key, body });
        try {
          const answer = await postJson(`${a.base}/api/v1/bookings`, body, { 'idempotency-key': key });
          if (answer.status === 200) acknowledged.set(key, answer.body);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    a.child.kill('SIGKILL');
    await exited(a.child);
    halt = true;
    await Promise.all(workers);
    try {
      expect(acknowledged.size).toBeGreaterThan(20);
      const booked = new Set((await tokensOnceCaughtUp(b.base, acknowledged.size)).map((t) => t.token));
      for (const answer of acknowledged.values()) expect(booked.has(answer.token as string)).toBe(true);
      for (const { key, body } of sent) {
        const again = await postJson(`${b.base}/api/v1/bookings`, body, { 'idempotency-key': key });
        expect(again.status).toBe(200);
        if (acknowledged.has(key)) expect(again.body).toEqual(acknowledged.get(key));
      }
      const patients = (await tokensOf(b.base)).map((t) => t.patient);
      expect(patients).toHaveLength(sent.length);
      expect(new Set(patients).size).toBe(sent.length); // every request booked exactly once
    } finally {
      await stop(b);
    }
  });

  it('PostgreSQL restarted under load: commands in flight answer 503, retries with their keys succeed once, streams carry on', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([serve(url), serve(url)]);
    const stream = sseClient(`${b.base}/api/v1/events`);
    const statuses = new Set<number>();
    let halt = false;
    let booked = 0;
    const worker = async (w: number) => {
      for (let i = 0; !halt; i++) {
        const body = { doctor: ['sharma', 'reddy', 'kapoor'][i % 3]!, patient: `Patient ${w}-${i}` };
        for (;;) {
          const answer = await postJson(`${(w % 2 === 0 ? a : b).base}/api/v1/bookings`, body, { 'idempotency-key': `r${w}-${i}` });
          statuses.add(answer.status);
          if (answer.status === 200) break;
          expect(answer.status).toBe(503);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        booked += 1;
      }
    };
    try {
      const workers = Array.from({ length: 6 }, (_, w) => worker(w));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await postgres.restart();
      const afterRestart = booked;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      halt = true;
      await Promise.all(workers);
      expect(booked).toBeGreaterThan(afterRestart); // the servers reconnected by themselves
      const patients = (await tokensOnceCaughtUp(a.base, booked)).map((t) => t.patient);
      expect(patients).toHaveLength(booked);
      expect(new Set(patients).size).toBe(booked);
      await stream.until((events) => events.length >= booked, 10_000);
      expect(stream.events.map((e) => Number(e.id))).toEqual(Array.from({ length: booked }, (_, i) => i + 1));
      expect([...statuses].sort()).toEqual([200, 503]); // some were cut by the restart, and nothing else went wrong
    } finally {
      await stream.stop();
      await stop(a, b);
    }
  }, 30_000);
});

describe('opd-desk serve on PostgreSQL refuses to start', () => {
  const serveOnce = (url: string) => spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--data', url], { encoding: 'utf8', timeout: 20_000 });

  it('when PostgreSQL cannot be reached (exit 2, a message, no password shown)', () => {
    const run = serveOnce('postgres://opd:secret@127.0.0.1:1/none');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^opd-desk: the journal at postgres:\/\/opd:\*\*\*@127\.0\.0\.1:1\/none cannot be reached/);
    expect(run.stderr).not.toContain('secret');
  });

  it("on another program's database, leaving it as it was", async () => {
    const url = await freshDatabase();
    const database = `served_${databases}`;
    await postgres.sql(database, 'CREATE TABLE patients (name TEXT, phone TEXT)');
    await postgres.sql(database, "INSERT INTO patients VALUES ('Asha', '98450 00000')");
    const run = serveOnce(url);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is a database of another program \(tables: patients\), not an opd-desk journal; it was left as it is/);
    expect((await postgres.sql(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows).toEqual([{ tablename: 'patients' }]);
    expect((await postgres.sql(database, 'SELECT * FROM patients')).rows).toEqual([{ name: 'Asha', phone: '98450 00000' }]);
  });

  it('on a journal of a newer opd-desk, leaving it as it was', async () => {
    const url = await freshDatabase();
    const database = `served_${databases}`;
    await postgres.sql(database, 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    await postgres.sql(database, "INSERT INTO meta VALUES ('format', 'opd-desk-journal'), ('version', '99')");
    const run = serveOnce(url);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/was written by a newer opd-desk \(schema version 99;.*\); upgrade opd-desk to open it/);
    expect((await postgres.sql(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows).toEqual([{ tablename: 'meta' }]);
    expect((await postgres.sql(database, 'SELECT value FROM meta WHERE key = $1', ['version'])).rows).toEqual([{ value: '99' }]);
  });
});
