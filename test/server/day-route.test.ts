/** `GET /api/v1/day`, what a remote desk starts from, and a remote desk with keys. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RemoteKeeper } from '../../src/keeper/remote-keeper.js';
import { rosterOf } from '../support/day.js';
import { bearer, DATE, post, testServer, type TestServer } from './support.js';

let server: TestServer;
beforeEach(async () => {
  server = await testServer(rosterOf({ sharma: [2, 2], reddy: [2] }));
});
afterEach(async () => {
  await server.close();
});

describe('GET /api/v1/day', () => {
  it('answers the date, whether it is today, the roster the day started with and the last seq', async () => {
    await server.app.inject(post('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha' }));
    const day = (await server.app.inject({ method: 'GET', url: '/api/v1/day' })).json();
    expect(day).toEqual({ date: DATE, today: false, roster: server.hub.session(DATE).roster, seq: 1 });
    const other = (await server.app.inject({ method: 'GET', url: '/api/v1/day?date=2026-03-09' })).json();
    expect(other).toMatchObject({ date: '2026-03-09', seq: 0 });
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/day?date=March' })).statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.paths['/api/v1/day'].get.summary).toMatch(/remote desk/);
  });

  it('needs a desk key once keys exist: a booking or display key is 403, none 401', async () => {
    const desk = server.store.addKey('counter-2', 'desk');
    const portal = server.store.addKey('portal', 'booking');
    const tv = server.store.addKey('tv', 'display');
    const get = (headers: Record<string, string>) => server.app.inject({ method: 'GET', url: '/api/v1/day', headers });
    expect((await get(bearer(desk))).statusCode).toBe(200);
    expect((await get(bearer(portal))).statusCode).toBe(403);
    expect((await get(bearer(tv))).statusCode).toBe(403);
    expect((await get({})).statusCode).toBe(401);
  });
});

describe('a remote desk with keys', () => {
  it('works with a desk key, and names the refusal of a wrong one', async () => {
    const desk = server.store.addKey('counter-2', 'desk');
    const portal = server.store.addKey('portal', 'booking');
    const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const keeper = await RemoteKeeper.connect({ server: base, key: desk });
    try {
      const outcomes = await keeper.submit({ op: 'book', doctor: 'sharma', patient: 'Asha Rao' });
      expect(outcomes.at(-1)!.result).toMatchObject({ status: 'ALLOCATED', token: 'SHR-001' });
    } finally {
      keeper.close();
    }
    await expect(RemoteKeeper.connect({ server: base, key: portal })).rejects.toThrow(/answered 403: a booking key may not use GET \/api\/v1\/day/);
    await expect(RemoteKeeper.connect({ server: base, key: 'wrong' })).rejects.toThrow(/answered 401: unknown key/);
    await expect(RemoteKeeper.connect({ server: base })).rejects.toThrow(/answered 401: missing key/);
  });
});
