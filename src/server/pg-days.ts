/**
 * The server's days on the PostgreSQL journal: one AsyncSession per date, kept in memory for
 * reads. Commands arriving together are committed in one transaction holding the day's lock
 * (group commit), after catching up with what other servers appended; nobody is answered
 * before it commits. Other servers' commits arrive through LISTEN/NOTIFY (with a slow poll),
 * so event streams here follow bookings made anywhere. Today's clock follows the wall clock.
 */
import { EventEmitter } from 'node:events';
import { parseTime, type Command, type Roster } from '../engine/index.js';
import { AsyncSession, type Decide } from '../journal/async-session.js';
import type { PgExclusiveJournal, PgJournal } from '../journal/pg-journal.js';
import { localDate, localTime } from '../journal/place.js';
import { recallAnswers, writeRecords } from './pg-records.js';
import type { DayEvents, IdempotencySlot, OnCommit, Replayed, ServerDays, Submitted } from './server-days.js';
import type { StoredAnswer } from './store.js';

export interface PgDayHubOptions {
  journal: PgJournal;
  roster: Roster;
  desk: string;
  today?: () => string;
  now?: () => Date;
  /** How often today's clock is compared with the wall clock (ms); 0 = only when a request comes. */
  clockMs?: number;
}

interface Pending {
  decide: Decide;
  onCommit?: OnCommit | undefined;
  slot?: IdempotencySlot | undefined;
  resolve?: (submitted: Submitted | Replayed) => void;
  reject?: (error: unknown) => void;
}

export class PgDayHub extends EventEmitter<DayEvents> implements ServerDays {
  private readonly sessions = new Map<string, AsyncSession>();
  private readonly opening = new Map<string, Promise<AsyncSession>>();
  private readonly unsubscribes: (() => void)[] = [];
  private readonly queues = new Map<string, Pending[]>();
  /** Per date, the work on its session (commits, catching up, rebuilding), one after another. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly clockSeen = new Map<string, string>();
  private readonly timer: NodeJS.Timeout | undefined;
  private closed = false;

  readonly journal = { read: (date: string, afterSeq: number) => this.session(date).read(afterSeq) };

  constructor(private readonly options: PgDayHubOptions) {
    super();
    this.setMaxListeners(0);
    if ((options.clockMs ?? 1000) > 0) {
      this.timer = setInterval(() => this.followClock(this.today()), options.clockMs ?? 1000);
      this.timer.unref();
    }
  }

  today(): string {
    return this.options.today?.() ?? localDate();
  }

  async ready(date: string): Promise<void> {
    let session = this.sessions.get(date);
    if (session === undefined) {
      let opening = this.opening.get(date);
      if (opening === undefined) {
        opening = this.open(date).finally(() => this.opening.delete(date));
        this.opening.set(date, opening);
      }
      session = await opening;
    }
    if (session.stale) await this.serial(date, () => this.rebuild(date, session));
    this.followClock(date);
  }

  session(date: string): AsyncSession {
    const session = this.sessions.get(date);
    if (session === undefined) throw new Error(`the day ${date} was not opened (ready) before use`);
    return session;
  }

  submit(date: string, command: Command, onCommit?: OnCommit, slot?: IdempotencySlot): Promise<Submitted | Replayed> {
    return new Promise((resolve, reject) => this.enqueue(date, { decide: () => command, onCommit, slot, resolve, reject }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    await Promise.all([...this.chains.values()]);
    this.removeAllListeners();
  }

  private async open(date: string): Promise<AsyncSession> {
    const { journal, desk, roster } = this.options;
    const session = await AsyncSession.open({ journal, date, desk, fallbackRoster: roster, ...(this.options.now && { now: this.options.now }) });
    const unsubscribe = await journal.subscribe(date, (lastSeq) => {
      if (lastSeq > session.appliedSeq) void this.serial(date, () => this.catchUp(date, session));
    });
    this.unsubscribes.push(unsubscribe);
    this.sessions.set(date, session);
    // Whatever was committed between the replay and the subscription.
    await this.serial(date, () => this.catchUp(date, session));
    return session;
  }

  private enqueue(date: string, pending: Pending): void {
    let queue = this.queues.get(date);
    if (!queue) {
      queue = [];
      this.queues.set(date, queue);
      setImmediate(() => void this.serial(date, () => this.flush(date)));
    }
    queue.push(pending);
  }

  /** Runs `work` after the date's earlier work; never rejects (errors go to the callers). */
  private serial(date: string, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(date) ?? Promise.resolve()).then(work).catch(() => undefined);
    this.chains.set(date, next);
    void next.then(() => {
      if (this.chains.get(date) === next) this.chains.delete(date);
    });
    return next;
  }

  private async flush(date: string): Promise<void> {
    const queue = this.queues.get(date) ?? [];
    this.queues.delete(date);
    if (queue.length === 0) return;
    const fail = (error: unknown) => queue.forEach((pending) => pending.reject?.(error));
    // Opened by `ready` before anything was queued; a stale one is rebuilt by `batch` first.
    const session = this.sessions.get(date);
    if (session === undefined) return fail(new Error(`the day ${date} was not opened (ready) before use`));
    const before = session.appliedSeq;
    // Keys another server answered while these waited (asked again under the lock) are not run.
    let replayed = new Map<number, StoredAnswer>();
    try {
      const { own } = await session.batch<PgExclusiveJournal>(
        queue.map((pending, index) => (day) => (replayed.has(index) ? undefined : pending.decide(day))),
        async (locked, outcomes) => {
          const records = outcomes.flatMap((done, index) => (done.outcome ? (queue[index]!.onCommit?.({ outcome: done.outcome, seq: done.seq }) ?? []) : []));
          await writeRecords(date, locked, records);
        },
        (write) =>
          this.options.journal.exclusive(
            date,
            async (locked) => {
              replayed = await recallAnswers(
                locked,
                queue.map((pending) => pending.slot),
              );
              await write(locked);
            },
            { readAfter: session.appliedSeq },
          ),
      );
      own.forEach((done, index) => {
        const answer = replayed.get(index);
        if (answer) queue[index]!.resolve?.({ replayed: answer });
        else if (done.outcome) queue[index]!.resolve?.({ outcome: done.outcome, seq: done.seq });
      });
    } catch (error) {
      fail(error);
    }
    this.announce(date, session, before);
  }

  private async catchUp(date: string, session: AsyncSession): Promise<void> {
    const before = session.appliedSeq;
    try {
      await session.sync();
    } catch {
      return; // the database is away: the listener's reconnection or poll tries again
    }
    this.announce(date, session, before);
  }

  private async rebuild(date: string, session: AsyncSession): Promise<void> {
    if (!session.stale) return;
    const before = session.appliedSeq;
    await session.rebuild();
    this.announce(date, session, Math.min(before, session.appliedSeq));
  }

  /** On today's date, once a minute: the clock command, if no server moved the clock there yet. */
  private followClock(date: string): void {
    if (this.closed || date !== this.today() || !this.sessions.has(date)) return;
    const time = localTime(this.options.now?.() ?? new Date());
    if (this.clockSeen.get(date) === time) return;
    this.clockSeen.set(date, time);
    const minute = parseTime(time);
    this.enqueue(date, {
      decide: (day) => (minute !== null && minute > day.clock ? { op: 'clock', time } : undefined),
      reject: () => this.clockSeen.delete(date), // try again on the next look
    });
  }

  private announce(date: string, session: AsyncSession, afterSeq: number): void {
    if (session.appliedSeq <= afterSeq || this.listenerCount('changed') === 0) return;
    this.emit('changed', date, session.read(afterSeq));
  }
}
