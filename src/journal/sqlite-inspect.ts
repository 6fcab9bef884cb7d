/** Read-only checks of an existing database before it is opened for writing, and SQLite errors in words. */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { JournalError } from './journal.js';
import { why } from './journal-file.js';
import { FORMAT_NAME, FORMAT_VERSION } from './migrations.js';

/** The file stayed locked (SQLite BUSY); opening tries again until its wait is up. */
export class JournalBusyError extends JournalError {}

export function explain(error: unknown, file: string): JournalError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB') return new JournalError(`${file} is not an opd-desk journal (not a database); it was left as it is`);
  if (code.startsWith('SQLITE_CORRUPT')) return new JournalError(`${file} is corrupt (${message}); it was left as it is. Restore it from a backup`);
  if (code.startsWith('SQLITE_BUSY')) return new JournalBusyError(`${file} stayed locked by another program for too long; try again`);
  if (code.startsWith('SQLITE_FULL')) return new JournalError(`cannot write ${file}: the disk is full`);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code.startsWith('SQLITE_IOERR')) {
    return new JournalError(`cannot write ${file} (${message}); check the folder can be written, or give --data a writable file`);
  }
  return new JournalError(`${file}: ${message}`);
}

/** An opd-desk journal of a format this version reads, not corrupt; checked read-only. */
export function inspect(file: string, lockWaitMs: number): void {
  const db = openReadOnly(file, lockWaitMs);
  try {
    inspectOpen(db, file);
  } finally {
    db.close();
  }
}

/** The same checks on a database already open (read-only readers open it once). */
export function inspectOpen(db: Database.Database, file: string): void {
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length === 0) return; // an empty database: ours to set up
    const foreign = () => new JournalError(`${file} is a database, but not an opd-desk journal; it was left as it is`);
    if (!tables.includes('meta')) throw foreign();
    const meta = new Map(
      db
        .prepare('SELECT key, value FROM meta')
        .raw()
        .all()
        .map((row) => [String((row as unknown[])[0]), String((row as unknown[])[1])] as const),
    );
    if (meta.get('format') !== FORMAT_NAME) throw foreign();
    const version = Number(meta.get('version'));
    if (!Number.isInteger(version) || version < 1) throw foreign();
    if (version > FORMAT_VERSION) {
      throw new JournalError(
        `${file} was written by a newer opd-desk (journal format ${meta.get('version')}; this one reads format ${FORMAT_VERSION}); upgrade opd-desk to open it. The file was left as it is`,
      );
    }
    const check = db.prepare('PRAGMA quick_check').pluck().all() as string[];
    if (check.length !== 1 || check[0] !== 'ok')
      throw new JournalError(`${file} is corrupt (${check.slice(0, 3).join('; ')}); it was left as it is. Restore it from a backup`);
  } catch (error) {
    if (error instanceof JournalError) throw error;
    throw explain(error, file);
  }
}

/**
 * Read only. SQLite needs a -shm file beside a WAL journal even to read it; in a folder that
 * cannot be written (a backup in a read-only folder) the file, and its -wal if any, is copied
 * to a private temporary folder and read there, so nothing is ever written beside it.
 */
export function openReadOnly(file: string, lockWaitMs: number): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: lockWaitMs });
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_CANTOPEN') && !code.startsWith('SQLITE_READONLY')) throw explain(error, file);
  }
  let folder: string | undefined;
  try {
    folder = mkdtempSync(join(tmpdir(), 'opd-desk-read-'));
    const made = folder;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    const copy = join(folder, basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    return new Database(copy, { readonly: true, fileMustExist: true, timeout: lockWaitMs });
  } catch (error) {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    const size = Math.ceil(statSync(file).size / 2 ** 20);
    throw new JournalError(
      `${file} is in a folder that cannot be written, so it is read from a private copy in the temporary folder ${tmpdir()}, and that failed: ${why(error)}. ` +
        `Set TMPDIR to a folder with ${size} MB free, or copy the journal to a folder that can be written`,
    );
  }
}
