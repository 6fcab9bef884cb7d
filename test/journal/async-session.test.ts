/**
 * AsyncSession: a day replayed on an asynchronous journal (here the SQLite file through
 * asyncFromSqlite; the PostgreSQL server tests run it on PostgreSQL). Two sessions stand for
 * two servers on one journal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster, snapshot } from '../../src/engine/index.js';
import { asyncFromSqlite, type AsyncJournal } from '../../src/journal/async-journal.js';
import { AsyncSession } from '../../src/journal/async-session.js';
import { JournalError } from '../../src/journal/journal.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { rosterOf } from '../support/day.js';

const DATE = '2026-03-02';
const opened: AsyncJournal[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});

function store() {
  const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-async-session-')), 'desk.db');
  return () => {
    const journal = asyncFromSqlite(SqliteJournal.open(file), { pollMs: 20 });
    opened.push(journal);
    return journal;
  };
}

const session = (journal: AsyncJournal, desk: string) => AsyncSession.open({ journal, date: DATE, desk, fallbackRoster: defaultRoster() });

describe('AsyncSession', () => {
  it("runs each command after catching up with the other session's, in one order with no gaps", async () => {
    const open = store();
    const a = await session(open(), 'a');
    const b = await session(open(), 'b');
    expect((await a.submit({ op: 'book', doctor: 'sharma', patient: 'Asha' })).map((o) => o.result)).toMatchObject([{ token: 'SHR-001' }]);
    const outcomes = await b.submit({ op: 'book', doctor: 'sharma', patient: 'Ravi' });
    expect(outcomes.map((o) => o.result)).toMatchObject([{ token: 'SHR-001' }, { token: 'SHR-002' }]);
    expect(b.entries.map((e) => [e.seq, e.desk])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    await a.sync();
    expect(snapshot(a.day)).toBe(snapshot(b.day));
    expect(a.read(1).map((e) => e.seq)).toEqual([2]);
  });

  it('journals nothing for a refused command, and runs the rest of its batch', async () => {
    const open = store();
    const a = await session(open(), 'a');
    const { own } = await a.batch([
      () => ({ op: 'book', doctor: 'nobody', patient: 'X' }),
      () => undefined,
      () => ({ op: 'book', doctor: 'reddy', patient: 'Y' }),
    ]);
    expect(own.map((o) => [o.outcome?.result.status, o.seq])).toEqual([
      ['ERROR', null],
      [undefined, null],
      ['ALLOCATED', 1],
    ]);
    expect(await open().lastSeq(DATE)).toBe(1);
  });

  it('rebuilds the day from what was committed when a write fails, and passes the error on', async () => {
    const open = store();
    const a = await session(open(), 'a');
    await a.submit({ op: 'book', doctor: 'sharma', patient: 'Asha' });
    const before = snapshot(a.day);
    const failing = (write: (locked: never) => Promise<void>) =>
      a.journal.exclusive(DATE, async (locked) => {
        await write(locked as never);
        throw new JournalError('the connection dropped');
      });
    await expect(a.batch([() => ({ op: 'book', doctor: 'sharma', patient: 'Ravi' })], undefined, failing)).rejects.toThrow('the connection dropped');
    expect(snapshot(a.day)).toBe(before);
    expect(a.appliedSeq).toBe(1);
    expect(a.entries).toHaveLength(1);
    expect((await a.submit({ op: 'book', doctor: 'sharma', patient: 'Ravi' })).at(-1)!.result).toMatchObject({ token: 'SHR-002' });
  });

  it('refuses a day that was never started when it may not start one, and a day started with another roster', async () => {
    const open = store();
    const journal = open();
    await expect(AsyncSession.open({ journal, date: DATE, desk: 'reader' })).rejects.toThrow(`has no day ${DATE}`);
    await session(journal, 'a');
    await expect(AsyncSession.open({ journal, date: DATE, desk: 'b', roster: rosterOf({ sharma: [1] }) })).rejects.toThrow(
      /was started with another roster \(Dr\. Sharma, Dr\. Reddy, Dr\. Kapoor\)/,
    );
  });
});
