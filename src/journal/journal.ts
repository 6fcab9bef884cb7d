/**
 * The day journal's interface: what a desk needs from durable storage, whatever the storage
 * (SQLite on one machine now; a server database for desks on several machines later).
 */
import type { Command, Result, Roster } from '../engine/index.js';

export interface JournalEntry {
  /** 1, 2, 3, ... per day, with no gaps. */
  seq: number;
  command: Command;
  result: Result;
  /** Wall-clock time the command was entered (ISO 8601). */
  at: string;
  /** Who entered it: user@host or --desk NAME. */
  desk: string;
  /** The result as stored (JSON), when the journal has it at hand: compared without parsing. */
  readonly resultText?: string;
}

export interface DayRecord {
  /** YYYY-MM-DD */
  date: string;
  roster: Roster;
}

/** A problem with the journal file itself; the message says what and how to proceed. */
export class JournalError extends Error {
  override readonly name = 'JournalError';
}

export interface Journal {
  /** The file or address, for messages. */
  readonly location: string;
  /** The day's record, or undefined if it has not been started. */
  day(date: string): DayRecord | undefined;
  /** Records a new day with its roster (and policy). */
  startDay(record: DayRecord, desk: string): void;
  lastSeq(date: string): number;
  /** Entries with seq greater than `afterSeq`, in order. */
  read(date: string, afterSeq: number): JournalEntry[];
  /**
   * The same entries streamed for a replay: each command and its result as stored (JSON text),
   * without building the whole list (a day of 100,000 commands replays in well under a second).
   */
  scan(date: string, afterSeq: number, visit: (seq: number, command: Command, resultText: string) => void): void;
  /**
   * Runs `write` holding the journal's write lock: inside it `lastSeq` is final, and `append`
   * adds an entry that becomes durable when `write` returns. If `write` throws, nothing is kept.
   */
  exclusive<T>(write: (journal: ExclusiveJournal) => T): T;
  /** A number that changes whenever anyone commits to the journal (cheap to ask often). */
  changeMark(): number;
  close(): void;
}

export interface ExclusiveJournal {
  lastSeq(date: string): number;
  read(date: string, afterSeq: number): JournalEntry[];
  /** Appends with the expected sequence number; refuses a gap or a duplicate. */
  append(date: string, entry: JournalEntry): void;
}

/** Days: every date known to the journal, for `log` and `export` messages. */
export interface DayListing {
  dates(): string[];
}
