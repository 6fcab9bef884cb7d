/**
 * A desk's session on one journaled day. The day is rebuilt by replaying the journal; every
 * command after that is committed to the journal before anyone sees its effect. Commands from
 * another desk on the same file are applied in journal order, before this desk's own.
 */
import {
  createDay,
  execute,
  parseTime,
  type ArchiveStore,
  type Command,
  type Day,
  type DayEvent,
  type Outcome,
  type Result,
  type Roster,
} from '../engine/index.js';
import type { DayKeeper } from '../keeper/day-keeper.js';
import { JournalError, type Journal, type JournalEntry } from './journal.js';
import { sameRoster } from './roster-identity.js';

export interface Mismatch {
  seq: number;
  recorded: Result;
  replayed: Result;
}

/** The journal's results and the engine's disagree: never accepted silently. */
export class ReplayMismatchError extends JournalError {
  constructor(
    readonly date: string,
    readonly mismatches: Mismatch[],
    location: string,
  ) {
    const first = mismatches
      .slice(0, 3)
      .map((m) => `seq ${m.seq}: recorded ${JSON.stringify(m.recorded)}, replays as ${JSON.stringify(m.replayed)}`)
      .join('; ');
    super(
      `the journal of ${date} in ${location} does not replay to the results it recorded (${mismatches.length} command${mismatches.length === 1 ? '' : 's'} differ: ${first}). ` +
        `The file was left as it is. \`opd-desk log --date ${date} --replay\` shows the day as recorded, marking where it differs; add --replay-anyway (to opd-desk, apply, export or report) to work on the day as this version replays it.`,
    );
  }
}

export interface SessionOptions {
  journal: Journal;
  date: string;
  desk: string;
  /** The roster given on the command line, if any; else the recorded one, else `fallbackRoster`. */
  roster?: Roster;
  fallbackRoster: Roster;
  /** Open even if the replay differs from the record (the differences stay in `mismatches`). */
  replayAnyway?: boolean;
  /** Wall-clock time for each entry (the shell's clock; the engine reads none). */
  now?: () => Date;
  /**
   * Replay the last commands with their events, for the desk's ticker (the default). Readers
   * (export, report) say false: a closing clock's events on a big day are hundreds of thousands.
   */
  recentEvents?: boolean;
  /** Replay in the engine's archive mode (for reading a day once, as export does; not for a desk). */
  archive?: boolean | ArchiveStore;
}

/** How many of the day's last commands a desk replays with their events, for its ticker. */
const RECENT_COMMANDS = 100;

export class DeskSession implements DayKeeper {
  /** What the day's last commands did, as replayed on opening (the ticker starts from them). */
  recentEvents: readonly DayEvent[] = [];
  day: Day;
  /** The last journal entry applied to `day`. */
  appliedSeq = 0;
  /** Differences between recorded and replayed results, found at start or while catching up. */
  readonly mismatches: Mismatch[] = [];
  private lastMark: number;

  private constructor(
    private readonly options: SessionOptions,
    readonly roster: Roster,
  ) {
    this.day = createDay(roster, { archive: options.archive ?? false });
    this.lastMark = options.journal.changeMark();
  }

  static open(options: SessionOptions): DeskSession {
    const { journal, date, desk } = options;
    let record = journal.day(date);
    if (!record) {
      journal.startDay({ date, roster: options.roster ?? options.fallbackRoster }, desk);
      record = journal.day(date)!; // another desk may have started the same day a moment before
    }
    if (options.roster && !sameRoster(record.roster, options.roster)) {
      throw new JournalError(
        `${date} in ${journal.location} was started with another roster (${record.roster.doctors.map((d) => d.name).join(', ')}). ` +
          'Start without --roster to work on it with the roster it has, or choose another --date or --data for a day with this roster.',
      );
    }
    const session = new DeskSession(options, record.roster);
    session.replay();
    if (session.mismatches.length > 0 && !options.replayAnyway) throw new ReplayMismatchError(date, session.mismatches, journal.location);
    return session;
  }

  get date(): string {
    return this.options.date;
  }

  get journal(): Journal {
    return this.options.journal;
  }

  /**
   * Commits one command. Under the journal's write lock: apply what other desks wrote since,
   * run the command on that fresh state, append it, commit. Returns the other desks' outcomes
   * first and this command's last.
   */
  submit(command: Command): Outcome[] {
    return this.commit(() => command);
  }

  /** Commits `command` only if `proceed` accepts the day once caught up, under the same lock. */
  submitIf(command: Command, proceed: (day: Day) => boolean): { caughtUp: Outcome[]; own?: Outcome } {
    let ran = false;
    const outcomes = this.commit(() => (proceed(this.day) ? ((ran = true), command) : undefined));
    return ran ? { caughtUp: outcomes.slice(0, -1), own: outcomes.at(-1)! } : { caughtUp: outcomes };
  }

  /**
   * Moves the clock to the wall clock's `time`, unless the day's clock is there already (another
   * desk may have moved it a moment ago): the live clock never journals the same minute twice.
   */
  followClock(time: string): Outcome[] {
    const minute = parseTime(time);
    return this.commit(() => (minute !== null && minute > this.day.clock ? { op: 'clock', time } : undefined));
  }

  /**
   * The server's group commit: several commands in one journal transaction, none visible to
   * anyone before it commits. A command answered ERROR changed nothing and is not journaled
   * (seq null). `record` runs inside the transaction, so what it writes commits with the entries.
   * `entries`: every entry applied by the batch, in order (other desks' first), as committed.
   */
  submitBatch(
    commands: readonly Command[],
    record?: (index: number, outcome: Outcome, seq: number | null) => void,
  ): { caughtUp: Outcome[]; own: { outcome: Outcome; seq: number | null }[]; entries: JournalEntry[] } {
    const { journal, date, desk } = this.options;
    try {
      const done = journal.exclusive((locked) => {
        // Every entry applied here, other desks' and this batch's: what the batch announces.
        const entries = locked.read(date, this.appliedSeq);
        const caughtUp = this.catchUp(entries);
        const own = commands.map((command, index) => {
          // The ref is the seq this command gets if it is journaled, as in commit() and on replay.
          const outcome = execute(this.day, command, { ref: { key: 'seq', value: this.appliedSeq + 1 } });
          let seq: number | null = null;
          if (outcome.result.status !== 'ERROR') {
            seq = this.appliedSeq + 1;
            const entry = { seq, command, result: outcome.result, at: this.now().toISOString(), desk };
            locked.append(date, entry);
            entries.push(entry);
            this.appliedSeq = seq;
          }
          record?.(index, outcome, seq);
          return { outcome, seq };
        });
        return { caughtUp, own, entries };
      });
      this.lastMark = journal.changeMark();
      return done;
    } catch (error) {
      this.rebuild();
      throw error;
    }
  }

  /** Under the write lock: catch up, then run and append the command `decide` returns, if any. */
  private commit(decide: () => Command | undefined): Outcome[] {
    const { journal, date, desk } = this.options;
    try {
      const outcomes = journal.exclusive((locked) => {
        const caughtUp = this.catchUp(locked.read(date, this.appliedSeq));
        const command = decide();
        if (command === undefined) return caughtUp;
        const seq = this.appliedSeq + 1;
        const own = execute(this.day, command, { ref: { key: 'seq', value: seq } });
        locked.append(date, { seq, command, result: own.result, at: this.now().toISOString(), desk });
        this.appliedSeq = seq;
        return [...caughtUp, own];
      });
      this.lastMark = journal.changeMark();
      return outcomes;
    } catch (error) {
      // The day may hold a change the journal refused: rebuild it from what was committed.
      this.rebuild();
      throw error;
    }
  }

  /** The day's journal after `afterSeq`, up to what this desk has applied, for a token's history. */
  log(afterSeq = 0): JournalEntry[] {
    return this.options.journal.read(this.options.date, afterSeq).filter((entry) => entry.seq <= this.appliedSeq);
  }

  /** Applies what other desks committed since the last look; cheap when nothing changed. */
  sync(): Outcome[] {
    const mark = this.options.journal.changeMark();
    if (mark === this.lastMark) return [];
    this.lastMark = mark;
    return this.catchUp(this.options.journal.read(this.options.date, this.appliedSeq));
  }

  private catchUp(entries: readonly JournalEntry[]): Outcome[] {
    return entries.map((entry) => {
      const outcome = execute(this.day, entry.command, { ref: { key: 'seq', value: entry.seq } });
      // Results are stored as JSON.stringify wrote them, so equal results are equal text.
      const recorded = entry.resultText ?? JSON.stringify(entry.result);
      if (JSON.stringify(outcome.result) !== recorded) this.mismatches.push({ seq: entry.seq, recorded: entry.result, replayed: outcome.result });
      this.appliedSeq = entry.seq;
      return outcome;
    });
  }

  /** Rebuilds the day from the whole journal, noting every result that replays differently. */
  private replay(): void {
    // The last commands replay with their events, so the desk's ticker comes back after a restart.
    const tail = this.options.recentEvents === false ? Infinity : this.options.journal.lastSeq(this.options.date) - RECENT_COMMANDS;
    const recent: DayEvent[] = [];
    this.options.journal.scan(this.options.date, 0, (seq, command, recorded) => {
      const outcome = execute(this.day, command, { events: seq > tail, ref: { key: 'seq', value: seq } });
      // One push per event: a closing clock can end a million tokens (too many arguments for a spread).
      if (seq > tail) for (const event of outcome.events) recent.push(event);
      const replayed = outcome.result;
      // Results are stored as JSON.stringify wrote them, so equal results are equal text.
      if (JSON.stringify(replayed) !== recorded) this.mismatches.push({ seq, recorded: JSON.parse(recorded) as Result, replayed });
      this.appliedSeq = seq;
    });
    this.recentEvents = recent;
  }

  private rebuild(): void {
    this.day = createDay(this.roster, { archive: this.options.archive ?? false });
    this.appliedSeq = 0;
    const before = this.mismatches.length;
    this.replay();
    this.mismatches.length = before;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
