/**
 * Group commit: the writes waiting for one day's lock run together in one transaction, so one
 * lock, one round of statements and one fsync serve many commands. Each write still sees the
 * appends of the writes before it; a write that throws loses only its own appends; each
 * caller's promise resolves only once the whole group is committed (durable).
 */
import type { AsyncExclusiveJournal } from './async-journal.js';
import { JournalError, type JournalEntry } from './journal.js';

/** What GroupCommit needs of a journal: its `exclusive`, with whatever the locked view offers. */
export interface LockingJournal<L extends AsyncExclusiveJournal> {
  exclusive<T>(date: string, write: (locked: L) => Promise<T>): Promise<T>;
}

interface Job<L> {
  write: (locked: L) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * `L`: the locked view, e.g. PgExclusiveJournal for the idempotency keys (its other methods pass
 * through unbuffered: call `remember` last in a write, after everything that may throw).
 */
export class GroupCommit<L extends AsyncExclusiveJournal = AsyncExclusiveJournal> {
  private readonly waiting = new Map<string, Job<L>[]>();
  private readonly running = new Set<string>();

  constructor(
    private readonly journal: LockingJournal<L>,
    /** The most writes one transaction carries. */
    private readonly maxGroup = 256,
  ) {}

  /** As `journal.exclusive(date, write)`, committed together with the writes waiting with it. */
  exclusive<T>(date: string, write: (locked: L) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.waiting.get(date) ?? [];
      queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      this.waiting.set(date, queue);
      if (!this.running.has(date)) void this.drain(date);
    });
  }

  private async drain(date: string): Promise<void> {
    this.running.add(date);
    try {
      for (;;) {
        const queue = this.waiting.get(date) ?? [];
        if (queue.length === 0) return;
        const group = queue.splice(0, this.maxGroup);
        if (queue.length === 0) this.waiting.delete(date);
        await this.commitGroup(date, group);
      }
    } finally {
      this.running.delete(date);
    }
  }

  private async commitGroup(date: string, group: Job<L>[]): Promise<void> {
    let outcomes: ({ value: unknown } | { error: unknown })[];
    try {
      outcomes = await this.journal.exclusive(date, async (locked) => {
        const results: ({ value: unknown } | { error: unknown })[] = [];
        for (const job of group) {
          const pending: JournalEntry[] = [];
          try {
            const value = await job.write(buffered(locked, date, pending));
            for (const entry of pending) await locked.append(date, entry);
            results.push({ value });
          } catch (error) {
            results.push({ error });
          }
        }
        return results;
      });
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) job.reject(outcome.error);
      else job.resolve(outcome.value);
    });
  }
}

/** The locked journal as one write of a group sees it: its own appends held back until it returns. */
function buffered<L extends AsyncExclusiveJournal>(locked: L, date: string, pending: JournalEntry[]): L {
  const sameDate = (other: string) => {
    if (other !== date) throw new JournalError(`this write holds the lock of ${date}, not of ${other}`);
  };
  const last = async () => (await locked.lastSeq(date)) + pending.length;
  const overrides: AsyncExclusiveJournal = {
    lastSeq: async (other) => (sameDate(other), last()),
    read: async (other, afterSeq) => (sameDate(other), [...(await locked.read(date, afterSeq)), ...pending.filter((e) => e.seq > afterSeq)]),
    append: async (other, entry) => {
      sameDate(other);
      const expected = (await last()) + 1;
      if (entry.seq !== expected) throw new JournalError(`journal append out of order: expected seq ${expected}, got ${entry.seq}`);
      pending.push(entry);
    },
  };
  // Every other method of the locked view (recall, remember) is the journal's own.
  return Object.assign(Object.create(locked) as L, overrides);
}
