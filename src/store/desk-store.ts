/**
 * The desk's store: a zustand vanilla store around one day, kept in memory or by a journal
 * (see ../keeper/day-keeper.ts). Actions send commands through the keeper; components subscribe to
 * slices through the selectors in ./selectors.ts. No rule lives here: the engine decides, the
 * keeper makes it durable, the store publishes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { counterWords, tickerLine, statusLine, formatTime, type Command, type Day, type DayEvent, type Outcome, type Result } from '../engine/index.js';
import { memoryKeeper, type DayKeeper, type ReplayMismatch } from '../keeper/day-keeper.js';

export type Tone = 'ok' | 'warn' | 'error';

export interface LastAction {
  text: string;
  tone: Tone;
}

export interface TickerLine {
  /** Running number, for React keys. */
  id: number;
  time: string;
  text: string;
  kind: DayEvent['kind'];
  /** Entered at another desk on the same day. */
  elsewhere?: boolean;
}

/** How a chip changed in the last update: newly placed, moved to overflow, or promoted. */
export type Highlight = 'new' | 'moved' | 'promoted';

export interface DeskState {
  day: Day;
  /** The day's version: selectors recompute when it moves. */
  version: number;
  last: LastAction | null;
  /** Most recent last; at most TICKER_LENGTH lines. */
  ticker: TickerLine[];
  /** Chips the last update changed, and how; the board colours them. */
  highlights: Readonly<Record<string, Highlight>>;
  /** Sends one command; its result (an ERROR if the journal could not record it). */
  dispatch: (command: Command) => Result;
  /** As dispatch, with the command field a refusal concerns (the engine's `Outcome.field`). */
  dispatchOutcome: (command: Command) => { result: Result; field?: string };
  /**
   * As dispatchOutcome, but only if `proceed` accepts the day once other desks' commands are in;
   * null when it did not (what they did is published, nothing of this desk's is sent).
   */
  dispatchIf: (command: Command, proceed: (day: Day) => boolean) => { result: Result; field?: string } | null;
  /** Sends several commands and publishes once (the simulation plays a minute at a time). */
  dispatchAll: (commands: readonly Command[]) => Outcome[];
  /** Takes in what other desks committed; true if anything changed. */
  sync: () => boolean;
  /** Moves the clock with the wall clock (HH:MM), if it is not there already. */
  followClock: (time: string) => void;
}

export type DeskStore = StoreApi<DeskState>;

export const TICKER_LENGTH = 50;

/** Events worth a ticker line: the ones a receptionist would want to notice. */
const TICKER_KINDS = new Set<DayEvent['kind']>(['seated', 'waitlisted', 'displaced', 'cancelled', 'no-show', 'rejected', 'slot-closed', 'unserved']);

/**
 * A slot closing is worth a line only when someone was in it or waiting for it: its patients'
 * events follow it, before the next slot closes or the clock moves.
 */
function closedWithPatients(events: readonly DayEvent[], at: number): boolean {
  const { doctor } = events[at] as Extract<DayEvent, { kind: 'slot-closed' }>;
  for (let i = at + 1; i < events.length; i++) {
    const event = events[i]!;
    if (event.kind === 'slot-closed' || event.kind === 'clock') return false;
    if ('doctor' in event && event.doctor === doctor) return true;
  }
  return false;
}

function toneOf(result: Result): Tone {
  if (result.status === 'ERROR' || result.status === 'REJECTED') return 'error';
  if ('warning' in result && result.warning) return 'warn';
  if (result.status === 'REALLOCATED' || result.status === 'WAITLISTED') return 'warn';
  return 'ok';
}

function highlightsOf(outcomes: readonly Outcome[]): Record<string, Highlight> {
  const marks: Record<string, Highlight> = {};
  for (const { events } of outcomes) {
    for (const event of events) {
      if (event.kind === 'seated') marks[event.token] = event.via === 'promotion' ? 'promoted' : 'new';
      else if (event.kind === 'waitlisted') marks[event.token] = event.via === 'booking' ? 'new' : 'moved';
    }
  }
  return marks;
}

/** Another desk's commands gave different results here than there: say so, never drop it. */
export function mismatchNotice(mismatches: readonly ReplayMismatch[]): string {
  const first = mismatches[0]!;
  const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : '';
  return `Another desk's command #${first.seq} gave ${first.recorded.status} there but ${first.replayed.status} here${more}: check both desks run the same opd-desk.`;
}

const NO_HIGHLIGHTS: Readonly<Record<string, Highlight>> = Object.freeze({});

/** A store over a day in memory, or over any keeper (a journal). */
export function createDeskStore(source: Day | DayKeeper): DeskStore {
  const keeper: DayKeeper = 'submit' in source ? source : memoryKeeper(source);
  let nextLine = 0;
  const tickerLines = (events: readonly DayEvent[], elsewhere: boolean): TickerLine[] =>
    events
      .filter((event, i) => TICKER_KINDS.has(event.kind) && (event.kind !== 'slot-closed' || closedWithPatients(events, i)))
      .map((event) => ({
        id: nextLine++,
        time: formatTime(event.at),
        text: tickerLine(keeper.day, event),
        kind: event.kind,
        ...(elsewhere && { elsewhere }),
      }));

  return createStore<DeskState>()((set, get) => {
    /**
     * Publishes outcomes in one update. `shown` is the outcome whose result the status line
     * reports (this desk's own); outcomes before it came from other desks.
     */
    const publish = (
      outcomes: readonly Outcome[],
      shown: Outcome | undefined,
      othersUpTo = shown ? outcomes.length - 1 : outcomes.length,
      command?: Command,
    ) => {
      const state = get();
      const fresh = outcomes.flatMap((outcome, i) => tickerLines(outcome.events, i < othersUpTo));
      set({
        day: keeper.day,
        version: keeper.day.version,
        last: shown ? { text: lineOf(shown.result, command), tone: toneOf(shown.result) } : state.last,
        ticker: fresh.length === 0 ? state.ticker : [...state.ticker, ...fresh].slice(-TICKER_LENGTH),
        highlights: outcomes.some((o) => o.events.length > 0) ? highlightsOf(outcomes) : state.highlights,
      });
    };

    /** The status line: a refusal about a token's state in the counter's words, else the engine's line. */
    const lineOf = (result: Result, command?: Command): string => {
      const words = command && counterWords(keeper.day, command, result);
      return words ? `Not done: ${words}` : statusLine(keeper.day, result);
    };

    /** A write the journal refused: the keeper has rebuilt the day from what it holds. */
    const refused = (command: Command, error: unknown): Result => {
      const result: Result = { op: command.op, status: 'ERROR', error: `not saved: ${(error as Error).message}` };
      set({ day: keeper.day, version: keeper.day.version, last: { text: `Not saved: ${(error as Error).message}`, tone: 'error' } });
      return result;
    };

    return {
      day: keeper.day,
      version: keeper.day.version,
      last: null,
      ticker: tickerLines(keeper.recentEvents ?? [], false).slice(-TICKER_LENGTH),
      highlights: NO_HIGHLIGHTS,
      dispatch(command) {
        return get().dispatchOutcome(command).result;
      },
      dispatchOutcome(command) {
        let outcomes: Outcome[];
        try {
          outcomes = keeper.submit(command);
        } catch (error) {
          return { result: refused(command, error) };
        }
        const own = outcomes.at(-1)!;
        publish(outcomes, own, undefined, command);
        return own.field === undefined ? { result: own.result } : { result: own.result, field: own.field };
      },
      dispatchIf(command, proceed) {
        let done: { caughtUp: Outcome[]; own?: Outcome };
        try {
          if (keeper.submitIf) done = keeper.submitIf(command, proceed);
          else if (!proceed(keeper.day)) done = { caughtUp: [] };
          else {
            const outcomes = keeper.submit(command);
            done = { caughtUp: outcomes.slice(0, -1), own: outcomes.at(-1)! };
          }
        } catch (error) {
          return { result: refused(command, error) };
        }
        const { caughtUp, own } = done;
        if (!own) {
          if (caughtUp.length > 0) publish(caughtUp, undefined);
          return null;
        }
        publish([...caughtUp, own], own, undefined, command);
        return own.field === undefined ? { result: own.result } : { result: own.result, field: own.field };
      },
      dispatchAll(commands) {
        const outcomes: Outcome[] = [];
        for (const command of commands) {
          try {
            outcomes.push(...keeper.submit(command));
          } catch (error) {
            // As dispatch does: nothing after a refused write is sent, and the status line says why.
            if (outcomes.length > 0) publish(outcomes, undefined, 0);
            return [...outcomes, { result: refused(command, error), events: [] }];
          }
        }
        if (outcomes.length === 0) return outcomes;
        // The status line reports the last command that was not just the clock moving on.
        const shown = [...outcomes].reverse().find((o) => o.result.status !== 'OK') ?? (outcomes.length === 1 ? outcomes[0] : undefined);
        publish(outcomes, shown, 0);
        return outcomes;
      },
      sync() {
        const known = keeper.mismatches?.length ?? 0;
        const outcomes = keeper.sync();
        if (outcomes.length > 0) publish(outcomes, undefined);
        const fresh = keeper.mismatches?.slice(known) ?? [];
        if (fresh.length > 0) set({ last: { text: mismatchNotice(fresh), tone: 'error' } });
        return outcomes.length > 0;
      },
      followClock(time) {
        try {
          const outcomes = keeper.followClock(time);
          if (outcomes.length > 0) publish(outcomes, undefined, 0);
        } catch (error) {
          refused({ op: 'clock', time }, error);
        }
      },
    };
  });
}
