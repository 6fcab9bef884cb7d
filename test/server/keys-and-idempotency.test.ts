import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterOf } from '../support/day.js';
import { bearer, DATE, post, testServer, type TestServer } from './support.js';

let server: TestServer;
let keys: Record<'desk' | 'booking' | 'display' | 'admin' | 'portal2', string>;
beforeEach(async () => {
  server = await testServer(rosterOf({ sharma: [2, 2], reddy: [2] }));
  keys = {
    desk: server.store.addKey('counter-1', 'desk'),
    booking: server.store.addKey('portal', 'booking'),
    display: server.store.addKey('tv', 'display'),
    admin: server.store.addKey('root', 'admin'),
    portal2: server.store.addKey('portal-2', 'booking'),
  };
});
afterEach(async () => {
  await server.close();
});

const as = (key: string, options: InjectOptions) => ({ ...options, headers: { ...(options.headers ?? {}), ...bearer(key) } });
const get = (url: string): InjectOptions => ({ method: 'GET', url });
const bookA = post('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha', slot: '9-10' });

describe('keys', () => {
  it('stores only a hash of each key, and lists names and roles', () => {
    const stored = server.journal.database.prepare('SELECT key_hash FROM server_api_keys').pluck().all() as string[];
    for (const key of Object.values(keys)) expect(stored).not.toContain(key);
    expect(server.store.listKeys().map((k) => `${k.name}:${k.role}`)).toEqual([
      'counter-1:desk',
      'portal:booking',
      'portal-2:booking',
      'root:admin',
      'tv:display',
    ]);
  });

  it('401 without a key or with an unknown or revoked key', async () => {
    expect((await server.app.inject(bookA)).statusCode).toBe(401);
    expect((await server.app.inject(as('opd_nothing', bookA))).statusCode).toBe(401);
    server.store.revokeKey('counter-1');
    const revoked = await server.app.inject(as(keys.desk, bookA));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toEqual({ status: 'ERROR', error: 'unknown key' });
  });

  it('desk: every command and read', async () => {
    expect((await server.app.inject(as(keys.desk, bookA))).statusCode).toBe(200);
    for (const url of ['/api/v1/board', '/api/v1/tokens', '/api/v1/tokens/SHR-001', '/api/v1/report', '/api/v1/display', '/view-status']) {
      expect((await server.app.inject(as(keys.desk, get(url)))).statusCode, url).toBe(200);
    }
    expect((await server.app.inject(as(keys.desk, post('/api/v1/clock', { time: '09:30' })))).statusCode).toBe(200);
  });

  it('booking: books, and cancels or reads only the tokens it booked', async () => {
    expect((await server.app.inject(as(keys.booking, bookA))).json()).toMatchObject({ token: 'SHR-001' });
    expect((await server.app.inject(as(keys.desk, post('/api/v1/bookings', { doctor: 'sharma', patient: 'Ravi' })))).json()).toMatchObject({
      token: 'SHR-002',
    });
    expect((await server.app.inject(as(keys.booking, post('/allocate', { doctor_id: 'sharma', slot_id: 'D1-10-11' })))).json()).toMatchObject({
      token_id: 'SHR-003',
    });
    const mine = (await server.app.inject(as(keys.booking, get('/api/v1/tokens')))).json();
    expect(mine.tokens.map((t: { token: string }) => t.token)).toEqual(['SHR-001', 'SHR-003']);
    expect((await server.app.inject(as(keys.booking, get('/api/v1/tokens/SHR-001')))).statusCode).toBe(200);
    expect((await server.app.inject(as(keys.booking, get('/api/v1/tokens/SHR-002')))).statusCode).toBe(403);
    expect((await server.app.inject(as(keys.portal2, get('/api/v1/tokens/SHR-001')))).statusCode).toBe(403);
    expect((await server.app.inject(as(keys.booking, post('/api/v1/tokens/SHR-002/cancel')))).statusCode).toBe(403);
    expect((await server.app.inject(as(keys.booking, post('/api/v1/tokens/SHR-001/cancel')))).json()).toMatchObject({ status: 'CANCELLED' });
    expect((await server.app.inject(as(keys.booking, post('/api/v1/commands', { op: 'cancel', token: 'SHR-002' })))).statusCode).toBe(403);
    for (const forbidden of [
      post('/api/v1/clock', { time: '10:00' }),
      post('/api/v1/tokens/SHR-001/no-show'),
      get('/api/v1/board'),
      get('/api/v1/report'),
      get('/api/v1/display'),
    ]) {
      expect((await server.app.inject(as(keys.booking, forbidden))).statusCode, forbidden.url as string).toBe(403);
    }
    expect((await server.app.inject(as(keys.booking, post('/api/v1/commands', { op: 'clock', time: '10:00' })))).statusCode).toBe(403);
  });

  it('display: the display feed only, with the key in the query too, never a name or phone', async () => {
    await server.app.inject(as(keys.desk, post('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', phone: '98450 12345' })));
    const feed = await server.app.inject(as(keys.display, get('/api/v1/display')));
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toMatch(/Asha|98450/);
    expect((await server.app.inject(get(`/api/v1/display?key=${keys.display}`))).statusCode).toBe(200);
    for (const forbidden of [
      bookA,
      get('/api/v1/board'),
      get('/api/v1/tokens'),
      get('/api/v1/tokens/SHR-001'),
      get('/api/v1/events'),
      post('/allocate', { doctor_id: 'sharma' }),
    ]) {
      expect((await server.app.inject(as(keys.display, forbidden))).statusCode, forbidden.url as string).toBe(403);
    }
    expect((await server.app.inject(get(`/api/v1/board?key=${keys.display}`))).statusCode).toBe(401);
  });

  it('admin: everything', async () => {
    expect((await server.app.inject(as(keys.admin, bookA))).statusCode).toBe(200);
    for (const url of ['/api/v1/board', '/api/v1/tokens/SHR-001', '/api/v1/display', '/view-status']) {
      expect((await server.app.inject(as(keys.admin, get(url)))).statusCode, url).toBe(200);
    }
  });
});

describe('Idempotency-Key', () => {
  const withKey = (key: string, body: object) => as(keys.desk, post('/api/v1/bookings', body, { 'idempotency-key': key }));

  it('the same key and body answers the first answer again and books nothing more', async () => {
    const first = await server.app.inject(withKey('k1', { doctor: 'sharma', patient: 'Asha' }));
    const again = await server.app.inject(withKey('k1', { doctor: 'sharma', patient: 'Asha' }));
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(server.journal.lastSeq(DATE)).toBe(1);
  });

  it('the same key with another body is 422 and changes nothing', async () => {
    await server.app.inject(withKey('k1', { doctor: 'sharma', patient: 'Asha' }));
    const before = server.state();
    const other = await server.app.inject(withKey('k1', { doctor: 'sharma', patient: 'Ravi' }));
    expect(other.statusCode).toBe(422);
    expect(other.json().status).toBe('ERROR');
    expect(server.state()).toBe(before);
  });

  it('concurrent retries with one key commit once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => server.app.inject(withKey('k2', { doctor: 'sharma', patient: 'Asha' }))));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(server.journal.lastSeq(DATE)).toBe(1);
  });

  it('keys of different callers do not collide', async () => {
    await server.app.inject(withKey('k1', { doctor: 'sharma', patient: 'Asha' }));
    const portal = await server.app.inject(as(keys.booking, post('/api/v1/bookings', { doctor: 'sharma', patient: 'Ravi' }, { 'idempotency-key': 'k1' })));
    expect(portal.json()).toMatchObject({ token: 'SHR-002' });
  });

  it('answers survive a restart (kept in the journal database)', async () => {
    const first = (await server.app.inject(withKey('k3', { doctor: 'sharma', patient: 'Asha' }))).json();
    const file = server.file;
    await server.close();
    server = await testServer(rosterOf({ sharma: [2, 2], reddy: [2] }), file);
    const again = await server.app.inject(withKey('k3', { doctor: 'sharma', patient: 'Asha' }));
    expect(again.json()).toEqual(first);
    expect(server.journal.lastSeq(DATE)).toBe(1);
  });
});
