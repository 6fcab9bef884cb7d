/** An undo through the server names the undone command by the seq the journal gave it, so the day replays as recorded. */
import { describe, expect, it } from 'vitest';
import { DeskSession } from '../../src/journal/session.js';
import { rosterOf } from '../support/day.js';
import { DATE, post, testServer } from './support.js';

describe('undo through the server', () => {
  it('after a refused command, undo names the seq the journal gave the undone command, and the day replays as recorded', async () => {
    const roster = rosterOf({ sharma: [2], reddy: [2] });
    const server = await testServer(roster);
    try {
      expect((await server.app.inject(post('/api/v1/bookings', { doctor: 'nobody', patient: 'Asha' }))).statusCode).toBe(404);
      expect((await server.app.inject(post('/api/v1/doctors/sharma/absent'))).json()).toMatchObject({ seq: 1 });
      const undo = (await server.app.inject(post('/api/v1/undo'))).json();
      expect(undo).toMatchObject({ status: 'UNDONE', undid: { op: 'absent', seq: 1 }, seq: 2 });
      // A desk opening the same day replays every recorded result exactly (else it refuses to open).
      const desk = DeskSession.open({ journal: server.journal, date: DATE, desk: 'desk-2', fallbackRoster: roster });
      expect(desk.mismatches).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
