/**
 * What may be opened as a journal, checked before SQLite touches anything: a regular file (not
 * a symbolic link, folder, FIFO or device), empty or an SQLite database. Creating a new file is
 * private (0600, in a 0700 folder) and safe when several desks create the same file at once.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from './journal.js';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** A file-system error in words (never a bare ENOENT). */
export function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return (error as Error).message;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new JournalError(`cannot open ${file}: ${why(error)}`);
  }
}

function refuseUnlessRegular(file: string, stats: Stats): void {
  if (stats.isSymbolicLink()) throw new JournalError(`${file} is a symbolic link; give --data the file itself. Nothing was changed`);
  if (stats.isDirectory()) throw new JournalError(`${file} is a folder, not a journal file; give --data a file`);
  if (!stats.isFile()) throw new JournalError(`${file} is not a regular file (a pipe or a device); give --data a journal file`);
}

/** An existing non-empty file must start as an SQLite database does; else it is not ours. */
function refuseUnlessDatabase(file: string, size: number): void {
  if (size === 0) return;
  const header = Buffer.alloc(16);
  let read: number;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new JournalError(`cannot read ${file}: ${why(error)}`);
  }
  if (read < 16 || header.toString('latin1') !== SQLITE_MAGIC) {
    throw new JournalError(`${file} is not an opd-desk journal (not a database); it was left as it is`);
  }
}

export interface CheckedFile {
  /** This process created the file (and may set its mode). */
  created: boolean;
  /** The file is empty: a new journal to set up (never done read-only). */
  empty: boolean;
}

/**
 * Checks `file` for opening. Read-only: it must exist and be a non-empty database. For writing:
 * a missing file is created (its folder too, when `createFolder`), an empty one is set up.
 */
export function checkJournalFile(file: string, { readOnly, createFolder }: { readOnly: boolean; createFolder: boolean }): CheckedFile {
  let stats = lstatOrUndefined(file);
  if (stats === undefined) {
    if (readOnly) throw new JournalError(`there is no journal at ${file} (give --data the file the desk uses)`);
    const folder = dirname(file);
    if (lstatOrUndefined(folder) === undefined) {
      if (!createFolder) throw new JournalError(`cannot create ${file}: the folder ${folder} does not exist (create it first, or check the path)`);
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
      } catch (error) {
        throw new JournalError(`cannot create the folder ${folder}: ${why(error)}`);
      }
    }
    try {
      closeSync(openSync(file, 'wx', 0o600));
      return { created: true, empty: true };
    } catch (error) {
      // Another desk created it a moment ago: open theirs, as an existing file.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new JournalError(`cannot create ${file}: ${why(error)}; give --data a file in a folder you can write`);
      stats = lstatOrUndefined(file);
      if (stats === undefined) throw new JournalError(`cannot create ${file}: it vanished while it was being created; try again`);
    }
  }
  refuseUnlessRegular(file, stats);
  if (readOnly && stats.size === 0) throw new JournalError(`${file} is empty: it is not an opd-desk journal (nothing was written to it)`);
  refuseUnlessDatabase(file, stats.size);
  return { created: false, empty: stats.size === 0 };
}
