/**
 * A day on an asynchronous journal (PostgreSQL): the day rebuilt by replaying the journal, the
 * entries kept for reads, and commands run under the day's write lock after catching up with
 * what other servers and desks appended. Nothing is visible to anyone before it commits; a
 * write that fails leaves the session to be rebuilt from what was committed.
 */
import { createDay, execute, type Command, type Day, type Outcome, type Result, type Roster } from '../engine/index.js';
import type { AsyncExclusiveJournal, AsyncJournal } from './async-journal.js';
import { JournalError, type JournalEntry } from './journal.js';
import { sameRoster } from './roster-identity.js';
import { ReplayMismatchError, type Mismatch } from './session.js';

export interface AsyncSessionOptions {
  journal: AsyncJournal;
  date: string;
  desk: string;
  /** The roster given on the command line, if any; else the recorded one, else `fallbackRoster`. */
  roster?: Roster;
  /** The roster of a day started here; without it a day that was not started is refused. */
  fallbackRoster?: Roster;
  replayAnyway?: boolean;
  now?: () => Date;
  /** Replay in the engine's archive mode (for reading a day once, as export does; not for a server). */
  archive?: boolean;
}

/** One command's place in a batch: what to run, decided on the caught-up day (undefined: nothing). */
export type Decide = (day: Day) => Command | undefined;

export interface BatchOutcome {
  outcome: Outcome | undefined;
  /** The journal seq of the command; null when it was refused or nothing was decided. */
  seq: number | null;
}

export class AsyncSession {
  day: Day;
  appliedSeq = 0;
  readonly mismatches: Mismatch[] = [];
  /** Every entry applied, in order (entries[i].seq === i + 1): the reads of a server. */
  readonly entries: JournalEntry[] = [];
  /** A write failed: the day may hold what was not committed, and must be rebuilt before use. */
  stale = false;

  private constructor(
    private readonly options: AsyncSessionOptions,
    readonly roster: Roster,
  ) {
    this.day = createDay(roster, { archive: options.archive === true });
  }

  static async open(options: AsyncSessionOptions): Promise<AsyncSession> {
    const { journal, date, desk } = options;
    let record = await journal.day(date);
    if (!record) {
      const roster = options.roster ?? options.fallbackRoster;
      if (roster === undefined) throw new JournalError(`${journal.location} has no day ${date}`);
      await journal.startDay({ date, roster }, desk);
      record = (await journal.day(date))!; // another server may have started it a moment before
    }
    if (options.roster && !sameRoster(record.roster, options.roster)) {
      throw new JournalError(
        `${date} in ${journal.location} was started with another roster (${record.roster.doctors.map((d) => d.name).join(', ')}). ` +
          'Start without --roster to work on it with the roster it has, or choose another --date or --data for a day with this roster.',
      );
    }
    const session = new AsyncSession(options, record.roster);
    await session.replay();
    if (session.mismatches.length > 0 && !options.replayAnyway) throw new ReplayMismatchError(date, session.mismatches, journal.location);
    return session;
  }

  get date(): string {
    return this.options.date;
  }

  get journal(): AsyncJournal {
    return this.options.journal;
  }

  /** One command in its own transaction; the outcomes of others' commands first, this one's last. */
  async submit(command: Command): Promise<Outcome[]> {
    const { caughtUp, own } = await this.batch([() => command]);
    return [...caughtUp, ...own.flatMap((o) => (o.outcome ? [o.outcome] : []))];
  }

  /**
   * Several commands in one transaction holding the day's lock: catch up, then decide and run
   * each. A command answered ERROR is not journaled. `record` runs inside the transaction (what
   * it writes through the locked journal commits with the entries), once after every command
   * with the outcomes of all (null where nothing was decided). On failure the session is
   * rebuilt from the journal before the error is passed on (or marked stale if it cannot be).
   */
  async batch<L extends AsyncExclusiveJournal>(
    decisions: readonly Decide[],
    record?: (locked: L, own: readonly BatchOutcome[]) => Promise<void>,
    exclusive: (write: (locked: L) => Promise<void>) => Promise<void> = (write) => this.journal.exclusive(this.date, write as never),
  ): Promise<{ caughtUp: Outcome[]; own: BatchOutcome[] }> {
    const { date, desk } = this.options;
    if (this.stale) await this.rebuild();
    let caughtUp: Outcome[] = [];
    const own: BatchOutcome[] = [];
    const applied: JournalEntry[] = [];
    try {
      await exclusive(async (locked) => {
        caughtUp = this.catchUp(await locked.read(date, this.appliedSeq));
        for (const decide of decisions) {
          const command = decide(this.day);
          let done: BatchOutcome = { outcome: undefined, seq: null };
          if (command !== undefined) {
            const seq = this.appliedSeq + 1;
            const outcome = execute(this.day, command, { ref: { key: 'seq', value: seq } });
            done = { outcome, seq: null };
            if (outcome.result.status !== 'ERROR') {
              const entry = { seq, command, result: outcome.result, at: this.now().toISOString(), desk };
              await locked.append(date, entry);
              applied.push(entry);
              this.appliedSeq = seq;
              done = { outcome, seq };
            }
          }
          own.push(done);
        }
        await record?.(locked, own);
      });
    } catch (error) {
      this.stale = true;
      await this.rebuild().catch(() => undefined);
      throw error;
    }
    this.entries.push(...applied);
    return { caughtUp, own };
  }

  /** Applies what others committed since the last look (outside the lock: reads only). */
  async sync(): Promise<Outcome[]> {
    if (this.stale) {
      await this.rebuild();
      return [];
    }
    return this.catchUp(await this.journal.read(this.date, this.appliedSeq));
  }

  /** Entries with seq greater than `afterSeq`, from memory. */
  read(afterSeq: number): JournalEntry[] {
    return this.entries.slice(Math.max(0, afterSeq));
  }

  /** Rebuilds the day from the whole journal (after a failed write); unchanged if the journal cannot be read. */
  async rebuild(): Promise<void> {
    const entries = await this.journal.read(this.date, 0);
    const day = createDay(this.roster, { archive: this.options.archive === true });
    for (const entry of entries) execute(day, entry.command, { events: false, ref: { key: 'seq', value: entry.seq } });
    this.day = day;
    this.appliedSeq = entries.at(-1)?.seq ?? 0;
    this.entries.length = 0;
    this.entries.push(...entries);
    this.stale = false;
  }

  private catchUp(entries: readonly JournalEntry[]): Outcome[] {
    return entries
      .filter((entry) => entry.seq > this.appliedSeq)
      .map((entry) => {
        const outcome = execute(this.day, entry.command, { ref: { key: 'seq', value: entry.seq } });
        const recorded = entry.resultText ?? JSON.stringify(entry.result);
        if (JSON.stringify(outcome.result) !== recorded) this.mismatches.push({ seq: entry.seq, recorded: entry.result, replayed: outcome.result });
        this.appliedSeq = entry.seq;
        this.entries.push(entry);
        return outcome;
      });
  }

  private async replay(): Promise<void> {
    for (const entry of await this.journal.read(this.date, 0)) {
      const replayed = execute(this.day, entry.command, { events: false, ref: { key: 'seq', value: entry.seq } }).result;
      const recorded = entry.resultText ?? JSON.stringify(entry.result);
      if (JSON.stringify(replayed) !== recorded) this.mismatches.push({ seq: entry.seq, recorded: entry.result, replayed: replayed as Result });
      this.appliedSeq = entry.seq;
      this.entries.push(entry);
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
