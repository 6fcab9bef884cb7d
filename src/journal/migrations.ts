/**
 * The journal's schema, version by version, in one place. `MIGRATIONS[v]` takes a journal of
 * format version v to v + 1 (version 0 is an empty database). Each runs inside the write
 * transaction that opened the file, so a crash leaves either the old version or the new one.
 * To add a table (say, idempotency keys), append a migration and raise nothing else.
 */
import type Database from 'better-sqlite3';
import { chainHash, genesisHash } from './chain.js';

export const FORMAT_NAME = 'opd-desk-journal';

type Migration = (db: Database.Database) => void;

export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: days and their commands.
  (db) => {
    db.exec(`
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
    `);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('format', FORMAT_NAME, 'version', '1');
  },
  // 1 → 2: tamper evidence. Each entry's hash chains to the previous one (the first to the
  // day's record); the day records its last seq and last hash. Existing rows are chained here.
  (db) => {
    db.exec(`
      ALTER TABLE commands ADD COLUMN hash TEXT;
      ALTER TABLE days ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE days ADD COLUMN head TEXT;
    `);
    const setHash = db.prepare('UPDATE commands SET hash = ? WHERE date = ? AND seq = ?');
    const rows = db.prepare('SELECT seq, command, result, at, desk FROM commands WHERE date = ? ORDER BY seq').raw();
    const days = db.prepare('SELECT date, roster FROM days').raw().all() as [string, string][];
    const setHead = db.prepare('UPDATE days SET last_seq = ?, head = ? WHERE date = ?');
    for (const [date, roster] of days) {
      let head = genesisHash(date, roster);
      let last = 0;
      const hashes: [string, number][] = [];
      for (const [seq, command, result, at, desk] of rows.iterate(date) as IterableIterator<[number, string, string, string, string]>) {
        head = chainHash(head, { date, seq, command, result, at, desk });
        hashes.push([head, seq]);
        last = seq;
      }
      for (const [hash, seq] of hashes) setHash.run(hash, date, seq);
      setHead.run(last, head, date);
    }
  },
];

export const FORMAT_VERSION = MIGRATIONS.length;

/** Brings the database up to FORMAT_VERSION; call inside an IMMEDIATE transaction. */
export function migrate(db: Database.Database, from: number): void {
  for (let version = from; version < MIGRATIONS.length; version++) MIGRATIONS[version]!(db);
  if (from < MIGRATIONS.length) db.prepare("UPDATE meta SET value = ? WHERE key = 'version'").run(String(FORMAT_VERSION));
}
