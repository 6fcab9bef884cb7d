import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterOf } from '../support/day.js';
import { DATE, post, testServer, type TestServer } from './support.js';

let server: TestServer;
beforeEach(async () => {
  server = await testServer(rosterOf({ sharma: [2, 2], reddy: [2] }));
});
afterEach(async () => {
  await server.close();
});

const book = (patient: string, extra: Record<string, unknown> = {}) => post('/api/v1/bookings', { doctor: 'sharma', patient, slot: '9-10', ...extra });

describe('command routes', () => {
  it('POST /api/v1/commands answers the §3 result with the journal seq', async () => {
    const response = await server.app.inject(post('/api/v1/commands', { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ op: 'book', status: 'ALLOCATED', token: 'SHR-001', slot: '09:00-10:00', seq: 1 });
    expect(server.journal.lastSeq(DATE)).toBe(1);
  });

  it('POST /api/v1/bookings books; a full slot waitlists; an emergency displaces', async () => {
    expect((await server.app.inject(book('A'))).json()).toMatchObject({ status: 'ALLOCATED', token: 'SHR-001' });
    expect((await server.app.inject(book('B'))).json()).toMatchObject({ status: 'ALLOCATED', token: 'SHR-002' });
    expect((await server.app.inject(book('C'))).json()).toMatchObject({ status: 'WAITLISTED', token: 'SHR-003', position: 1 });
    expect((await server.app.inject(book('D', { source: 'emergency' }))).json()).toMatchObject({
      status: 'REALLOCATED',
      token: 'SHR-004',
      displaced: 'SHR-002',
    });
  });

  it('POST /api/v1/tokens/{id}/cancel and no-show free the seat and promote', async () => {
    for (const name of ['A', 'B', 'C']) await server.app.inject(book(name));
    const cancel = await server.app.inject(post('/api/v1/tokens/SHR-001/cancel'));
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toEqual({ op: 'cancel', status: 'CANCELLED', token: 'SHR-001', promoted: 'SHR-003', seq: 4 });
    const noShow = await server.app.inject(post('/api/v1/tokens/SHR-002/no-show', {}));
    expect(noShow.json()).toMatchObject({ status: 'NO_SHOW', token: 'SHR-002' });
  });

  it('POST /api/v1/clock moves the clock; backwards is 409 and changes nothing', async () => {
    expect((await server.app.inject(post('/api/v1/clock', { time: '10:00' }))).json()).toEqual({ op: 'clock', status: 'OK', time: '10:00', seq: 1 });
    const before = server.state();
    const back = await server.app.inject(post('/api/v1/clock', { time: '09:00' }));
    expect(back.statusCode).toBe(409);
    expect(back.json().error).toMatch(/cannot move backwards/);
    expect(server.state()).toBe(before);
  });

  it('the flow routes (check-in, move, call, done, absent, undo) reach the engine, which names what it does not know', async () => {
    await server.app.inject(book('A'));
    const routes = [
      post('/api/v1/tokens/SHR-001/check-in'),
      post('/api/v1/tokens/SHR-001/move', { slot: '10-11' }),
      post('/api/v1/doctors/sharma/call'),
      post('/api/v1/doctors/sharma/done'),
      post('/api/v1/doctors/sharma/absent', {}),
      post('/api/v1/undo', {}),
    ];
    for (const route of routes) {
      const response = await server.app.inject(route);
      expect(response.statusCode, route.url as string).not.toBe(500);
      expect(response.statusCode, route.url as string).not.toBe(404);
    }
  });
});

describe('errors', () => {
  it('400 for bad JSON, naming the problem', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/commands', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 'ERROR', error: expect.stringMatching(/invalid JSON/) });
  });

  it('400 for an unknown field, naming it', async () => {
    const response = await server.app.inject(book('A', { bed: 4 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/bed/);
  });

  it('400 for a field of the wrong type, naming the field', async () => {
    const response = await server.app.inject(post('/api/v1/bookings', { doctor: 'sharma', patient: 7 }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/patient/);
  });

  it('400 for an unknown op on /commands, listing the known ones', async () => {
    const response = await server.app.inject(post('/api/v1/commands', { op: 'teleport' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/unknown op "teleport"/);
  });

  it('400 for a bad ?date=', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/board?date=2026-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/date/);
  });

  it('404 for an unknown route, doctor or token', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/nowhere' })).statusCode).toBe(404);
    const doctor = await server.app.inject(post('/api/v1/bookings', { doctor: 'house', patient: 'A' }));
    expect(doctor.statusCode).toBe(404);
    expect(doctor.json().error).toMatch(/unknown doctor "house" \(known: Dr. Sharma, Dr. Reddy\)/);
    expect((await server.app.inject(post('/api/v1/tokens/SHR-999/cancel'))).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens/SHR-999' })).statusCode).toBe(404);
  });

  it('409 for a rule refusal (cancelling twice), nothing changed, nothing journaled', async () => {
    await server.app.inject(book('A'));
    await server.app.inject(post('/api/v1/tokens/SHR-001/cancel'));
    const before = server.state();
    const again = await server.app.inject(post('/api/v1/tokens/SHR-001/cancel'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ status: 'ERROR', error: 'SHR-001 is CANCELLED: only a BOOKED or WAITLISTED token can be cancelled' });
    expect(server.state()).toBe(before);
    expect(server.journal.lastSeq(DATE)).toBe(2);
  });

  it('413 for a body over 16 KiB', async () => {
    const response = await server.app.inject(book('A', { phone: 'x'.repeat(17 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ status: 'ERROR', error: 'the request body is over 16 KiB' });
  });

  it('503 when the journal cannot be written; the day is unchanged', async () => {
    await server.app.inject(book('A'));
    const before = server.state();
    server.journal.database.exec("CREATE TRIGGER refuse BEFORE INSERT ON commands BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const response = await server.app.inject(book('B'));
    expect(response.statusCode).toBe(503);
    expect(response.json().status).toBe('ERROR');
    expect(server.state()).toBe(before);
    server.journal.database.exec('DROP TRIGGER refuse');
    expect((await server.app.inject(book('B'))).json()).toMatchObject({ token: 'SHR-002', seq: 2 });
  });
});

describe('reads', () => {
  beforeEach(async () => {
    for (const name of ['Asha', 'Ravi', 'Meena']) await server.app.inject(book(name, { phone: `98450 ${name}` }));
    await server.app.inject(post('/api/v1/tokens/SHR-001/cancel'));
  });

  it('GET /api/v1/board is the §3 board', async () => {
    const board = (await server.app.inject({ method: 'GET', url: '/api/v1/board' })).json();
    expect(board.clock).toBe('08:00');
    expect(board.doctors[0].slots[0].patients.map((p: { token: string }) => p.token)).toEqual(['SHR-002', 'SHR-003']);
  });

  it('GET /api/v1/tokens filters by status and doctor', async () => {
    const cancelled = (await server.app.inject({ method: 'GET', url: '/api/v1/tokens?status=CANCELLED' })).json();
    expect(cancelled.tokens.map((t: { token: string }) => t.token)).toEqual(['SHR-001']);
    const reddy = (await server.app.inject({ method: 'GET', url: '/api/v1/tokens?doctor=Dr.%20Reddy' })).json();
    expect(reddy.tokens).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens?status=LOST' })).statusCode).toBe(400);
  });

  it('GET /api/v1/tokens/{id} lists every journal entry that touched it', async () => {
    const token = (await server.app.inject({ method: 'GET', url: '/api/v1/tokens/SHR-003' })).json();
    expect(token).toMatchObject({ token: 'SHR-003', status: 'BOOKED', patient: 'Meena' });
    expect(token.entries.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
  });

  it('GET /api/v1/report and /view-status answer the report', async () => {
    const report = (await server.app.inject({ method: 'GET', url: '/api/v1/report' })).json();
    expect(report.totals).toMatchObject({ issued: 3, cancelled: 1, promoted: 1 });
    expect((await server.app.inject({ method: 'GET', url: '/view-status' })).json()).toEqual(report);
  });

  it('GET /api/v1/display carries token ids and counts, never a name or phone', async () => {
    for (const token of ['SHR-002', 'SHR-003']) await server.app.inject(post(`/api/v1/tokens/${token}/check-in`, {}));
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/display' });
    expect(response.json()).toMatchObject({ date: DATE, clock: expect.stringMatching(/^\d\d:\d\d$/) });
    expect(response.json().doctors[0]).toMatchObject({ id: 'sharma', code: 'SHR', next: ['SHR-002', 'SHR-003'], waiting: 2, away: false });
    expect(response.body).not.toMatch(/Ravi|Meena|98450/);
  });

  it('?date= serves another day, started with the server roster on first use', async () => {
    const other = (await server.app.inject(post('/api/v1/bookings?date=2026-03-09', { doctor: 'reddy', patient: 'Asha' }))).json();
    expect(other).toMatchObject({ status: 'ALLOCATED', token: 'RED-001', seq: 1 });
    expect(server.journal.lastSeq('2026-03-09')).toBe(1);
  });
});

describe("the seeds' contract", () => {
  const allocate = (body: object) => server.app.inject(post('/allocate', body));

  it('POST /allocate answers ALLOCATED, WAITLISTED and REALLOCATED in the seeds shape; extra fields ignored', async () => {
    expect((await allocate({ doctor_id: 'sharma', slot_id: 'D1-9-10', source: 'online', patient_id: 'P1' })).json()).toEqual({
      status: 'ALLOCATED',
      token_id: 'SHR-001',
    });
    await allocate({ doctor_id: 'sharma', slot_id: 'D1-9-10', source: 'online' });
    expect((await allocate({ doctor_id: 'sharma', slot_id: 'D1-9-10', source: 'walk-in' })).json()).toEqual({
      status: 'WAITLISTED',
      token_id: 'SHR-003',
      position: 1,
    });
    expect((await allocate({ doctor_id: 'sharma', slot_id: 'D1-9-10', source: 'emergency' })).json()).toEqual({
      status: 'REALLOCATED',
      token_id: 'SHR-004',
      removed_token: 'SHR-002',
    });
  });

  it('POST /allocate answers REJECTED with a reason past the overflow limit', async () => {
    await server.close();
    server = await testServer(rosterOf({ sharma: [1] }, { overflowLimit: 0 }));
    await allocate({ doctor_id: 'sharma', slot_id: 'D1-9-10', source: 'online' });
    const rejected = (await allocate({ doctor_id: 'sharma', slot_id: 'D1-9-10', source: 'online' })).json();
    expect(rejected).toEqual({ status: 'REJECTED', reason: expect.any(String) });
  });

  it('POST /allocate with an unknown doctor is 404, a missing doctor_id 400', async () => {
    expect((await allocate({ doctor_id: 'house', slot_id: 'D1-9-10' })).statusCode).toBe(404);
    const missing = await allocate({ slot_id: 'D1-9-10' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatch(/doctor_id/);
  });
});

describe('the contract documents', () => {
  it('/openapi.json is OpenAPI 3.1 describing every route', async () => {
    const document = (await server.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/commands',
      '/api/v1/bookings',
      '/api/v1/tokens/{id}/cancel',
      '/api/v1/tokens/{id}/move',
      '/api/v1/doctors/{id}/call',
      '/api/v1/undo',
      '/api/v1/clock',
      '/api/v1/board',
      '/api/v1/tokens',
      '/api/v1/tokens/{id}',
      '/api/v1/report',
      '/api/v1/display',
      '/api/v1/events',
      '/api/v1/display/events',
      '/allocate',
      '/view-status',
      '/display',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    expect(document.paths['/api/v1/bookings'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('patient');
    const responses = document.paths['/api/v1/bookings'].post.responses;
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '413', '422', '503']));
    expect(responses['409'].content['application/json'].schema.properties.status.enum).toEqual(['ERROR']);
  });

  it('/docs serves the interactive documentation', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/swagger/i);
  });

  it('/display serves the TV page', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/display' });
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toMatch(/\/api\/v1\/display\/events/);
  });
});

describe('logs and the live clock', () => {
  it('request logs carry a request id, and neither names, phones nor keys', async () => {
    const { Writable } = await import('node:stream');
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const { SqliteJournal } = await import('../../src/journal/sqlite-journal.js');
    const { ServerStore } = await import('../../src/server/store.js');
    const { DayHub } = await import('../../src/server/days.js');
    const { buildServer } = await import('../../src/server/app.js');
    const journal = SqliteJournal.open(server.file.replace('server.db', 'logged.db'));
    const store = new ServerStore(journal.database);
    const hub = new DayHub({ journal, store, roster: rosterOf({ sharma: [2] }), desk: 'test' });
    const { app } = await buildServer({ hub, store, defaultDate: DATE, logger: { level: 'info', stream } });
    const display = store.addKey('tv', 'display');
    const desk = store.addKey('desk', 'desk');
    await app.inject({
      ...post('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', phone: '98450 11111' }),
      headers: { authorization: `Bearer ${desk}`, 'x-request-id': 'req-42' },
    });
    await app.inject({ method: 'GET', url: `/api/v1/display?key=${display}` });
    await app.close();
    hub.close();
    journal.close();
    const log = lines.join('');
    expect(log).toContain('"reqId":"req-42"');
    expect(log).not.toMatch(/Asha|98450/);
    expect(log).not.toContain(display);
    expect(log).not.toContain(desk);
  });

  it("on today's date the clock follows the wall clock, journaled as a clock command", async () => {
    const { SqliteJournal } = await import('../../src/journal/sqlite-journal.js');
    const { ServerStore } = await import('../../src/server/store.js');
    const { DayHub } = await import('../../src/server/days.js');
    const journal = SqliteJournal.open(server.file.replace('server.db', 'live.db'));
    const hub = new DayHub({
      journal,
      store: new ServerStore(journal.database),
      roster: rosterOf({ sharma: [2, 2] }),
      desk: 'test',
      today: () => DATE,
      now: () => new Date(2026, 2, 2, 10, 5),
    });
    const submitted = await hub.submit(DATE, { op: 'book', doctor: 'sharma', patient: 'Asha' });
    expect(submitted.outcome.result).toMatchObject({ status: 'ALLOCATED', slot: '10:00-11:00' });
    expect(journal.read(DATE, 0).map((e) => e.command.op)).toEqual(['clock', 'book']);
    hub.close();
    journal.close();
  });
});
