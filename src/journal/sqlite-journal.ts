/**
 * The day journal in an embedded SQLite file: WAL, synchronous FULL (a commit is on disk before
 * it returns), the file readable by its owner only. A file that is not an opd-desk journal, is
 * corrupt, or was written by a newer format is refused before anything writes to it.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { JournalError, type DayListing, type DayRecord, type ExclusiveJournal, type Journal, type JournalEntry } from './journal.js';

/** An entry as read back: the command parsed, the result parsed only if someone asks for it. */
class RecordedEntry implements JournalEntry {
  private parsed: JournalEntry['result'] | undefined;

  constructor(
    readonly seq: number,
    readonly command: JournalEntry['command'],
    readonly resultText: string,
    readonly at: string,
    readonly desk: string,
  ) {}

  get result(): JournalEntry['result'] {
    this.parsed ??= JSON.parse(this.resultText) as JournalEntry['result'];
    return this.parsed;
  }
}

export const FORMAT_NAME = 'opd-desk-journal';
export const FORMAT_VERSION = 1;
/** How long a desk waits for another desk's write before giving up. */
export const LOCK_WAIT_MS = 5000;

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE days (date TEXT PRIMARY KEY, roster TEXT NOT NULL, started_at TEXT NOT NULL, started_by TEXT NOT NULL);
  CREATE TABLE commands (
    date TEXT NOT NULL,
    seq INTEGER NOT NULL,
    command TEXT NOT NULL,
    result TEXT NOT NULL,
    at TEXT NOT NULL,
    desk TEXT NOT NULL,
    PRIMARY KEY (date, seq)
  ) WITHOUT ROWID;
`;

function explain(error: unknown, file: string): JournalError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB') return new JournalError(`${file} is not an opd-desk journal (not a database); it was left as it is`);
  if (code.startsWith('SQLITE_CORRUPT')) return new JournalError(`${file} is corrupt (${message}); it was left as it is. Restore it from a backup`);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return new JournalError(`${file} stayed locked by another program for too long; try again`);
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')) {
    return new JournalError(`cannot write ${file} (${message}); check the folder can be written, or give --data a writable file`);
  }
  return new JournalError(`${file}: ${message}`);
}

/** Checks an existing file read-only: an opd-desk journal of a format this version reads, not corrupt. */
function inspect(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length === 0) return; // an empty database: ours to set up
    if (!tables.includes('meta')) throw new JournalError(`${file} is a database, but not an opd-desk journal; it was left as it is`);
    const meta = new Map(db.prepare('SELECT key, value FROM meta').all().map((row) => {
      const { key, value } = row as { key: string; value: string };
      return [key, value] as const;
    }));
    if (meta.get('format') !== FORMAT_NAME) throw new JournalError(`${file} is a database, but not an opd-desk journal; it was left as it is`);
    const version = Number(meta.get('version'));
    if (!(version <= FORMAT_VERSION)) {
      throw new JournalError(`${file} was written by a newer opd-desk (journal format ${meta.get('version')}; this one reads format ${FORMAT_VERSION}); upgrade opd-desk to open it. The file was left as it is`);
    }
    const check = db.prepare('PRAGMA quick_check').pluck().all() as string[];
    if (check.length !== 1 || check[0] !== 'ok') throw new JournalError(`${file} is corrupt (${check.slice(0, 3).join('; ')}); it was left as it is. Restore it from a backup`);
  } catch (error) {
    if (error instanceof JournalError) throw error;
    throw explain(error, file);
  } finally {
    db?.close();
  }
}

/** Creates the file (and its folder) readable by its owner only, before SQLite touches it. */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    throw new JournalError(`cannot create ${file} (${(error as NodeJS.ErrnoException).code}); check the folder can be written, or give --data a writable file`);
  }
}

export class SqliteJournal implements Journal, DayListing {
  private readonly db: Database.Database;
  private readonly statements: {
    day: Database.Statement;
    lastSeq: Database.Statement;
    read: Database.Statement;
    scan: Database.Statement;
    append: Database.Statement;
    dates: Database.Statement;
  };

  private constructor(readonly location: string, db: Database.Database) {
    this.db = db;
    this.statements = {
      day: db.prepare('SELECT roster FROM days WHERE date = ?').pluck(),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM commands WHERE date = ?').pluck(),
      read: db.prepare('SELECT seq, command, result, at, desk FROM commands WHERE date = ? AND seq > ? ORDER BY seq').raw(),
      scan: db.prepare('SELECT seq, command, result FROM commands WHERE date = ? AND seq > ? ORDER BY seq').raw(),
      append: db.prepare('INSERT INTO commands (date, seq, command, result, at, desk) VALUES (?, ?, ?, ?, ?, ?)'),
      dates: db.prepare('SELECT date FROM days ORDER BY date').pluck(),
    };
  }

  /** Opens (or creates) the journal file. Throws a JournalError saying what is wrong. */
  static open(file: string, { lockWaitMs = LOCK_WAIT_MS }: { lockWaitMs?: number } = {}): SqliteJournal {
    const existed = existsSync(file) && statSync(file).size > 0;
    if (existed) inspect(file);
    else if (!existsSync(file)) createPrivately(file);
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { fileMustExist: true, timeout: lockWaitMs });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
      if (tables === 0) {
        db.transaction(() => {
          db!.exec(SCHEMA);
          db!.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('format', FORMAT_NAME, 'version', String(FORMAT_VERSION));
        }).immediate();
      }
      chmodSync(file, 0o600);
      return new SqliteJournal(file, db);
    } catch (error) {
      db?.close();
      if (error instanceof JournalError) throw error;
      throw explain(error, file);
    }
  }

  day(date: string): DayRecord | undefined {
    const roster = this.statements.day.get(date) as string | undefined;
    return roster === undefined ? undefined : { date, roster: JSON.parse(roster) };
  }

  startDay(record: DayRecord, desk: string): void {
    this.guard(() =>
      this.db
        .prepare('INSERT OR IGNORE INTO days (date, roster, started_at, started_by) VALUES (?, ?, ?, ?)')
        .run(record.date, JSON.stringify(record.roster), new Date().toISOString(), desk),
    );
  }

  dates(): string[] {
    return this.statements.dates.all() as string[];
  }

  lastSeq(date: string): number {
    return this.guard(() => this.statements.lastSeq.get(date) as number);
  }

  read(date: string, afterSeq: number): JournalEntry[] {
    return this.guard(() =>
      (this.statements.read.all(date, afterSeq) as [number, string, string, string, string][]).map(
        ([seq, command, result, at, desk]) => new RecordedEntry(seq, JSON.parse(command), result, at, desk),
      ),
    );
  }

  scan(date: string, afterSeq: number, visit: (seq: number, command: JournalEntry['command'], resultText: string) => void): void {
    this.guard(() => {
      for (const [seq, command, result] of this.statements.scan.iterate(date, afterSeq) as IterableIterator<[number, string, string]>) {
        visit(seq, JSON.parse(command), result);
      }
    });
  }

  exclusive<T>(write: (journal: ExclusiveJournal) => T): T {
    const inside: ExclusiveJournal = {
      lastSeq: (date) => this.statements.lastSeq.get(date) as number,
      read: (date, afterSeq) => this.read(date, afterSeq),
      append: (date, entry) => {
        const last = this.statements.lastSeq.get(date) as number;
        if (entry.seq !== last + 1) throw new JournalError(`journal append out of order: expected seq ${last + 1}, got ${entry.seq}`);
        this.statements.append.run(date, entry.seq, JSON.stringify(entry.command), JSON.stringify(entry.result), entry.at, entry.desk);
      },
    };
    // IMMEDIATE takes the write lock at once, so the last sequence number read inside is final.
    return this.guard(() => this.db.transaction(() => write(inside)).immediate());
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
