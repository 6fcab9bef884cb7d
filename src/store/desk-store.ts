/**
 * The desk's store: a zustand vanilla store around one engine day. Actions dispatch engine
 * commands; components subscribe to slices through the selectors in ./selectors.ts. No rule
 * lives here: the engine decides, the store publishes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeEvent, describeResult, execute, type Command, type Day, type DayEvent, type Result } from '../engine/index.js';

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

export interface DeskState {
  day: Day;
  /** The day's version: selectors recompute when it moves. */
  version: number;
  last: LastAction | null;
  /** Most recent last; at most TICKER_LENGTH lines. */
  ticker: TickerLine[];
  /** The token the last action was about (the new chip, the promoted one). */
  highlight: string | null;
  dispatch: (command: Command) => Result;
}

export type DeskStore = StoreApi<DeskState>;

export const TICKER_LENGTH = 50;

/** Events worth a ticker line: the ones a receptionist would want to notice. */
const TICKER_KINDS = new Set<DayEvent['kind']>(['seated', 'waitlisted', 'displaced', 'cancelled', 'no-show', 'rejected', 'slot-closed', 'unserved', 'clock']);

function toneOf(result: Result): Tone {
  if (result.status === 'ERROR' || result.status === 'REJECTED') return 'error';
  if ('warning' in result && result.warning) return 'warn';
  if (result.status === 'REALLOCATED' || result.status === 'WAITLISTED') return 'warn';
  return 'ok';
}

function highlightOf(result: Result): string | null {
  if (result.status === 'CANCELLED' || result.status === 'NO_SHOW') return result.promoted ?? null;
  if ('token' in result) return result.token;
  return null;
}

export function createDeskStore(day: Day): DeskStore {
  let nextLine = 0;
  return createStore<DeskState>()((set, get) => ({
    day,
    version: day.version,
    last: null,
    ticker: [],
    highlight: null,
    dispatch(command) {
      const { result, events } = execute(day, command);
      const fresh = events
        .filter((event) => TICKER_KINDS.has(event.kind))
        .map((event) => ({
          id: nextLine++,
          time: `${String(Math.floor(event.at / 60)).padStart(2, '0')}:${String(event.at % 60).padStart(2, '0')}`,
          text: describeEvent(day, event),
          kind: event.kind,
        }));
      set({
        version: day.version,
        last: { text: describeResult(day, result), tone: toneOf(result) },
        ticker: fresh.length === 0 ? get().ticker : [...get().ticker, ...fresh].slice(-TICKER_LENGTH),
        highlight: result.status === 'ERROR' ? get().highlight : highlightOf(result),
      });
      return result;
    },
  }));
}
