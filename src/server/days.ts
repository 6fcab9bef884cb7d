/**
 * The server's days: one DeskSession per date on the shared journal. Commands arriving together
 * are committed in one journal transaction (group commit); nobody is answered before it commits.
 * On today's date the clock follows the wall clock as the live desk's does. Entries other
 * processes write are noticed through the journal's change mark (polled), as the desk does.
 */
import { EventEmitter } from 'node:events';
import type { Command, Roster } from '../engine/index.js';
import type { JournalEntry } from '../journal/journal.js';
import { localDate, localTime } from '../journal/place.js';
import { DeskSession } from '../journal/session.js';
import type { SqliteJournal } from '../journal/sqlite-journal.js';
import type { CommitRecords } from './records.js';
import type { OnCommit, ServerDays, Submitted } from './server-days.js';
import type { ServerStore } from './store.js';

export type { OnCommit, Submitted } from './server-days.js';

interface Pending {
  command: Command;
  onCommit: OnCommit | undefined;
  resolve: (submitted: Submitted) => void;
  reject: (error: unknown) => void;
}

export interface DayHubOptions {
  journal: SqliteJournal;
  store: ServerStore;
  roster: Roster;
  desk: string;
  /** Local date; injectable for tests. */
  today?: () => string;
  now?: () => Date;
  /** How often other processes' commits and the wall clock are looked at (ms); 0 = never. */
  pollMs?: number;
}

export class DayHub extends EventEmitter<{ changed: [date: string, entries: JournalEntry[]] }> implements ServerDays {
  private readonly sessions = new Map<string, DeskSession>();
  private readonly queues = new Map<string, Pending[]>();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly clockSeen = new Map<string, string>();

  constructor(private readonly options: DayHubOptions) {
    super();
    this.setMaxListeners(0);
    if ((options.pollMs ?? 0) > 0) {
      this.timer = setInterval(() => this.poll(), options.pollMs);
      this.timer.unref();
    }
  }

  get journal(): SqliteJournal {
    return this.options.journal;
  }

  today(): string {
    return this.options.today?.() ?? localDate();
  }

  async ready(date: string): Promise<void> {
    this.session(date);
  }

  /** The day's session, opened (and the day started with the server's roster) on first use. */
  session(date: string): DeskSession {
    let session = this.sessions.get(date);
    if (!session) {
      session = DeskSession.open({
        journal: this.options.journal,
        date,
        desk: this.options.desk,
        fallbackRoster: this.options.roster,
        ...(this.options.now && { now: this.options.now }),
      });
      this.sessions.set(date, session);
    }
    if (date === this.today()) this.followClock(date, session);
    return session;
  }

  /** Queues a command for the next group commit and resolves after it is durable. */
  submit(date: string, command: Command, onCommit?: OnCommit): Promise<Submitted> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(date);
      if (!queue) {
        queue = [];
        this.queues.set(date, queue);
        setImmediate(() => this.flush(date));
      }
      queue.push({ command, onCommit, resolve, reject });
    });
  }

  private flush(date: string): void {
    const queue = this.queues.get(date) ?? [];
    this.queues.delete(date);
    let done;
    const before = this.sessions.get(date)?.appliedSeq ?? 0;
    try {
      const session = this.session(date);
      done = session.submitBatch(
        queue.map((p) => p.command),
        (index, outcome, seq) => this.record(date, queue[index]!.onCommit?.({ outcome, seq })),
      );
    } catch (error) {
      for (const pending of queue) pending.reject(error);
      return;
    }
    done.own.forEach((submitted, index) => queue[index]!.resolve(submitted));
    this.announce(date, before, done.entries);
  }

  private record(date: string, records: CommitRecords | void): void {
    if (!records) return;
    if (records.owner) this.options.store.recordOwner(date, records.owner.token, records.owner.caller);
    if (records.answer) this.options.store.remember(records.answer.caller, records.answer.key, records.answer.answer);
  }

  /** Catches up with other processes and the wall clock; tells listeners what is new. */
  poll(): void {
    for (const [date, session] of this.sessions) {
      const before = session.appliedSeq;
      try {
        session.sync();
        if (date === this.today()) this.followClock(date, session);
      } catch {
        continue; // the journal is busy or failing: the next poll tries again
      }
      this.announce(date, before);
    }
  }

  private followClock(date: string, session: DeskSession): void {
    const time = localTime(this.options.now?.() ?? new Date());
    if (this.clockSeen.get(date) === time) return; // looked this minute already
    this.clockSeen.set(date, time);
    const before = session.appliedSeq;
    session.followClock(time);
    this.announce(date, before);
  }

  /** `applied`: the entries after `afterSeq` as just committed, if known (else read back from the journal). */
  private announce(date: string, afterSeq: number, applied?: JournalEntry[]): void {
    const session = this.sessions.get(date);
    if (!session || session.appliedSeq <= afterSeq || this.listenerCount('changed') === 0) return;
    const known = applied !== undefined && applied.length === session.appliedSeq - afterSeq && applied[0]?.seq === afterSeq + 1;
    this.emit('changed', date, known ? applied : this.options.journal.read(date, afterSeq));
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.removeAllListeners();
  }
}
