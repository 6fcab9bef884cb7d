/**
 * The server's keys in the journal's database, so any server answers a retry: idempotency keys
 * (recorded in the same transaction as the command they answer) and API keys (stored hashed).
 */
import type { PoolClient, Pool } from 'pg';

export interface IdempotentAnswer {
  requestHash: string;
  responseJson: string;
  /** The journal entry the request appended, if any (a refused command appends none). */
  seq: number | null;
}

export interface ApiKeyRecord {
  name: string;
  role: string;
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Inside a day's write lock: the answer already given to `key`, if any. */
export async function recallAnswer(client: PoolClient, date: string, key: string): Promise<IdempotentAnswer | undefined> {
  const { rows } = await client.query<IdempotentAnswer>(
    'SELECT request_hash AS "requestHash", response_json AS "responseJson", seq FROM idempotency WHERE date = $1 AND key = $2',
    [date, key],
  );
  return rows[0];
}

/** Inside a day's write lock: keeps the answer to `key`; it commits with the command. */
export async function rememberAnswer(client: PoolClient, date: string, key: string, answer: IdempotentAnswer): Promise<void> {
  await client.query('INSERT INTO idempotency (date, key, request_hash, response_json, seq) VALUES ($1, $2, $3, $4, $5)', [
    date,
    key,
    answer.requestHash,
    answer.responseJson,
    answer.seq,
  ]);
}

export class ApiKeys {
  constructor(private readonly pool: Pool) {}

  /** Adds a key; false if the name is taken. */
  async add(name: string, role: string, hash: string, createdAt: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('INSERT INTO api_keys (name, role, hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING', [
      name,
      role,
      hash,
      createdAt,
    ]);
    return rowCount === 1;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const { rows } = await this.pool.query<ApiKeyRecord>(
      'SELECT name, role, hash, created_at AS "createdAt", revoked_at AS "revokedAt" FROM api_keys ORDER BY name',
    );
    return rows;
  }

  /** Revokes a key; false if there is no such key still valid. */
  async revoke(name: string, revokedAt: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE api_keys SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL', [name, revokedAt]);
    return rowCount === 1;
  }

  /** The valid key with this hash, if any. */
  async find(hash: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await this.pool.query<ApiKeyRecord>(
      'SELECT name, role, hash, created_at AS "createdAt", revoked_at AS "revokedAt" FROM api_keys WHERE hash = $1 AND revoked_at IS NULL',
      [hash],
    );
    return rows[0];
  }
}
