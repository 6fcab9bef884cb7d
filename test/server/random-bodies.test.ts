/** Random bodies to every POST route: never a 500, and a 4xx never changes the day. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterOf } from '../support/day.js';
import { DATE, testServer, type TestServer } from './support.js';

const ROUTES = [
  '/api/v1/commands',
  '/api/v1/bookings',
  '/api/v1/tokens/SHR-001/cancel',
  '/api/v1/tokens/SHR-001/no-show',
  '/api/v1/tokens/SHR-001/check-in',
  '/api/v1/tokens/SHR-002/move',
  '/api/v1/doctors/sharma/call',
  '/api/v1/doctors/sharma/done',
  '/api/v1/doctors/reddy/absent',
  '/api/v1/undo',
  '/api/v1/clock',
  '/allocate',
];

const FIELDS = ['op', 'doctor', 'patient', 'slot', 'source', 'phone', 'token', 'time', 'from', 'to', 'expect', 'doctor_id', 'slot_id', 'x'];
const VALUES = fc.oneof(
  fc.constantFrom(
    'book',
    'cancel',
    'no-show',
    'clock',
    'call',
    'undo',
    'sharma',
    'Dr. Reddy',
    'SHR-001',
    '9-10',
    '25:00',
    '10:00',
    'emergency',
    'D1-9-10',
    '',
    ' ',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), VALUES, { maxKeys: 5 }).map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 30 }),
);

let server: TestServer;
beforeAll(async () => {
  server = await testServer(rosterOf({ sharma: [1, 1], reddy: [1] }));
  await server.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { doctor: 'sharma', patient: 'Asha', slot: '9-10' } });
  await server.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { doctor: 'sharma', patient: 'Ravi', slot: '9-10' } });
});
afterAll(async () => {
  await server.close();
});

describe('random bodies to every POST route', () => {
  it('never answer 500, always JSON, and a 4xx changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), body, fc.boolean(), async (url, payload, json) => {
        const before = server.state();
        const seq = server.journal.lastSeq(DATE);
        const response = await server.app.inject({
          method: 'POST',
          url,
          payload,
          headers: json ? { 'content-type': 'application/json' } : { 'content-type': 'text/plain' },
        });
        expect(response.statusCode).toBeLessThan(500);
        expect(response.headers['content-type']).toMatch(/application\/json/);
        if (response.statusCode >= 400) {
          expect(response.json().status).toBe('ERROR');
          expect(server.state()).toBe(before);
          expect(server.journal.lastSeq(DATE)).toBe(seq);
        }
      }),
      { numRuns: 300 },
    );
  });
});
