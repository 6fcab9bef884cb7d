/**
 * The server's own tables, kept in the journal's database beside the day journal: API keys
 * (hashed), idempotency answers, and which key booked which token. Created on first use with
 * their own CREATE TABLE IF NOT EXISTS, so the journal's format is untouched. Writes that belong
 * to a command run inside the journal transaction of that command, so they commit together.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';

export const ROLES = ['desk', 'booking', 'display', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  name: string;
  role: Role;
  createdAt: string;
}

export interface StoredAnswer {
  hash: string;
  status: number;
  body: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS server_api_keys (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS server_idempotency (
    caller TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
    body TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (caller, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS server_token_owners (
    date TEXT NOT NULL, token TEXT NOT NULL, caller TEXT NOT NULL, PRIMARY KEY (date, token)
  ) WITHOUT ROWID;
`;

/** A key is 32 random bytes (256 bits); only its SHA-256 is stored, so a leaked file leaks no key. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Refuses a key name that is not 1–64 letters, digits, dots, dashes or underscores. */
export function checkKeyName(name: string): void {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw new Error(`a key name is 1–64 letters, digits, dots, dashes or underscores, not "${name}"`);
}

/** A new key: 32 random bytes, shown once. */
export function newKey(): string {
  return `opd_${randomBytes(32).toString('base64url')}`;
}

export class ServerStore {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = {
      addKey: db.prepare('INSERT INTO server_api_keys (name, role, key_hash, created_at) VALUES (?, ?, ?, ?)'),
      keys: db.prepare('SELECT name, role, created_at AS createdAt FROM server_api_keys ORDER BY name'),
      keyCount: db.prepare('SELECT count(*) FROM server_api_keys').pluck(),
      revoke: db.prepare('DELETE FROM server_api_keys WHERE name = ?'),
      byHash: db.prepare('SELECT name, role, key_hash AS keyHash FROM server_api_keys WHERE key_hash = ?'),
      answer: db.prepare('SELECT request_hash AS hash, status, body FROM server_idempotency WHERE caller = ? AND key = ?'),
      remember: db.prepare('INSERT OR IGNORE INTO server_idempotency (caller, key, request_hash, status, body, at) VALUES (?, ?, ?, ?, ?, ?)'),
      own: db.prepare('INSERT OR IGNORE INTO server_token_owners (date, token, caller) VALUES (?, ?, ?)'),
      owner: db.prepare('SELECT caller FROM server_token_owners WHERE date = ? AND token = ?').pluck(),
      owned: db.prepare('SELECT token FROM server_token_owners WHERE date = ? AND caller = ?').pluck(),
    };
  }

  /** Adds a key and returns it: the only time it is ever shown. */
  addKey(name: string, role: Role, now = new Date()): string {
    checkKeyName(name);
    if (this.listKeys().some((k) => k.name === name)) throw new Error(`there is already a key named "${name}" (revoke it first)`);
    const key = newKey();
    this.statements.addKey.run(name, role, hashKey(key), now.toISOString());
    return key;
  }

  listKeys(): ApiKey[] {
    return this.statements.keys.all() as ApiKey[];
  }

  hasKeys(): boolean {
    return (this.statements.keyCount.get() as number) > 0;
  }

  revokeKey(name: string): boolean {
    return this.statements.revoke.run(name).changes > 0;
  }

  /** The key's name and role, or undefined for an unknown (or revoked) key. */
  authenticate(key: string): { name: string; role: Role } | undefined {
    const hash = hashKey(key);
    const row = this.statements.byHash.get(hash) as { name: string; role: Role; keyHash: string } | undefined;
    if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash))) return undefined;
    return { name: row.name, role: row.role };
  }

  answer(caller: string, key: string): StoredAnswer | undefined {
    return this.statements.answer.get(caller, key) as StoredAnswer | undefined;
  }

  /** Call inside the command's journal transaction. */
  remember(caller: string, key: string, answer: StoredAnswer): void {
    this.statements.remember.run(caller, key, answer.hash, answer.status, answer.body, new Date().toISOString());
  }

  /** Call inside the booking's journal transaction. */
  recordOwner(date: string, token: string, caller: string): void {
    this.statements.own.run(date, token, caller);
  }

  ownerOf(date: string, token: string): string | undefined {
    return this.statements.owner.get(date, token) as string | undefined;
  }

  ownedTokens(date: string, caller: string): Set<string> {
    return new Set(this.statements.owned.all(date, caller) as string[]);
  }
}
