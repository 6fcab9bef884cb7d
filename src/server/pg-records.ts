/** The server's records in the PostgreSQL journal's database, so any server answers a retry. */
import { timingSafeEqual } from 'node:crypto';
import type { PgExclusiveJournal, PgJournal } from '../journal/pg-journal.js';
import { KEYS_CHANNEL } from '../journal/pg/listener.js';
import type { CommitRecords, ServerRecords } from './records.js';
import type { IdempotencySlot } from './server-days.js';
import { KeyChecks, type KeyChecksOptions } from './key-checks.js';
import { checkKeyName, hashKey, newKey, type ApiKey, type Role, type StoredAnswer } from './store.js';

/** Announced, when it commits, by every statement here that changes the keys (see KeyChecks). */
const NOTIFY_KEYS = `SELECT name, pg_notify('${KEYS_CHANNEL}', '') FROM changed`;

export class PgRecords implements ServerRecords {
  private readonly checks: KeyChecks<{ name: string; role: Role }>;
  private watching = false;

  constructor(
    private readonly journal: PgJournal,
    options: Omit<KeyChecksOptions, 'trusted'> = {},
  ) {
    this.checks = new KeyChecks({ ...options, trusted: () => this.watching && this.journal.listening });
  }

  async hasKeys(): Promise<boolean> {
    this.watchKeys();
    // Revoked keys count too: once a key was configured, every request needs one.
    return this.checks.hasKeys(async () => (await this.journal.sql<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM api_keys) AS any'))[0]!.any);
  }

  async authenticate(key: string): Promise<{ name: string; role: Role } | undefined> {
    this.watchKeys();
    const hash = hashKey(key);
    return this.checks.caller(hash, async () => {
      const found = (
        await this.journal.sql<{ name: string; role: string; hash: string }>('SELECT name, role, hash FROM api_keys WHERE hash = $1 AND revoked_at IS NULL', [
          hash,
        ])
      )[0];
      if (!found || !timingSafeEqual(Buffer.from(found.hash), Buffer.from(hash))) return undefined;
      return { name: found.name, role: found.role as Role };
    });
  }

  async answer(caller: string, key: string): Promise<StoredAnswer | undefined> {
    const rows = await this.journal.sql<StoredAnswer>('SELECT request_hash AS hash, status, body FROM request_answers WHERE caller = $1 AND key = $2', [
      caller,
      key,
    ]);
    return rows[0];
  }

  async ownerOf(date: string, token: string): Promise<string | undefined> {
    return (await this.journal.sql<{ caller: string }>('SELECT caller FROM token_owners WHERE date = $1 AND token = $2', [date, token]))[0]?.caller;
  }

  async ownedTokens(date: string, caller: string): Promise<Set<string>> {
    const rows = await this.journal.sql<{ token: string }>('SELECT token FROM token_owners WHERE date = $1 AND caller = $2', [date, caller]);
    return new Set(rows.map((row) => row.token));
  }

  async addKey(name: string, role: Role, now = new Date()): Promise<string> {
    checkKeyName(name);
    const key = newKey();
    // A revoked key's name may be given to a new key.
    const rows = await this.journal.sql(
      'WITH changed AS (INSERT INTO api_keys (name, role, hash, created_at) VALUES ($1, $2, $3, $4) ' +
        'ON CONFLICT (name) DO UPDATE SET role = $2, hash = $3, created_at = $4, revoked_at = NULL WHERE api_keys.revoked_at IS NOT NULL RETURNING name) ' +
        NOTIFY_KEYS,
      [name, role, hashKey(key), now.toISOString()],
    );
    this.checks.forget();
    if (rows.length === 0) throw new Error(`there is already a key named "${name}" (revoke it first)`);
    return key;
  }

  async listKeys(): Promise<ApiKey[]> {
    return this.journal.sql<ApiKey>('SELECT name, role, created_at AS "createdAt" FROM api_keys WHERE revoked_at IS NULL ORDER BY name');
  }

  async revokeKey(name: string): Promise<boolean> {
    const rows = await this.journal.sql(
      `WITH changed AS (UPDATE api_keys SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING name) ${NOTIFY_KEYS}`,
      [name, new Date().toISOString()],
    );
    this.checks.forget();
    return rows.length === 1;
  }

  /** Listens for key changes from the first key check on (registered at once, before any answer is kept). */
  private watchKeys(): void {
    if (this.watching) return;
    this.watching = true;
    void this.journal.watchKeys(() => this.checks.forget()).catch(() => undefined);
  }
}

/** Under the day's lock: the answers already given to any of these idempotency keys, by index. */
export async function recallAnswers(locked: PgExclusiveJournal, slots: readonly (IdempotencySlot | undefined)[]): Promise<Map<number, StoredAnswer>> {
  const asked = slots.flatMap((slot, index) => (slot ? [{ ...slot, index }] : []));
  const found = new Map<number, StoredAnswer>();
  if (asked.length === 0) return found;
  const rows = await locked.run<StoredAnswer & { caller: string; key: string }>(
    'SELECT a.caller, a.key, a.request_hash AS hash, a.status, a.body FROM request_answers a JOIN unnest($1::text[], $2::text[]) AS t(caller, key) ON a.caller = t.caller AND a.key = t.key',
    [asked.map((slot) => slot.caller), asked.map((slot) => slot.key)],
  );
  for (const slot of asked) {
    const row = rows.find((r) => r.caller === slot.caller && r.key === slot.key);
    if (row) found.set(slot.index, { hash: row.hash, status: row.status, body: row.body });
  }
  return found;
}

/** Writes the records of a group of commands inside their transaction: one statement per table. */
export async function writeRecords(date: string, locked: PgExclusiveJournal, records: readonly CommitRecords[]): Promise<void> {
  const owners = records.flatMap((record) => (record.owner ? [record.owner] : []));
  const answers = records.flatMap((record) => (record.answer ? [record.answer] : []));
  if (owners.length > 0) {
    await locked.run(
      'INSERT INTO token_owners (date, token, caller) SELECT $1, t.token, t.caller FROM unnest($2::text[], $3::text[]) AS t(token, caller) ON CONFLICT DO NOTHING',
      [date, owners.map((owner) => owner.token), owners.map((owner) => owner.caller)],
    );
  }
  if (answers.length > 0) {
    await locked.run(
      'INSERT INTO request_answers (caller, key, request_hash, status, body, at) ' +
        'SELECT t.caller, t.key, t.hash, t.status, t.body, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS t(caller, key, hash, status, body) ' +
        'ON CONFLICT DO NOTHING',
      [
        answers.map((a) => a.caller),
        answers.map((a) => a.key),
        answers.map((a) => a.answer.hash),
        answers.map((a) => a.answer.status),
        answers.map((a) => a.answer.body),
        new Date().toISOString(),
      ],
    );
  }
}
