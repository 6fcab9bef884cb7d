/**
 * Who keeps the day the store shows: memory alone (apply, simulate, tests), or a journal that
 * makes each command durable before it is published (the desk). Either way commands reach the
 * engine only through here.
 */
import { execute, parseTime, type Command, type Day, type DayEvent, type Outcome, type Result } from '../engine/index.js';

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
}

export function memoryKeeper(day: Day): DayKeeper {
  return {
    day,
    submit: (command) => [execute(day, command)],
    submitIf: (command, proceed) => (proceed(day) ? { caughtUp: [], own: execute(day, command) } : { caughtUp: [] }),
    sync: () => [],
    followClock: (time) => ((parseTime(time) ?? 0) > day.clock ? [execute(day, { op: 'clock', time })] : []),
  };
}
