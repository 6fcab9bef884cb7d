/**
 * Who keeps the day the store shows: memory alone (apply, simulate, tests), or a journal that
 * makes each command durable before it is published (the desk). Either way commands reach the
 * engine only through here.
 */
import { execute, parseTime, type Command, type Day, type DayEvent, type LoggedCommand, type Outcome, type Result } from '../engine/index.js';

/** A command whose result here differs from the one recorded when it was committed. */
export interface ReplayMismatch {
  seq: number;
  recorded: Result;
  replayed: Result;
}

export interface DayKeeper {
  /** The current day (a keeper may rebuild it, for instance after a failed write). */
  readonly day: Day;
  /** Runs a command; returns outcomes of other desks' commands applied first, then its own (if any). */
  submit(command: Command): Outcome[];
  /**
   * As submit, but runs the command only if `proceed` accepts the day once other desks' commands
   * are in (atomically, under the journal's lock): `own` is missing when it did not run.
   */
  submitIf?(command: Command, proceed: (day: Day) => boolean): { caughtUp: Outcome[]; own?: Outcome };
  /** Outcomes of commands other desks committed since the last call. */
  sync(): Outcome[];
  /** Moves the clock forward to `time` (HH:MM) if it is not there already: the live clock. */
  followClock(time: string): Outcome[];
  /** What the day's last commands did before this desk opened it (a journal's replay), for the ticker. */
  readonly recentEvents?: readonly DayEvent[];
  /** Commands (of this desk's start or of other desks since) that replayed to a different result. */
  readonly mismatches?: readonly ReplayMismatch[];
  /** The day's commands after `afterSeq` (default: all), in order, for a token's history; absent if not kept. */
  log?(afterSeq?: number): readonly LoggedCommand[];
}

/** A day in memory; it keeps its own log of commands (commands sent before it was made are not in it). */
export function memoryKeeper(day: Day): DayKeeper {
  const log: LoggedCommand[] = [];
  const run = (command: Command): Outcome => {
    const outcome = execute(day, command);
    // The day's own count is how undo names a command here (execute's default reference).
    log.push({ seq: day.commandCount, command, result: outcome.result });
    return outcome;
  };
  return {
    day,
    submit: (command) => [run(command)],
    submitIf: (command, proceed) => (proceed(day) ? { caughtUp: [], own: run(command) } : { caughtUp: [] }),
    sync: () => [],
    followClock: (time) => ((parseTime(time) ?? 0) > day.clock ? [run({ op: 'clock', time })] : []),
    log: (afterSeq = 0) => (afterSeq === 0 ? log : log.filter((entry) => entry.seq > afterSeq)),
  };
}

/** How a keeper that works through a network stands: what the status bar says. */
export interface KeeperLink {
  /** False while the keeper cannot reach where the day is kept. */
  reachable: boolean;
  /** What to tell the user (null when all is well). */
  notice: string | null;
}

/**
 * A keeper whose commands are settled elsewhere (a server): `submit` resolves once the command is
 * confirmed there, with the outcomes of everything confirmed before it and its own last, and
 * rejects when it could not be confirmed (nothing is shown as done then). Other desks' commands
 * arrive on their own; the keeper calls its listener and `sync` hands them over.
 */
export interface AsyncDayKeeper {
  readonly async: true;
  readonly day: Day;
  submit(command: Command): Promise<Outcome[]>;
  sync(): Outcome[];
  followClock(time: string): Outcome[];
  readonly mismatches?: readonly ReplayMismatch[];
  readonly link: KeeperLink;
  /** What the day's last commands did before this desk opened it, for the ticker. */
  readonly recentEvents?: readonly DayEvent[];
  /** Calls `listener` whenever there is something for `sync` or the link changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export type AnyKeeper = DayKeeper | AsyncDayKeeper;

export const isAsyncKeeper = (keeper: AnyKeeper): keeper is AsyncDayKeeper => 'async' in keeper && keeper.async === true;
