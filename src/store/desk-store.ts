/**
 * The desk's store: a zustand vanilla store around one engine day. Actions dispatch engine
 * commands; components subscribe to slices through the selectors in ./selectors.ts. No rule
 * lives here: the engine decides, the store publishes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeEvent, describeResult, execute, formatTime, type Command, type Day, type DayEvent, type Outcome, type Result } from '../engine/index.js';

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
  dispatch: (command: Command) => Result;
  /** Runs several commands and publishes once (the simulation plays a minute at a time). */
  dispatchAll: (commands: readonly Command[]) => Outcome[];
}

export type DeskStore = StoreApi<DeskState>;

export const TICKER_LENGTH = 50;

/** Events worth a ticker line: the ones a receptionist would want to notice. */
const TICKER_KINDS = new Set<DayEvent['kind']>(['seated', 'waitlisted', 'displaced', 'cancelled', 'no-show', 'rejected', 'slot-closed', 'unserved']);

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

const NO_HIGHLIGHTS: Readonly<Record<string, Highlight>> = Object.freeze({});

export function createDeskStore(day: Day): DeskStore {
  let nextLine = 0;
  const tickerLines = (events: readonly DayEvent[]): TickerLine[] =>
    events
      .filter((event) => TICKER_KINDS.has(event.kind))
      .map((event) => ({ id: nextLine++, time: formatTime(event.at), text: describeEvent(day, event), kind: event.kind }));

  return createStore<DeskState>()((set, get) => {
    /** Publishes the outcomes of one or more commands in a single update. */
    const publish = (outcomes: readonly Outcome[]) => {
      const fresh = outcomes.flatMap((outcome) => tickerLines(outcome.events));
      const lastShown = [...outcomes].reverse().find((outcome) => outcome.result.status !== 'OK' || outcomes.length === 1);
      const state = get();
      set({
        version: day.version,
        last: lastShown ? { text: describeResult(day, lastShown.result), tone: toneOf(lastShown.result) } : state.last,
        ticker: fresh.length === 0 ? state.ticker : [...state.ticker, ...fresh].slice(-TICKER_LENGTH),
        highlights: outcomes.some((o) => o.events.length > 0) ? highlightsOf(outcomes) : state.highlights,
      });
    };
    return {
      day,
      version: day.version,
      last: null,
      ticker: [],
      highlights: NO_HIGHLIGHTS,
      dispatch(command) {
        const outcome = execute(day, command);
        publish([outcome]);
        return outcome.result;
      },
      dispatchAll(commands) {
        const outcomes = commands.map((command) => execute(day, command));
        if (outcomes.length > 0) publish(outcomes);
        return outcomes;
      },
    };
  });
}
