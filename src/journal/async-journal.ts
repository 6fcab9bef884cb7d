/**
 * The day journal's asynchronous interface: what a desk or a server needs from durable storage
 * when the storage answers over a network (PostgreSQL) or commits in groups. The SQLite journal
 * is synchronous; `asyncFromSqlite` gives it this shape, so both run one test suite.
 */
import type { Command } from '../engine/index.js';
import { JournalError, type DayRecord, type DayListing, type Journal, type JournalEntry } from './journal.js';

/**
 * The journal could not be reached (connection refused or dropped, the database restarting).
 * Nothing is known to have changed: a server answers 503, and the command may be retried (with
 * its idempotency key, since a commit whose answer was lost may have happened).
 */
export class JournalUnavailableError extends JournalError {
  constructor(message: string) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'JournalUnavailableError' });
  }
}

export interface AsyncExclusiveJournal {
  /** Final while the write runs: nobody else can append to this day. */
  lastSeq(date: string): Promise<number>;
  read(date: string, afterSeq: number): Promise<JournalEntry[]>;
  /** Appends with the expected sequence number; refuses a gap or a duplicate. */
  append(date: string, entry: JournalEntry): Promise<void>;
}

/** Called with the seq of the day's newest entry whenever it grows (coalesced, never repeated). */
export type NewEntries = (lastSeq: number) => void;

export interface AsyncJournal {
  /** The file or address, for messages (never a password). */
  readonly location: string;
  /** The day's record, or undefined if it has not been started. */
  day(date: string): Promise<DayRecord | undefined>;
  /** Records a new day with its roster; a day already started keeps its roster. */
  startDay(record: DayRecord, desk: string): Promise<void>;
  /** Every date known to the journal, in order. */
  dates(): Promise<string[]>;
  lastSeq(date: string): Promise<number>;
  /** Entries with seq greater than `afterSeq`, in order. */
  read(date: string, afterSeq: number): Promise<JournalEntry[]>;
  /** The same entries streamed for a replay, each command and its result as stored (JSON text). */
  scan(date: string, afterSeq: number, visit: (seq: number, command: Command, resultText: string) => void): Promise<void>;
  /**
   * Runs `write` holding the write lock of `date`: inside it `lastSeq(date)` is final, and
   * `append` adds an entry that is durable when the returned promise resolves. If `write`
   * throws (or rejects), nothing is kept. Appends to another date inside are refused.
   * On SQLite (`asyncFromSqlite`) `write` may run again when another process appended to the
   * day while it ran: keep its effects to what it reads, appends and returns.
   */
  exclusive<T>(date: string, write: (journal: AsyncExclusiveJournal) => Promise<T>): Promise<T>;
  /**
   * Calls `onNewEntries` whenever entries are committed to `date` by anyone (this instance
   * included), until the returned function is called. Once the promise resolves every later
   * commit is reported: read after subscribing to miss nothing.
   */
  subscribe(date: string, onNewEntries: NewEntries): Promise<() => void>;
  close(): Promise<void>;
}

/** Reports each growth of one day's last seq once, to one listener. */
export class DaySubscription {
  constructor(
    readonly date: string,
    private known: number,
    private readonly onNewEntries: NewEntries,
  ) {}

  offer(lastSeq: number): void {
    if (lastSeq <= this.known) return;
    this.known = lastSeq;
    try {
      this.onNewEntries(lastSeq);
    } catch {
      // A listener's failure is its own business; the journal keeps notifying the others.
    }
  }
}

/** How often the SQLite adapter looks at the file for another process's commits. */
export const SQLITE_POLL_MS = 100;

/**
 * The SQLite journal behind the asynchronous interface. Its write lock covers the whole file,
 * so `exclusive` serializes every date; writes of this adapter run one after another (an async
 * `write` cannot hold SQLite's synchronous transaction open across awaits, so the adapter holds
 * it only around the appends, after checking no other process appended meanwhile).
 */
export function asyncFromSqlite(journal: Journal & DayListing, { pollMs = SQLITE_POLL_MS }: { pollMs?: number } = {}): AsyncJournal {
  const subscriptions = new Set<DaySubscription>();
  let timer: NodeJS.Timeout | undefined;
  let mark = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const announce = () => {
    for (const subscription of subscriptions) subscription.offer(journal.lastSeq(subscription.date));
  };
  const poll = () => {
    try {
      const now = journal.changeMark();
      if (now === mark) return;
      mark = now;
      announce();
    } catch {
      // The next tick tries again; a broken file shows in the next command's error.
    }
  };

  /**
   * Runs `write` with appends buffered; then, under SQLite's write lock, checks that nobody
   * appended to `date` since the write began and commits the buffered appends. If someone did,
   * the write runs again on the new state (as if it had waited for the lock).
   */
  const exclusiveOnce = async <T>(date: string, write: (locked: AsyncExclusiveJournal) => Promise<T>): Promise<T> => {
    for (;;) {
      const startSeq = journal.lastSeq(date);
      const pending: JournalEntry[] = [];
      const expected = () => startSeq + pending.length;
      const sameDate = (other: string) => {
        if (other !== date) throw new JournalError(`this write holds the lock of ${date}, not of ${other}`);
      };
      const locked: AsyncExclusiveJournal = {
        lastSeq: async (other) => (sameDate(other), expected()),
        read: async (other, afterSeq) => {
          sameDate(other);
          const committed = journal.read(date, afterSeq).filter((entry) => entry.seq <= startSeq);
          return [...committed, ...pending.filter((entry) => entry.seq > afterSeq)];
        },
        append: async (other, entry) => {
          sameDate(other);
          if (entry.seq !== expected() + 1) throw new JournalError(`journal append out of order: expected seq ${expected() + 1}, got ${entry.seq}`);
          pending.push(entry);
        },
      };
      const value = await write(locked);
      const committed = journal.exclusive((inside) => {
        if (inside.lastSeq(date) !== startSeq) return false;
        for (const entry of pending) inside.append(date, entry);
        return true;
      });
      if (committed) {
        if (pending.length > 0) announce();
        return value;
      }
    }
  };

  return {
    location: journal.location,
    day: async (date) => journal.day(date),
    startDay: async (record, desk) => journal.startDay(record, desk),
    dates: async () => journal.dates(),
    lastSeq: async (date) => journal.lastSeq(date),
    read: async (date, afterSeq) => journal.read(date, afterSeq),
    scan: async (date, afterSeq, visit) => journal.scan(date, afterSeq, visit),
    exclusive: <T>(date: string, write: (locked: AsyncExclusiveJournal) => Promise<T>): Promise<T> => {
      const run = queue.then(() => exclusiveOnce(date, write));
      queue = run.catch(() => undefined);
      return run;
    },
    subscribe: async (date, onNewEntries) => {
      const subscription = new DaySubscription(date, journal.lastSeq(date), onNewEntries);
      subscriptions.add(subscription);
      if (timer === undefined) {
        mark = journal.changeMark();
        timer = setInterval(poll, pollMs);
        timer.unref();
      }
      return () => {
        subscriptions.delete(subscription);
        if (subscriptions.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      subscriptions.clear();
      await queue;
      journal.close();
    },
  };
}
