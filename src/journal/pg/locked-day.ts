/**
 * One day as a write holding its lock sees it. While the lock is held nobody else appends to the
 * day, so what was read from the database stays true: the tail read once answers later reads,
 * the last seq is asked at most once, and the appends are staged and written by one INSERT just
 * before COMMIT (one round trip for a whole group of commands).
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
      // The tail and the day's last seq in one round trip (an append asks for the last seq next).
      const { rows } = await this.client.query<[number, ...(Row | [null, null, null, null, null])]>(
        {
          text:
            'SELECT l.last, c.seq, c.command, c.result, c.at, c.desk FROM (SELECT COALESCE(MAX(seq), 0) AS last FROM commands WHERE date = $1) AS l ' +
            'LEFT JOIN commands c ON c.date = $1 AND c.seq > $2 ORDER BY c.seq',
          rowMode: 'array',
        },
        [this.date, afterSeq],
      );
      stored = rows.flatMap(([, seq, command, result, at, desk]) => (seq === null ? [] : [new RecordedEntry(seq, JSON.parse(command), result, at, desk)]));
      this.tail = { after: afterSeq, entries: stored };
      this.stored = rows[0]![0];
    }
    return [...stored, ...this.staged.filter((entry) => entry.seq > afterSeq)];
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

  /** Writes the staged appends, with one notification (sent only if the transaction commits). */
  async flush(): Promise<void> {
    if (this.staged.length === 0) return;
    const column = <T>(pick: (entry: JournalEntry) => T) => this.staged.map(pick);
    await this.client.query(
      'WITH added AS (INSERT INTO commands (date, seq, command, result, at, desk) ' +
        'SELECT $1, t.seq, t.command, t.result, t.at, t.desk FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(seq, command, result, at, desk) ' +
        'RETURNING seq) ' +
        "SELECT pg_notify($7, $1 || ' ' || (SELECT max(seq) FROM added))",
      [
        this.date,
        column((entry) => entry.seq),
        column((entry) => JSON.stringify(entry.command)),
        column((entry) => JSON.stringify(entry.result)),
        column((entry) => entry.at),
        column((entry) => entry.desk),
        CHANNEL,
      ],
    );
    this.stored = this.staged[this.staged.length - 1]!.seq;
    this.staged.length = 0;
  }

  private async storedLast(): Promise<number> {
    this.stored ??= await lastSeqWith(this.client, this.date);
    return this.stored;
  }

  private sameDate(other: string): void {
    if (other !== this.date) throw new JournalError(`this write holds the lock of ${this.date}, not of ${other}`);
  }
}
