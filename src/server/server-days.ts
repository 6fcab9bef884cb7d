/** What the routes need of the server's days, on SQLite (DayHub) or PostgreSQL (PgDayHub). */
import type { EventEmitter } from 'node:events';
import type { Command, Day, Outcome } from '../engine/index.js';
import type { JournalEntry } from '../journal/journal.js';
import type { CommitRecords } from './records.js';
import type { StoredAnswer } from './store.js';

export interface Submitted {
  outcome: Outcome;
  /** The journal entry's seq; null when the command was refused (nothing journaled). */
  seq: number | null;
}

/** An API key's idempotency key. */
export interface IdempotencySlot {
  caller: string;
  key: string;
}

/** The answer another server already gave to the same idempotency key. */
export interface Replayed {
  replayed: StoredAnswer;
}

/** Decides, inside the command's transaction once its outcome is known, what to record with it. */
export type OnCommit = (submitted: Submitted) => CommitRecords | void;

export type DayEvents = { changed: [date: string, entries: JournalEntry[]] };

export interface ServerDays extends EventEmitter<DayEvents> {
  today(): string;
  /** Opens the day (starting it with the server's roster) so `session` answers at once. */
  ready(date: string): Promise<void>;
  /** A day made ready before. */
  session(date: string): { readonly day: Day; readonly appliedSeq: number };
  /** The entries of a day made ready before, after `afterSeq`. */
  readonly journal: { read(date: string, afterSeq: number): JournalEntry[] };
  /**
   * Queues a command for the next group commit and resolves after it is durable. With
   * `idempotency`, a journal shared by several servers is asked again under the day's lock: if
   * another server answered the key meanwhile, the command is not run and that answer comes back.
   */
  submit(date: string, command: Command, onCommit?: OnCommit, idempotency?: IdempotencySlot): Promise<Submitted | Replayed>;
  close(): void | Promise<void>;
}
