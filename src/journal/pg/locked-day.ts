/**
 * One day as a write holding its lock sees it. While the lock is held nobody else appends to the
 * day, so what was read from the database stays true: the tail read once answers later reads,
 * the last seq is asked at most once, and the appends are staged and written by one INSERT just
 * before COMMIT (one statement for a whole group of commands). Every statement is parameterised.
 */
import type { PoolClient, QueryResultRow } from 'pg';
import { JournalError, type JournalEntry } from '../journal.js';
import type { IdempotentAnswer } from './keys.js';
import { recallAnswer, rememberAnswer } from './keys.js';
import { CHANNEL } from './listener.js';
import { RecordedEntry } from './recorded-entry.js';

type Row = [number, string, string, string, string];

export async function lastSeqWith(client: Pick<PoolClient, 'query'>, date: string): Promise<number> {
  const { rows } = await client.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM commands WHERE date = $1', [date]);
  return rows[0]!.seq;
}

export async function readWith(client: Pick<PoolClient, 'query'>, date: string, afterSeq: number): Promise<JournalEntry[]> {
  const { rows } = await client.query<Row>(
    { text: 'SELECT seq, command, result, at, desk FROM commands WHERE date = $1 AND seq > $2 ORDER BY seq', rowMode: 'array' },
    [date, afterSeq],
  );
  return rows.map(([seq, command, result, at, desk]) => new RecordedEntry(seq, JSON.parse(command), result, at, desk));
}

/** The tail and the day's last seq in one statement: the first row carries the last seq even when the tail is empty. */
const TAIL =
  'SELECT l.last, c.seq, c.command, c.result, c.at, c.desk FROM (SELECT COALESCE(MAX(seq), 0) AS last FROM commands WHERE date = $1) AS l ' +
  'LEFT JOIN commands c ON c.date = $1 AND c.seq > $2 ORDER BY c.seq';

type TailRow = { last: number; seq: number | null; command: string; result: string; at: string; desk: string };

/** The entries after `afterSeq` and the day's last seq, in one round trip. */
export async function readTail(client: Pick<PoolClient, 'query'>, date: string, afterSeq: number): Promise<{ last: number; entries: JournalEntry[] }> {
  const { rows } = await client.query<TailRow>(TAIL, [date, afterSeq]);
  const entries = rows.flatMap((row) => (row.seq === null ? [] : [new RecordedEntry(row.seq, JSON.parse(row.command), row.result, row.at, row.desk)]));
  return { last: rows[0]!.last, entries };
}

/**
 * Opens the write's transaction, takes the day's lock and reads the day after `afterSeq`, each a
 * parameterised statement of its own. The tail is read after the lock is held, so it sees every
 * entry another server committed before. (node-postgres sends one statement at a time: queueing
 * the next before the last is answered is deprecated there.)
 */
export async function lockAndRead(client: PoolClient, namespace: number, date: string, afterSeq: number | undefined): Promise<LockedDay> {
  const locked = new LockedDay(client, date);
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, date]);
  if (afterSeq !== undefined && Number.isSafeInteger(afterSeq)) {
    const { last, entries } = await readTail(client, date, afterSeq);
    locked.seed(afterSeq, last, entries);
  }
  return locked;
}

export class LockedDay {
  /** The day's last seq in the database (exact: nobody else appends while the lock is held). */
  private stored: number | undefined;
  /** Every stored entry after `after`, once read. */
  private tail: { after: number; entries: JournalEntry[] } | undefined;
  private readonly staged: JournalEntry[] = [];

  constructor(
    private readonly client: PoolClient,
    readonly date: string,
  ) {}

  async lastSeq(date: string): Promise<number> {
    this.sameDate(date);
    return (await this.storedLast()) + this.staged.length;
  }

  async read(date: string, afterSeq: number): Promise<JournalEntry[]> {
    this.sameDate(date);
    let stored: JournalEntry[];
    if (this.tail !== undefined && afterSeq >= this.tail.after) {
      stored = this.tail.entries.filter((entry) => entry.seq > afterSeq);
    } else {
      const { last, entries } = await readTail(this.client, this.date, afterSeq);
      stored = entries;
      this.seed(afterSeq, last, entries);
    }
    return [...stored, ...this.staged.filter((entry) => entry.seq > afterSeq)];
  }

  /** What was read of the day under its lock already: its last seq, and every entry after `after`. */
  seed(after: number, last: number, entries: JournalEntry[]): void {
    this.tail = { after, entries };
    this.stored = last;
  }

  async append(date: string, entry: JournalEntry): Promise<void> {
    this.sameDate(date);
    const expected = (await this.lastSeq(date)) + 1;
    if (entry.seq !== expected) throw new JournalError(`journal append out of order: expected seq ${expected}, got ${entry.seq}`);
    this.staged.push(entry);
  }

  recall(key: string): Promise<IdempotentAnswer | undefined> {
    return recallAnswer(this.client, this.date, key);
  }

  remember(key: string, answer: IdempotentAnswer): Promise<void> {
    return rememberAnswer(this.client, this.date, key, answer);
  }

  /** Runs one parameterised statement in the write's transaction (it commits with the entries). */
  async run<R extends object = Record<string, unknown>>(text: string, values: unknown[]): Promise<R[]> {
    return (await this.client.query<R & QueryResultRow>(text, values)).rows;
  }

  /**
   * Writes the staged appends with one notification (sent only if the transaction commits) in
   * one parameterised statement, and commits. Returns the tag PostgreSQL answered COMMIT with
   * (ROLLBACK after an error inside the write).
   */
  async commit(): Promise<string> {
    if (this.staged.length === 0) return (await this.client.query('COMMIT')).command;
    const rows = JSON.stringify(
      this.staged.map((entry) => ({
        seq: entry.seq,
        command: JSON.stringify(entry.command),
        result: JSON.stringify(entry.result),
        at: entry.at,
        desk: entry.desk,
      })),
    );
    // A failed INSERT throws; the caller rolls back.
    await this.client.query(
      'WITH added AS (INSERT INTO commands (date, seq, command, result, at, desk) ' +
        'SELECT $1, t.seq, t.command, t.result, t.at, t.desk FROM json_to_recordset($2::json) ' +
        'AS t(seq int, command text, result text, at text, desk text) RETURNING seq) ' +
        "SELECT pg_notify($3, $1 || ' ' || (SELECT max(seq) FROM added))",
      [this.date, rows, CHANNEL],
    );
    const { command } = await this.client.query('COMMIT');
    this.stored = this.staged[this.staged.length - 1]!.seq;
    this.staged.length = 0;
    return command;
  }

  private async storedLast(): Promise<number> {
    this.stored ??= await lastSeqWith(this.client, this.date);
    return this.stored;
  }

  private sameDate(other: string): void {
    if (other !== this.date) throw new JournalError(`this write holds the lock of ${this.date}, not of ${other}`);
  }
}
