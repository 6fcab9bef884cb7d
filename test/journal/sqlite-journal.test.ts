import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { JournalError, type JournalEntry } from '../../src/journal/journal.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';

const opened: SqliteJournal[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.close();
});

const folder = () => mkdtempSync(join(tmpdir(), 'opd-desk-journal-'));
const open = (file: string, lockWaitMs?: number) => {
  const journal = SqliteJournal.open(file, lockWaitMs === undefined ? {} : { lockWaitMs });
  opened.push(journal);
  return journal;
};
/** Appends go to a started day: its record is the first link of the chain. */
const withDay = (journal: SqliteJournal) => {
  journal.startDay({ date: 'd', roster: defaultRoster() }, 'test@desk');
  return journal;
};
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const entry = (seq: number): JournalEntry => ({
  seq,
  command: { op: 'book', doctor: 'sharma', patient: `P${seq}` },
  result: { op: 'book', status: 'ALLOCATED', token: `SHR-00${seq}`, slot: '09:00-10:00' },
  at: '2026-03-02T09:00:00.000Z',
  desk: 'test@desk',
});

/** Opening must fail with a message matching `message` and leave the file exactly as it was. */
function expectRefused(file: string, message: RegExp) {
  const before = hash(file);
  expect(() => open(file)).toThrow(JournalError);
  expect(() => open(file)).toThrow(message);
  expect(hash(file)).toBe(before);
}

describe('the SQLite journal', () => {
  it('creates its file readable by its owner only, in a private folder, in WAL mode with synchronous FULL', () => {
    const file = join(folder(), 'new', 'desk.db');
    const journal = open(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    expect(journal.lastSeq('2026-03-02')).toBe(0);
  });

  it('records a day and appends entries in order, and reads them back', () => {
    const journal = open(join(folder(), 'desk.db'));
    journal.startDay({ date: '2026-03-02', roster: defaultRoster() }, 'test@desk');
    expect(journal.day('2026-03-02')?.roster).toEqual(defaultRoster());
    journal.exclusive((locked) => locked.append('2026-03-02', entry(1)));
    journal.exclusive((locked) => locked.append('2026-03-02', entry(2)));
    const plain = (entries: JournalEntry[]) => entries.map(({ seq, command, result, at, desk }) => ({ seq, command, result, at, desk }));
    expect(plain(journal.read('2026-03-02', 0))).toEqual([entry(1), entry(2)]);
    expect(plain(journal.read('2026-03-02', 1))).toEqual([entry(2)]);
    const scanned: unknown[] = [];
    journal.scan('2026-03-02', 0, (seq, command, resultText) => scanned.push([seq, command, JSON.parse(resultText)]));
    expect(scanned).toEqual([1, 2].map((n) => [n, entry(n).command, entry(n).result]));
    expect(journal.dates()).toEqual(['2026-03-02']);
  });

  it('refuses an append that would leave a gap or repeat a number', () => {
    const journal = withDay(open(join(folder(), 'desk.db')));
    expect(() => journal.exclusive((locked) => locked.append('d', entry(2)))).toThrow(/expected seq 1, got 2/);
    journal.exclusive((locked) => locked.append('d', entry(1)));
    expect(() => journal.exclusive((locked) => locked.append('d', entry(1)))).toThrow(/expected seq 2, got 1/);
  });

  it('chains several appends in one write (a group commit) as if each had its own, and records the last as the head', () => {
    const grouped = withDay(open(join(folder(), 'grouped.db')));
    const single = withDay(open(join(folder(), 'single.db')));
    grouped.exclusive((locked) => [1, 2, 3].forEach((seq) => locked.append('d', entry(seq))));
    grouped.exclusive((locked) => locked.append('d', entry(4)));
    expect(() => grouped.exclusive((locked) => locked.append('d', entry(4)))).toThrow(/expected seq 5, got 4/);
    for (const seq of [1, 2, 3, 4]) single.exclusive((locked) => locked.append('d', entry(seq)));
    expect(grouped.verify('d')).toEqual({ ok: true, entries: 4, chained: true });
    const heads = [grouped, single].map((journal) => journal.database.prepare("SELECT last_seq, head FROM days WHERE date = 'd'").get());
    expect(heads[0]).toEqual(heads[1]);
    expect(heads[0]).toMatchObject({ last_seq: 4 });
  });

  it('keeps nothing of a write that throws', () => {
    const journal = withDay(open(join(folder(), 'desk.db')));
    expect(() =>
      journal.exclusive((locked) => {
        locked.append('d', entry(1));
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(journal.lastSeq('d')).toBe(0);
  });

  it('changes its change mark when another connection commits', () => {
    const file = join(folder(), 'desk.db');
    const reader = withDay(open(file));
    const writer = open(file);
    const mark = reader.changeMark();
    expect(reader.changeMark()).toBe(mark);
    writer.exclusive((locked) => locked.append('d', entry(1)));
    expect(reader.changeMark()).not.toBe(mark);
  });

  it('says so when another program holds the lock too long', () => {
    const file = join(folder(), 'desk.db');
    withDay(open(file));
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const waiting = open(file, 100);
      expect(() => waiting.exclusive((locked) => locked.append('d', entry(1)))).toThrow(/stayed locked by another program for too long/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});

describe('files that are not journals it can use are refused and left as they were', () => {
  it('a text file', () => {
    const file = join(folder(), 'notes.txt');
    writeFileSync(file, 'Dr. Sharma: 4 seats\n'.repeat(200));
    expectRefused(file, /is not an opd-desk journal \(not a database\); it was left as it is/);
  });

  it('a picture', () => {
    const file = join(folder(), 'photo.png');
    writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]));
    expectRefused(file, /not an opd-desk journal/);
  });

  it("another program's database", () => {
    const file = join(folder(), 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('Asha')");
    other.close();
    expectRefused(file, /is a database, but not an opd-desk journal; it was left as it is/);
  });

  it('a journal written by a newer format', () => {
    const file = join(folder(), 'desk.db');
    open(file).close();
    opened.pop();
    const raw = new Database(file);
    raw.prepare("UPDATE meta SET value = '99' WHERE key = 'version'").run();
    raw.close();
    expectRefused(file, /written by a newer opd-desk \(journal format 99; this one reads format 2\); upgrade opd-desk to open it/);
  });

  it('a corrupt journal', () => {
    const file = join(folder(), 'desk.db');
    const journal = open(file);
    journal.startDay({ date: 'd', roster: defaultRoster() }, 'test@desk');
    for (let i = 1; i <= 300; i++) journal.exclusive((locked) => locked.append('d', entry(i)));
    journal.close();
    opened.pop();
    // Scribble over the middle of the file, as a failing disk might.
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 + 100, 4096 * 3);
    writeFileSync(file, bytes);
    expectRefused(file, /is corrupt .*it was left as it is\. Restore it from a backup/);
  });
});
