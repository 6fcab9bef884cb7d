/**
 * What the server keeps beside the journal, whatever the journal: API keys (hashed), the answer
 * given to each idempotency key, and which booking key booked which token. The SQLite file's
 * ServerStore answers at once; PostgreSQL's PgRecords over the network, so callers await.
 */
import type { ApiKey, Role, StoredAnswer } from './store.js';

export type Awaitable<T> = T | Promise<T>;

export interface ServerRecords {
  /** True once any key was ever added (then every request needs one). */
  hasKeys(): Awaitable<boolean>;
  /** The key's name and role, or undefined for an unknown (or revoked) key. */
  authenticate(key: string): Awaitable<{ name: string; role: Role } | undefined>;
  answer(caller: string, key: string): Awaitable<StoredAnswer | undefined>;
  ownerOf(date: string, token: string): Awaitable<string | undefined>;
  ownedTokens(date: string, caller: string): Awaitable<Set<string>>;
  /** Adds a key and returns it: the only time it is ever shown. */
  addKey(name: string, role: Role, now?: Date): Awaitable<string>;
  listKeys(): Awaitable<ApiKey[]>;
  revokeKey(name: string): Awaitable<boolean>;
}

/** What one command writes in its own journal transaction, so it commits (or not) with it. */
export interface CommitRecords {
  answer?: { caller: string; key: string; answer: StoredAnswer };
  owner?: { token: string; caller: string };
}
