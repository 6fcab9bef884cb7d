import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { rosterOf } from '../support/day.js';
import { DATE, post, sseClient, testServer, type TestServer } from './support.js';

let server: TestServer;
let base: string;
beforeEach(async () => {
  server = await testServer(rosterOf({ sharma: [200, 200] }), undefined, 20);
  base = await server.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  await server.close();
});

const book = (patient: string) => server.app.inject(post('/api/v1/bookings', { doctor: 'sharma', patient }));
const seqs = (events: { id?: string }[]) => events.map((e) => Number(e.id));

describe('/api/v1/events', () => {
  it('sends one event per journal entry, its id the seq, live after the backlog', async () => {
    await book('A');
    await book('B');
    const client = sseClient(`${base}/api/v1/events`);
    await client.until((events) => events.length >= 2);
    await book('C');
    await client.until((events) => events.length >= 3);
    await client.stop();
    expect(seqs(client.events)).toEqual([1, 2, 3]);
    expect(JSON.parse(client.events[2]!.data)).toMatchObject({ seq: 3, command: { op: 'book', patient: 'C' }, result: { token: 'SHR-003' } });
  });

  it("sends live the same event text a later client reads back from the journal, another desk's entries included", async () => {
    const live = sseClient(`${base}/api/v1/events`);
    await book('A');
    await live.until((events) => events.length >= 1);
    const journal = SqliteJournal.open(server.file);
    try {
      const desk = DeskSession.open({ journal, date: DATE, desk: 'desk-2', fallbackRoster: defaultRoster() });
      desk.submit({ op: 'book', doctor: 'sharma', patient: 'From the desk', phone: '+91 98765 43210' });
    } finally {
      journal.close();
    }
    // The next batch catches up with the desk's entry under the lock and announces both.
    await Promise.all([book('B'), server.app.inject(post('/api/v1/tokens/SHR-001/cancel'))]);
    await live.until((events) => events.length >= 4);
    await live.stop();
    const later = sseClient(`${base}/api/v1/events`);
    await later.until((events) => events.length >= 4);
    await later.stop();
    expect(seqs(live.events)).toEqual([1, 2, 3, 4]);
    expect(live.events.map((e) => e.data)).toEqual(later.events.map((e) => e.data));
  });

  it('Last-Event-ID resumes with nothing missed or repeated', async () => {
    for (const name of ['A', 'B', 'C']) await book(name);
    const first = sseClient(`${base}/api/v1/events`);
    await first.until((events) => events.length >= 3);
    await first.stop();
    for (const name of ['D', 'E']) await book(name);
    const resumed = sseClient(`${base}/api/v1/events`, { 'last-event-id': first.events.at(-1)!.id! });
    await resumed.until((events) => events.length >= 2);
    await book('F');
    await resumed.until((events) => events.length >= 3);
    await resumed.stop();
    expect(seqs(resumed.events)).toEqual([4, 5, 6]);
  });

  it("another process's commits on the same journal reach the stream", async () => {
    const client = sseClient(`${base}/api/v1/events`);
    await book('A');
    await client.until((events) => events.length >= 1);
    const journal = SqliteJournal.open(server.file);
    try {
      const desk = DeskSession.open({ journal, date: DATE, desk: 'desk-2', fallbackRoster: defaultRoster() });
      desk.submit({ op: 'book', doctor: 'sharma', patient: 'From the desk' });
    } finally {
      journal.close();
    }
    await client.until((events) => events.length >= 2);
    await client.stop();
    expect(JSON.parse(client.events[1]!.data)).toMatchObject({ seq: 2, desk: 'desk-2' });
  });

  it('a reader that does not read cannot grow the server memory without bound', async () => {
    const response = await fetch(`${base}/api/v1/events`); // never read
    await sleep(50);
    // About 6 MB of events, more than the kernel's socket buffers hold.
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: 5000 }, (_, i) => server.hub.submit(DATE, { op: 'book', doctor: 'sharma', patient: `Patient ${round}-${i}`, source: 'walk-in' })),
      );
    }
    await sleep(50);
    expect(server.streams.size).toBe(1);
    for (const stream of server.streams) expect(stream.writableLength).toBeLessThan(256 * 1024);
    await response.body?.cancel();
  });
});

describe('/api/v1/display/events', () => {
  it('sends the display view as it changes, token ids only', async () => {
    const client = sseClient(`${base}/api/v1/display/events`);
    await client.until((events) => events.length >= 1);
    await server.app.inject(post('/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', phone: '98450 11111' }));
    // The display shows who is checked in: the booking alone changes nothing on the TV.
    await server.app.inject(post('/api/v1/tokens/SHR-001/check-in', {}));
    await client.until((events) => events.length >= 2);
    await client.stop();
    expect(JSON.parse(client.events[1]!.data).doctors[0]).toMatchObject({ id: 'sharma', next: ['SHR-001'] });
    expect(client.events.map((e) => e.data).join('')).not.toMatch(/Asha|98450/);
  });
});
