/**
 * The day journal in an embedded SQLite file: WAL, synchronous FULL (a commit is on disk before
 * it returns), the file readable by its owner only. A file that is not an opd-desk journal, is
 * corrupt, or was written by a newer format is refused before anything writes to it. Read-only
 * opening (log, export, verify) never writes anything, not even a schema into an empty file.
 */
import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { chainHash, genesisHash } from './chain.js';
import { checkedCommand, checkedResult, checkedRoster, checkedSeq } from './entry-check.js';
import { checkJournalFile } from './journal-file.js';
import { JournalError, type DayListing, type DayRecord, type ExclusiveJournal, type Journal, type JournalEntry } from './journal.js';
import { FORMAT_VERSION, migrate } from './migrations.js';
import { explain, inspect, JournalBusyError, inspectOpen, openReadOnly } from './sqlite-inspect.js';

export { FORMAT_NAME, FORMAT_VERSION } from './migrations.js';

/** How long a desk waits for another desk's write before giving up. */
export const LOCK_WAIT_MS = 5000;

export interface OpenOptions {
  lockWaitMs?: number;
  /** Read only: never create, set up, migrate or write the file (log, export, verify). */
  readOnly?: boolean;
  /** Create the file's folder when it does not exist (the default location only). */
  createFolder?: boolean;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

type Row = [seq: number, command: string, result: string, at: string, desk: string, hash: string | null];

/** The outcome of checking a day's chain: fine, unchained (written before tamper evidence), or the first bad seq. */
export type ChainCheck = { ok: true; entries: number; chained: boolean } | { ok: false; seq: number; problem: string };

export class SqliteJournal implements Journal, DayListing {
  private readonly db: Database.Database;
  /** The file's format version (1: written before tamper evidence; read-only opening keeps it). */
  readonly version: number;
  private readonly statements: {
    day: Database.Statement;
    head: Database.Statement;
    lastSeq: Database.Statement;
    rows: Database.Statement;
    append: Database.Statement;
    setHead: Database.Statement | undefined;
    dates: Database.Statement;
  };

  private constructor(
    readonly location: string,
    db: Database.Database,
    readonly created: boolean,
  ) {
    this.db = db;
    this.version = Number(db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get());
    const chained = this.version >= 2;
    this.statements = {
      day: db.prepare('SELECT roster FROM days WHERE date = ?').pluck(),
      head: db.prepare(chained ? 'SELECT roster, last_seq, head FROM days WHERE date = ?' : 'SELECT roster, NULL, NULL FROM days WHERE date = ?').raw(),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM commands WHERE date = ?').pluck(),
      rows: db.prepare(`SELECT seq, command, result, at, desk, ${chained ? 'hash' : 'NULL'} FROM commands WHERE date = ? AND seq > ? ORDER BY seq`).raw(),
      append: chained
        ? db.prepare('INSERT INTO commands (date, seq, command, result, at, desk, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        : db.prepare('INSERT INTO commands (date, seq, command, result, at, desk) VALUES (?, ?, ?, ?, ?, ?)'),
      setHead: chained ? db.prepare('UPDATE days SET last_seq = ?, head = ? WHERE date = ?') : undefined,
      dates: db.prepare('SELECT date FROM days ORDER BY date').pluck(),
    };
  }

  /** Opens (or, unless read-only, creates) the journal file. Throws a JournalError saying what is wrong. */
  static open(file: string, options: OpenOptions = {}): SqliteJournal {
    // SQLite answers some lock conflicts at opening (a journal-mode switch, WAL recovery, the
    // last connection checkpointing) with BUSY without waiting; try again until the wait is up.
    const deadline = Date.now() + (options.lockWaitMs ?? LOCK_WAIT_MS);
    for (;;) {
      try {
        return SqliteJournal.openOnce(file, options);
      } catch (error) {
        if (!(error instanceof JournalBusyError) || Date.now() >= deadline) throw error;
        sleepMs(10 + Math.floor(Math.random() * 40));
      }
    }
  }

  private static openOnce(file: string, { lockWaitMs = LOCK_WAIT_MS, readOnly = false, createFolder = true }: OpenOptions): SqliteJournal {
    const checked = checkJournalFile(file, { readOnly, createFolder });
    let db: Database.Database | undefined;
    try {
      if (readOnly) {
        db = openReadOnly(file, lockWaitMs);
        inspectOpen(db, file);
        if ((db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number) === 0) {
          throw new JournalError(`${file} is an empty database, not an opd-desk journal yet; nothing was written to it`);
        }
        return new SqliteJournal(file, db, false);
      }
      if (!checked.empty) inspect(file, lockWaitMs);
      db = new Database(file, { fileMustExist: true, timeout: lockWaitMs });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      const database = db;
      const version = () => {
        const tables = database.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
        return tables === 0 ? 0 : Number(database.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get());
      };
      // Set up and migrated under the write lock, checked again inside it: of several desks
      // creating one file at once, one sets it up and the others find it done.
      if (version() < FORMAT_VERSION) database.transaction(() => migrate(database, version())).immediate();
      if (checked.created) chmodSync(file, 0o600);
      return new SqliteJournal(file, db, checked.created);
    } catch (error) {
      db?.close();
      if (error instanceof JournalError) throw error;
      throw explain(error, file);
    }
  }

  day(date: string): DayRecord | undefined {
    const roster = this.guard(() => this.statements.day.get(date) as string | undefined);
    return roster === undefined ? undefined : { date, roster: checkedRoster(this.location, date, roster) };
  }

  startDay(record: DayRecord, desk: string): void {
    // One transaction: another desk must never see the day without its genesis head (it would
    // chain its first entry to nothing, and this desk's head would then overwrite that entry's).
    this.guard(() =>
      this.db
        .transaction(() => {
          const roster = JSON.stringify(record.roster);
          const inserted = this.db
            .prepare('INSERT OR IGNORE INTO days (date, roster, started_at, started_by) VALUES (?, ?, ?, ?)')
            .run(record.date, roster, new Date().toISOString(), desk);
          if (inserted.changes > 0) this.statements.setHead?.run(0, genesisHash(record.date, roster), record.date);
        })
        .immediate(),
    );
  }

  dates(): string[] {
    return this.guard(() => this.statements.dates.all() as string[]);
  }

  lastSeq(date: string): number {
    return this.guard(() => this.statements.lastSeq.get(date) as number);
  }

  read(date: string, afterSeq: number): JournalEntry[] {
    const entries: JournalEntry[] = [];
    this.each(date, afterSeq, (entry) => entries.push(entry));
    return entries;
  }

  /** Every entry after `afterSeq`, checked and in order, one at a time (bounded memory). */
  each(date: string, afterSeq: number, visit: (entry: JournalEntry) => void): void {
    for (const entry of this.entries(date, afterSeq)) visit(entry);
  }

  /**
   * The same entries as an iterator, for a reader that pauses between them (a log waiting for its
   * reader to drain). Nothing else may use this journal until the iteration ends.
   */
  *entries(date: string, afterSeq: number): Generator<JournalEntry, void, undefined> {
    const rows = this.guard(() => this.statements.rows.iterate(date, afterSeq) as IterableIterator<Row>);
    try {
      let expected = afterSeq + 1;
      for (;;) {
        const next = this.guard(() => rows.next());
        if (next.done === true) return;
        const [seq, command, result, at, desk] = next.value;
        checkedSeq(this.location, date, seq, expected++);
        yield {
          seq,
          command: checkedCommand(this.location, date, seq, command),
          result: checkedResult(this.location, date, seq, result),
          at: String(at),
          desk: String(desk),
          resultText: result,
        };
      }
    } finally {
      rows.return?.();
    }
  }

  /** The replay: every entry checked against the chain and the recorded last seq before the day opens. */
  scan(date: string, afterSeq: number, visit: (seq: number, command: JournalEntry['command'], resultText: string) => void): void {
    const check = this.walk(date, (seq, command, result) => {
      if (seq > afterSeq) visit(seq, checkedCommand(this.location, date, seq, command), result);
    });
    if (!check.ok) throw new TamperError(this.location, date, check);
  }

  /** Checks a day's chain without replaying it (`opd-desk verify`). */
  verify(date: string): ChainCheck {
    return this.walk(date, () => {});
  }

  private walk(date: string, visit: (seq: number, command: string, result: string) => void): ChainCheck {
    // One read transaction: the day's head and its rows from the same moment, whatever other desks append.
    return this.guard(() => this.db.transaction(() => this.walkInside(date, visit)).deferred());
  }

  private walkInside(date: string, visit: (seq: number, command: string, result: string) => void): ChainCheck {
    {
      const day = this.statements.head.get(date) as [string, number | null, string | null] | undefined;
      if (day === undefined) return { ok: true, entries: 0, chained: this.version >= 2 };
      const [roster, lastSeq, head] = day;
      const chained = this.version >= 2;
      let hash = genesisHash(date, roster);
      let expected = 1;
      for (const [seq, command, result, at, desk, stored] of this.statements.rows.iterate(date, Number.MIN_SAFE_INTEGER) as IterableIterator<Row>) {
        if (typeof seq !== 'number' || seq < 1) return { ok: false, seq: Number(seq), problem: `a sequence number of ${String(seq)} (they start at 1)` };
        if (seq !== expected) return { ok: false, seq: expected, problem: `seq ${expected} is missing (the next row is seq ${seq})` };
        if (chained) {
          hash = chainHash(hash, { date, seq, command: String(command), result: String(result), at: String(at), desk: String(desk) });
          if (stored !== hash) return { ok: false, seq, problem: 'its content or a row before it was changed, added or removed' };
        }
        visit(seq, command, result);
        expected += 1;
      }
      if (chained && (lastSeq !== expected - 1 || head !== hash)) {
        return { ok: false, seq: expected, problem: `the day recorded ${lastSeq ?? 0} entries and holds ${expected - 1}: its last rows were removed` };
      }
      return { ok: true, entries: expected - 1, chained };
    }
  }

  exclusive<T>(write: (journal: ExclusiveJournal) => T): T {
    if (this.statements.setHead === undefined) throw new JournalError(`${this.location} is open read-only`);
    const setHead = this.statements.setHead;
    // Each day's head is read at its first append and written once, after the last one (a group
    // of commands is one transaction: one read and one write of the head, not one per command).
    const heads = new Map<string, { last: number; head: string }>();
    const inside: ExclusiveJournal = {
      lastSeq: (date) => this.statements.lastSeq.get(date) as number,
      read: (date, afterSeq) => this.read(date, afterSeq),
      append: (date, entry) => {
        let day = heads.get(date);
        if (day === undefined) {
          const stored = this.statements.head.get(date) as [string, number, string | null] | undefined;
          if (stored === undefined) throw new JournalError(`journal append to ${date}, a day that was not started`);
          day = { last: stored[1], head: stored[2] ?? '' };
        }
        if (entry.seq !== day.last + 1) throw new JournalError(`journal append out of order: expected seq ${day.last + 1}, got ${entry.seq}`);
        const row = { date, seq: entry.seq, command: JSON.stringify(entry.command), result: JSON.stringify(entry.result), at: entry.at, desk: entry.desk };
        const hash = chainHash(day.head, row);
        this.statements.append.run(date, row.seq, row.command, row.result, row.at, row.desk, hash);
        heads.set(date, { last: entry.seq, head: hash });
      },
    };
    // IMMEDIATE takes the write lock at once, so the last sequence number read inside is final.
    return this.guard(() =>
      this.db
        .transaction(() => {
          const value = write(inside);
          for (const [date, { last, head }] of heads) setHead.run(last, head, date);
          return value;
        })
        .immediate(),
    );
  }

  changeMark(): number {
    return this.guard(() => this.db.pragma('data_version', { simple: true }) as number);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The open database, for tables kept beside the journal (the server's keys); see src/server/store.ts. */
  get database(): Database.Database {
    return this.db;
  }

  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof JournalError) throw error;
      if ((error as { code?: string }).code?.startsWith('SQLITE')) throw explain(error, this.location);
      throw error;
    }
  }
}

/** A day whose chain is broken: refused, naming the first bad seq. */
export class TamperError extends JournalError {
  constructor(
    location: string,
    date: string,
    readonly check: Extract<ChainCheck, { ok: false }>,
  ) {
    super(
      `the journal of ${date} in ${location} has been altered at seq ${check.seq}: ${check.problem}. ` +
        'The day was not opened and the file was left as it is; restore it from a backup (`opd-desk verify` checks a file)',
    );
  }
}
