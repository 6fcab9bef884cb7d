/**
 * The server on the PostgreSQL journal (a real server started for this file), driven with
 * Fastify's inject: keys, roles, booking keys' own tokens and idempotency answers all live in
 * the database, so a second server on it answers a retry the first one acknowledged.
 */
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { defaultRoster, snapshot } from '../../src/engine/index.js';
import { PgJournal } from '../../src/journal/pg-journal.js';
import { LOCK_NAMESPACE } from '../../src/journal/pg/migrations.js';
import { buildServer } from '../../src/server/app.js';
import { PgDayHub } from '../../src/server/pg-days.js';
import { PgRecords } from '../../src/server/pg-records.js';
import { postgresForFile, type TestPostgres } from '../support/postgres.js';
import { bearer, DATE, post } from './support.js';

let postgres: TestPostgres;
let databases = 0;
const closeAfterEach = postgresForFile((started) => (postgres = started));

async function pgServer(url: string) {
  const journal = await PgJournal.open(url, { pollMs: 60_000 });
  const hub = new PgDayHub({ journal, roster: defaultRoster(), desk: 'test-server', today: () => '2000-01-01', clockMs: 0 });
  const store = new PgRecords(journal);
  const { app } = await buildServer({ hub, store, defaultDate: DATE });
  closeAfterEach(async () => {
    await app.close();
    await hub.close();
    await journal.close();
  });
  return { app, hub, store, journal };
}

const as = (key: string, options: InjectOptions) => ({ ...options, headers: { ...(options.headers ?? {}), ...bearer(key) } });
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const bookA = post('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha', slot: '9-10' });

describe('the server on PostgreSQL', () => {
  it('keeps no key in the clear; 401 without a key, with an unknown one or a revoked one', async () => {
    const url = await postgres.createDatabase(`records_${++databases}`);
    const { app, store } = await pgServer(url);
    expect((await app.inject(bookA)).statusCode).toBe(200); // no key configured: the local desk
    const desk = await store.addKey('counter-1', 'desk');
    const stored = (await postgres.sql(`records_${databases}`, 'SELECT hash FROM api_keys')).rows.map((row) => row.hash as string);
    expect(stored).toHaveLength(1);
    expect(stored).not.toContain(desk);
    expect((await app.inject(bookA)).statusCode).toBe(401);
    expect((await app.inject(as('opd_nothing', bookA))).statusCode).toBe(401);
    expect((await app.inject(as(desk, bookA))).statusCode).toBe(200);
    await store.revokeKey('counter-1');
    expect((await app.inject(as(desk, bookA))).json()).toEqual({ status: 'ERROR', error: 'unknown key' });
  });

  it('a booking key cancels and reads only the tokens it booked, on any server', async () => {
    const url = await postgres.createDatabase(`records_${++databases}`);
    const one = await pgServer(url);
    const two = await pgServer(url);
    const portal = await one.store.addKey('portal', 'booking');
    const desk = await one.store.addKey('counter', 'desk');
    expect((await one.app.inject(as(portal, bookA))).json()).toMatchObject({ token: 'SHR-001', seq: 1 });
    expect((await two.app.inject(as(desk, post('/api/v1/bookings', { doctor: 'sharma', patient: 'Ravi' })))).json()).toMatchObject({
      token: 'SHR-002',
      seq: 2,
    });
    expect((await two.app.inject(as(portal, get('/api/v1/tokens')))).json().tokens.map((t: { token: string }) => t.token)).toEqual(['SHR-001']);
    const refused = await two.app.inject(as(portal, post('/api/v1/tokens/SHR-002/cancel')));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('SHR-002 was not booked with this key');
    expect((await two.app.inject(as(portal, post('/api/v1/tokens/SHR-001/cancel')))).json()).toMatchObject({ status: 'CANCELLED', seq: 3 });
  });

  it("answers a retry on another server from the first server's answer, once; another body with the key is 422", async () => {
    const url = await postgres.createDatabase(`records_${++databases}`);
    const one = await pgServer(url);
    const two = await pgServer(url);
    const retry = { ...bookA, headers: { 'idempotency-key': 'k-1' } };
    const first = await one.app.inject(retry);
    expect(first.json()).toMatchObject({ status: 'ALLOCATED', token: 'SHR-001', seq: 1 });
    const again = await two.app.inject(retry);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    await two.hub.ready(DATE);
    expect(two.hub.session(DATE).appliedSeq).toBe(1);
    const other = await two.app.inject({ ...post('/api/v1/bookings', { doctor: 'sharma', patient: 'Ravi' }), headers: { 'idempotency-key': 'k-1' } });
    expect(other.statusCode).toBe(422);
    // A refusal is answered the same on a retry, and journals nothing.
    const full = { ...post('/api/v1/bookings', { doctor: 'nobody', patient: 'X' }), headers: { 'idempotency-key': 'k-2' } };
    const refusal = await one.app.inject(full);
    expect(refusal.statusCode).toBe(404);
    expect((await two.app.inject(full)).json()).toEqual(refusal.json());
    expect(await one.journal.lastSeq(DATE)).toBe(1);
  });

  it('runs a key sent to two servers at once only once: the second asks again under the day lock and answers the first answer', async () => {
    const url = await postgres.createDatabase(`records_${++databases}`);
    const one = await pgServer(url);
    const two = await pgServer(url);
    await one.hub.ready(DATE);
    await two.hub.ready(DATE);
    // Hold the day's lock so both requests pass their first look for the key and wait for it.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, DATE]);
    const retry = { ...bookA, headers: { 'idempotency-key': 'twice' } };
    const answers = Promise.all([one.app.inject(retry), two.app.inject(retry)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.query('COMMIT');
    await holder.end();
    const [first, second] = await answers;
    expect(first!.statusCode).toBe(200);
    expect(second!.json()).toEqual(first!.json());
    expect([first!.headers['idempotent-replayed'], second!.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    expect(await one.journal.lastSeq(DATE)).toBe(1);
  });

  it('both servers hold the same day after commands through each, and a new server replays it the same', async () => {
    const url = await postgres.createDatabase(`records_${++databases}`);
    const one = await pgServer(url);
    const two = await pgServer(url);
    for (let i = 0; i < 12; i++) {
      const server = i % 2 === 0 ? one : two;
      await server.app.inject(post('/api/v1/bookings', { doctor: ['sharma', 'reddy'][i % 2], patient: `Patient ${i}`, slot: '9-10' }));
    }
    await one.app.inject(post('/api/v1/tokens/SHR-001/check-in'));
    await two.app.inject(post('/api/v1/doctors/sharma/call'));
    await one.app.inject(get('/api/v1/board'));
    const three = await pgServer(url);
    await three.hub.ready(DATE);
    await two.hub.ready(DATE);
    const expected = snapshot(three.hub.session(DATE).day);
    for (let tries = 0; snapshot(one.hub.session(DATE).day) !== expected && tries < 100; tries++) await new Promise((r) => setTimeout(r, 20));
    expect(snapshot(one.hub.session(DATE).day)).toBe(expected);
    expect(snapshot(two.hub.session(DATE).day)).toBe(expected);
  });
});
