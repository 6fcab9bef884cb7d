/**
 * The day journal in PostgreSQL, for servers and desks on several machines sharing one day.
 * Commands of a day are serialized by an advisory lock keyed by the date, held for the
 * command's transaction; each is appended with the seq it expects (the (date, seq) primary key
 * is the final guard) and announced with NOTIFY, delivered when the transaction commits.
 */
import pg from 'pg';
import type { Command } from '../engine/index.js';
import { DaySubscription, type AsyncExclusiveJournal, type AsyncJournal, type NewEntries } from './async-journal.js';
import { JournalError, type DayRecord, type JournalEntry } from './journal.js';
import { explainPg, isUnavailable, redact } from './pg/errors.js';
import { ApiKeys, type IdempotentAnswer } from './pg/keys.js';
import { ChangeListener } from './pg/listener.js';
import { lastSeqWith, lockAndRead, readWith } from './pg/locked-day.js';
import { LOCK_NAMESPACE, migrate } from './pg/migrations.js';

export { JournalUnavailableError } from './async-journal.js';

export interface PgJournalOptions {
  /** Connections in the pool (one per command being written or read at once). */
  poolSize?: number;
  /** How long a command waits for another server's write to the same day. */
  lockWaitMs?: number;
  /** How long to wait for a connection before answering that the journal is unavailable. */
  connectTimeoutMs?: number;
  /** The safety-net poll of subscribed days, in case a notification was lost. */
  pollMs?: number;
  /** The listener's first reconnection delay (doubling up to 2 s). */
  reconnectMs?: number;
}

/** Inside a day's write lock, with the server's idempotency keys at hand. */
export interface PgExclusiveJournal extends AsyncExclusiveJournal {
  /** The answer already given to this idempotency key of the locked day, if any. */
  recall(key: string): Promise<IdempotentAnswer | undefined>;
  /** Keeps the answer to an idempotency key; it commits (or not) with the command. */
  remember(key: string, answer: IdempotentAnswer): Promise<void>;
  /** Runs one parameterised statement in the write's transaction (it commits with the entries). */
  run<R extends object = Record<string, unknown>>(text: string, values: unknown[]): Promise<R[]>;
}

/** True for the addresses PgJournal opens (what `--data` is told apart by). */
export function isPostgresUrl(data: string): boolean {
  return /^postgres(ql)?:\/\//i.test(data);
}

const BATCH = 5000;

export class PgJournal implements AsyncJournal {
  readonly apiKeys: ApiKeys;
  private readonly listener: ChangeListener;

  private constructor(
    readonly location: string,
    private readonly pool: pg.Pool,
    clientConfig: pg.ClientConfig,
    options: PgJournalOptions,
  ) {
    this.apiKeys = new ApiKeys(pool);
    this.listener = new ChangeListener(clientConfig, (dates) => this.lastSeqs(dates), {
      pollMs: options.pollMs ?? 2000,
      reconnectMs: options.reconnectMs ?? 100,
      maxReconnectMs: 2000,
    });
  }

  /**
   * Connects and brings the schema up to date (or refuses a database that is not an opd-desk
   * journal this version can use, changing nothing). Throws a JournalError saying what is wrong.
   */
  static async open(url: string, options: PgJournalOptions = {}): Promise<PgJournal> {
    const location = redact(url);
    const config: pg.ClientConfig = {
      connectionString: url,
      application_name: 'opd-desk',
      keepAlive: true,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      lock_timeout: options.lockWaitMs ?? 5000,
      // A client that hangs inside a write must not hold the day's lock for ever.
      idle_in_transaction_session_timeout: 15_000,
    };
    const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server: the pool discards it and opens another when needed.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migrate(client, location);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw explainPg(error, location);
    }
    return new PgJournal(location, pool, config, options);
  }

  async day(date: string): Promise<DayRecord | undefined> {
    const { rows } = await this.query<{ roster: string }>('SELECT roster FROM days WHERE date = $1', [date]);
    return rows[0] === undefined ? undefined : { date, roster: JSON.parse(rows[0].roster) };
  }

  async startDay(record: DayRecord, desk: string): Promise<void> {
    await this.query('INSERT INTO days (date, roster, started_at, started_by) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO NOTHING', [
      record.date,
      JSON.stringify(record.roster),
      new Date().toISOString(),
      desk,
    ]);
  }

  async dates(): Promise<string[]> {
    const { rows } = await this.query<{ date: string }>('SELECT date FROM days ORDER BY date');
    return rows.map((row) => row.date);
  }

  async lastSeq(date: string): Promise<number> {
    return lastSeqWith(this.pool, date).catch((error: unknown) => {
      throw explainPg(error, this.location);
    });
  }

  async read(date: string, afterSeq: number): Promise<JournalEntry[]> {
    return readWith(this.pool, date, afterSeq).catch((error: unknown) => {
      throw explainPg(error, this.location);
    });
  }

  async scan(date: string, afterSeq: number, visit: (seq: number, command: Command, resultText: string) => void): Promise<void> {
    for (let after = afterSeq; ;) {
      let rows: [number, string, string][];
      try {
        rows = (
          await this.pool.query<[number, string, string]>(
            { text: 'SELECT seq, command, result FROM commands WHERE date = $1 AND seq > $2 ORDER BY seq LIMIT $3', rowMode: 'array' },
            [date, after, BATCH],
          )
        ).rows;
      } catch (error) {
        throw explainPg(error, this.location);
      }
      for (const [seq, command, result] of rows) visit(seq, JSON.parse(command), result);
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1]![0];
    }
  }

  /**
   * One transaction holding the day's advisory lock; the appends are written together with
   * the COMMIT. `readAfter`: the seq the write will read after first (read with the lock). A JournalUnavailableError from here means the connection was lost: if it was
   * lost during COMMIT the write may have been kept, which is why retries carry idempotency keys.
   */
  async exclusive<T>(date: string, write: (journal: PgExclusiveJournal) => Promise<T>, { readAfter }: { readAfter?: number } = {}): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw explainPg(error, this.location);
    }
    // A checked-out connection that drops emits 'error'; without a listener that would crash.
    let broken = false;
    const onError = () => (broken = true);
    client.on('error', onError);
    try {
      // With `readAfter` the entries after it come with the lock: the write's first read asks nothing.
      const locked = await lockAndRead(client, LOCK_NAMESPACE, date, readAfter);
      const value = await write(locked);
      // The appends, then COMMIT. After a failed statement PostgreSQL answers COMMIT with a
      // rollback, not an error.
      if ((await locked.commit()) !== 'COMMIT')
        throw new JournalError(`the write to ${date} was rolled back by the database after an error inside it; nothing was kept`);
      client.removeListener('error', onError);
      client.release();
      return value;
    } catch (error) {
      await this.abandon(client, onError, broken || isUnavailable(error));
      if ((error as { code?: string }).code === '25P02') {
        throw new JournalError(`the write to ${date} was rolled back by the database after an error inside it; nothing was kept`);
      }
      if ((error as { code?: string }).code === '23505' && (error as { table?: string }).table === 'commands') {
        throw new JournalError(`journal append out of order: seq taken by another writer of ${date}`);
      }
      throw explainPg(error, this.location);
    }
  }

  async subscribe(date: string, onNewEntries: NewEntries): Promise<() => void> {
    await this.listener.start();
    const subscription = new DaySubscription(date, await this.lastSeq(date), onNewEntries);
    this.listener.add(subscription);
    return () => this.listener.remove(subscription);
  }

  /** One parameterised statement on a pooled connection (the server's own records). */
  async sql<R extends pg.QueryResultRow>(statement: string, values: unknown[] = []): Promise<R[]> {
    return (await this.query<R>(statement, values)).rows;
  }

  /**
   * Calls `changed` whenever the API keys change through opd-desk (NOTIFY on commit), and on
   * every (re)connection of the listener. Resolves once the first connection was tried.
   */
  async watchKeys(changed: () => void): Promise<() => void> {
    const stop = this.listener.watchKeys(changed);
    await this.listener.start();
    return stop;
  }

  /** True while the LISTEN connection is up (false while it reconnects). */
  get listening(): boolean {
    return this.listener.listening;
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end().catch(() => undefined);
  }

  /** Rolls back and returns the connection, or discards it if it is broken. */
  private async abandon(client: pg.PoolClient, onError: () => void, broken: boolean): Promise<void> {
    if (!broken) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
    }
    client.removeListener('error', onError);
    client.release(broken ? true : undefined);
  }

  private async lastSeqs(dates: string[]): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ date: string; seq: number }>(
      'SELECT date, MAX(seq) AS seq FROM commands WHERE date = ANY($1::text[]) GROUP BY date',
      [dates],
    );
    return new Map(rows.map((row) => [row.date, row.seq]));
  }

  private async query<R extends pg.QueryResultRow>(statement: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(statement, values);
    } catch (error) {
      throw explainPg(error, this.location);
    }
  }
}
