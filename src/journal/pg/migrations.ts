/**
 * The PostgreSQL journal's schema, as numbered migrations applied in order on first use. All of
 * them run in one transaction under an advisory lock, so servers starting together migrate once.
 * A database of another program, or of a newer opd-desk, is refused before anything is written.
 */
import type { PoolClient } from 'pg';
import { JournalError } from '../journal.js';

export const FORMAT_NAME = 'opd-desk-journal';

/** The advisory-lock namespace of opd-desk (first key of the two-key form): "opd" in ASCII. */
export const LOCK_NAMESPACE = 0x6f7064;
/** The second key of the migration lock (day locks use hashtext(date)). */
const MIGRATION_LOCK = 0;

/** Migration N brings the schema from version N-1 to N. Never edit one that has shipped: add one. */
export const MIGRATIONS: readonly (readonly string[])[] = [
  // 1: the day journal, as in the SQLite file.
  [
    'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    'CREATE TABLE days (date TEXT PRIMARY KEY, roster TEXT NOT NULL, started_at TEXT NOT NULL, started_by TEXT NOT NULL)',
    `CREATE TABLE commands (
       date TEXT NOT NULL,
       seq INTEGER NOT NULL CHECK (seq > 0),
       command TEXT NOT NULL,
       result TEXT NOT NULL,
       at TEXT NOT NULL,
       desk TEXT NOT NULL,
       PRIMARY KEY (date, seq)
     )`,
  ],
  // 2: the server's idempotency keys (kept with the day) and API keys (stored hashed).
  [
    `CREATE TABLE idempotency (
       date TEXT NOT NULL,
       key TEXT NOT NULL,
       request_hash TEXT NOT NULL,
       response_json TEXT NOT NULL,
       seq INTEGER,
       PRIMARY KEY (date, key)
     )`,
    `CREATE TABLE api_keys (
       name TEXT PRIMARY KEY,
       role TEXT NOT NULL,
       hash TEXT NOT NULL UNIQUE,
       created_at TEXT NOT NULL,
       revoked_at TEXT
     )`,
  ],
  // 3: the server's answers per API key and idempotency key (as the SQLite file keeps them),
  // and which booking key booked which token.
  [
    `CREATE TABLE request_answers (
       caller TEXT NOT NULL,
       key TEXT NOT NULL,
       request_hash TEXT NOT NULL,
       status INTEGER NOT NULL,
       body TEXT NOT NULL,
       at TEXT NOT NULL,
       PRIMARY KEY (caller, key)
     )`,
    'CREATE TABLE token_owners (date TEXT NOT NULL, token TEXT NOT NULL, caller TEXT NOT NULL, PRIMARY KEY (date, token))',
  ],
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The schema version found, or 0 for an empty database; throws for a database not ours. */
async function inspect(client: PoolClient, location: string): Promise<number> {
  const tables = (
    await client.query<{ name: string }>(
      // pg_class, not information_schema: it lists tables this user has no rights on, too.
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1",
    )
  ).rows.map((row) => row.name);
  if (tables.length === 0) return 0;
  const notOurs = new JournalError(
    `${location} is a database of another program (tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', ...' : ''}), not an opd-desk journal; it was left as it is. Give --data an empty database`,
  );
  if (!tables.includes('meta')) throw notOurs;
  const meta = new Map((await client.query<{ key: string; value: string }>('SELECT key, value FROM meta')).rows.map((row) => [row.key, row.value] as const));
  if (meta.get('format') !== FORMAT_NAME) throw notOurs;
  const version = Number(meta.get('version'));
  if (!Number.isInteger(version) || version < 1)
    throw new JournalError(`${location} is an opd-desk journal with an unreadable schema version (${meta.get('version')}); it was left as it is`);
  if (version > SCHEMA_VERSION) {
    throw new JournalError(
      `${location} was written by a newer opd-desk (schema version ${version}; this one reads version ${SCHEMA_VERSION}); upgrade opd-desk to open it. The database was left as it is`,
    );
  }
  return version;
}

/** Brings the database to SCHEMA_VERSION, or refuses it and changes nothing. */
export async function migrate(client: PoolClient, location: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
    const found = await inspect(client, location);
    for (let version = found + 1; version <= SCHEMA_VERSION; version++) {
      for (const statement of MIGRATIONS[version - 1]!) await client.query(statement);
    }
    if (found === 0) {
      await client.query('INSERT INTO meta (key, value) VALUES ($1, $2), ($3, $4)', ['format', FORMAT_NAME, 'version', String(SCHEMA_VERSION)]);
    } else if (found < SCHEMA_VERSION) {
      await client.query('UPDATE meta SET value = $1 WHERE key = $2', [String(SCHEMA_VERSION), 'version']);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
