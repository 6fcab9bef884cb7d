/**
 * A server on PostgreSQL keeps its key checks in memory; a key added or revoked through another
 * server (or `opd-desk keys`) reaches it by NOTIFY, and a change made by hand in SQL within
 * freshMs.
 */
import type { InjectOptions } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { PgJournal } from '../../src/journal/pg-journal.js';
import { buildServer } from '../../src/server/app.js';
import { PgDayHub } from '../../src/server/pg-days.js';
import { PgRecords } from '../../src/server/pg-records.js';
import { postgresForFile, type TestPostgres } from '../support/postgres.js';
import { bearer, DATE, post } from './support.js';

let postgres: TestPostgres;
let databases = 0;
const closeAfterEach = postgresForFile((started) => (postgres = started));

/** A server whose key checks count the questions they ask the database. */
async function pgServer(url: string, freshMs = 60_000) {
  const journal = await PgJournal.open(url, { pollMs: 60_000 });
  const hub = new PgDayHub({ journal, roster: defaultRoster(), desk: 'test-server', today: () => '2000-01-01', clockMs: 0 });
  const store = new PgRecords(journal, { freshMs });
  const asked = { count: 0 };
  const sql = journal.sql.bind(journal);
  journal.sql = ((statement: string, values?: unknown[]) => {
    if (statement.includes('FROM api_keys')) asked.count += 1;
    return sql(statement, values);
  }) as typeof journal.sql;
  const { app } = await buildServer({ hub, store, defaultDate: DATE });
  closeAfterEach(async () => {
    await app.close();
    await hub.close();
    await journal.close();
  });
  return { app, store, journal, asked };
}

const as = (key: string, options: InjectOptions) => ({ ...options, headers: { ...(options.headers ?? {}), ...bearer(key) } });
const book = (patient: string) => post('/api/v1/bookings', { doctor: 'sharma', patient });
const WAIT = { timeout: 5000, interval: 20 };

describe('key checks on PostgreSQL', () => {
  it('asks the database at most twice for 21 requests with one key, and again after another server revokes it', async () => {
    const url = await postgres.createDatabase(`keychecks_${++databases}`);
    const one = await pgServer(url);
    const two = await pgServer(url);
    const desk = await two.store.addKey('counter-1', 'desk');
    await vi.waitFor(async () => expect((await one.app.inject(book('Asha'))).statusCode).toBe(401), WAIT);
    expect((await one.app.inject(as(desk, book('Ravi')))).statusCode).toBe(200);
    const before = one.asked.count;
    for (let i = 0; i < 20; i++) expect((await one.app.inject(as(desk, book(`Patient ${i}`)))).statusCode).toBe(200);
    // At most once more: the notification of the key's addition may arrive after the first check.
    expect(one.asked.count - before).toBeLessThanOrEqual(1);
    expect(await two.store.revokeKey('counter-1')).toBe(true);
    await vi.waitFor(async () => expect((await one.app.inject(as(desk, book('Late')))).json()).toEqual({ status: 'ERROR', error: 'unknown key' }), WAIT);
  });

  it('a key added by another server is required at once on this one, though "no keys" was kept', async () => {
    const url = await postgres.createDatabase(`keychecks_${++databases}`);
    const one = await pgServer(url);
    const two = await pgServer(url);
    expect((await one.app.inject(book('Asha'))).statusCode).toBe(200);
    expect((await one.app.inject(book('Ravi'))).statusCode).toBe(200);
    const asked = one.asked.count;
    await two.store.addKey('counter-1', 'desk');
    await vi.waitFor(async () => expect((await one.app.inject(book('Late'))).statusCode).toBe(401), WAIT);
    expect(one.asked.count).toBeGreaterThan(asked);
  });

  it('a key revoked by hand in SQL (no notification) is refused once its check is older than freshMs', async () => {
    const url = await postgres.createDatabase(`keychecks_${++databases}`);
    const one = await pgServer(url, 200);
    const desk = await one.store.addKey('counter-1', 'desk');
    expect((await one.app.inject(as(desk, book('Asha')))).statusCode).toBe(200);
    await postgres.sql(`keychecks_${databases}`, "UPDATE api_keys SET revoked_at = '2026-03-02T10:00:00Z'");
    await vi.waitFor(async () => expect((await one.app.inject(as(desk, book('Late')))).statusCode).toBe(401), WAIT);
  });
});
