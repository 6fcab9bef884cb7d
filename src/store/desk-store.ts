/**
 * The desk's store: a zustand vanilla store around one day, kept in memory or by a journal
 * (see ../keeper/day-keeper.ts). Actions send commands through the keeper; components subscribe to
 * slices through the selectors in ./selectors.ts. No rule lives here: the engine decides, the
 * keeper makes it durable, the store publishes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  expectedTime,
  counterWords,
  findToken,
  tickerLine,
  statusLine,
  formatTime,
  type Command,
  type Day,
  type DayEvent,
  type LoggedCommand,
  type Outcome,
  type Result,
} from '../engine/index.js';
import { isAsyncKeeper, memoryKeeper, type AnyKeeper, type AsyncDayKeeper, type DayKeeper, type ReplayMismatch } from '../keeper/day-keeper.js';

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

/** A command's result, with the command field a refusal concerns (the engine's `Outcome.field`). */
export interface SentOutcome {
  result: Result;
  field?: string;
  /** Not recorded (a server out of reach): sending the same command again is safe and records it once. */
  retry?: true;
}

/** Now with a keeper that settles at once, later with one that settles on a server. */
export type Sent<T> = T | Promise<T>;

/** Runs `then` on what was sent: at once if it is settled, else when it is. */
export function whenSent<T, R>(sent: Sent<T>, then: (value: T) => R): Sent<R> {
  return sent instanceof Promise ? sent.then(then) : then(sent);
}

export interface DeskState {
  day: Day;
  /** The day's version: selectors recompute when it moves. */
  version: number;
  last: LastAction | null;
  /** Most recent last; at most TICKER_LENGTH lines. */
  ticker: TickerLine[];
  /** Chips the last update changed, and how; the board colours them. */
  highlights: Readonly<Record<string, Highlight>>;
  /**
   * Sends one command, as the screens do: settled at once with a local keeper (keys that arrive
   * together stay in order), later with a remote one. An ERROR if it could not be recorded.
   */
  send: (command: Command) => Sent<SentOutcome>;
  /** Where the day is kept cannot be reached (a remote desk): what the status bar says, else null. */
  link: string | null;
  /** Sends one command; its result (an ERROR if the journal could not record it). Local keepers only. */
  dispatch: (command: Command) => Result;
  /** As dispatch, with the command field a refusal concerns (the engine's `Outcome.field`). */
  dispatchOutcome: (command: Command) => SentOutcome;
  /**
   * As send, but only if `proceed` accepts the day once other desks' commands are in; null when it
   * did not (what they did is published, nothing of this desk's is sent). On a server the check is
   * against the day as the stream has brought it.
   */
  sendIf: (command: Command, proceed: (day: Day) => boolean) => Sent<SentOutcome | null>;
  /** Sends several commands and publishes once (the simulation plays a minute at a time). */
  dispatchAll: (commands: readonly Command[]) => Outcome[];
  /** Takes in what other desks committed; true if anything changed. */
  sync: () => boolean;
  /** Moves the clock with the wall clock (HH:MM), if it is not there already. */
  followClock: (time: string) => void;
  /** The day's commands after `afterSeq` (default: all), for a token's history; null when the keeper keeps none. */
  log: (afterSeq?: number) => readonly LoggedCommand[] | null;
}

export type DeskStore = StoreApi<DeskState>;

export const TICKER_LENGTH = 50;

/** Events worth a ticker line: the ones a receptionist would want to notice. */
const TICKER_KINDS = new Set<DayEvent['kind']>([
  'seated',
  'waitlisted',
  'displaced',
  'cancelled',
  'no-show',
  'rejected',
  'slot-closed',
  'unserved',
  'checked-in',
  'called',
  'moved',
  'absent',
  'undone',
]);

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

/**
 * The result line, and for a patient just given a seat, when to expect to go in (what the
 * receptionist tells them: "about 10:40").
 */
export function resultLine(day: Day, result: Result): string {
  const line = statusLine(day, result);
  const seated =
    (result.op === 'book' || result.op === 'move') && (result.status === 'ALLOCATED' || result.status === 'REALLOCATED' || result.status === 'MOVED');
  if (!seated) return line;
  const id = result.op === 'move' && result.status === 'MOVED' ? (result.newToken ?? result.token) : 'token' in result ? result.token : undefined;
  const token = id === undefined ? undefined : findToken(day, id);
  const at = token === undefined ? null : expectedTime(day, token);
  return at === null ? line : `${line} · about ${formatTime(at)}`;
}

const NO_HIGHLIGHTS: Readonly<Record<string, Highlight>> = Object.freeze({});

/** A store over a day in memory, or over any keeper (a journal, a server). */
export function createDeskStore(source: Day | AnyKeeper): DeskStore {
  const keeper: AnyKeeper = 'submit' in source ? source : memoryKeeper(source);
  const local = (): DayKeeper => {
    if (isAsyncKeeper(keeper)) throw new Error("this desk's commands are settled on a server: send them with send()");
    return keeper;
  };
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

  const store = createStore<DeskState>()((set, get) => {
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
      return words ? `Not done: ${words}` : resultLine(keeper.day, result);
    };

    /** A write the journal refused: the keeper has rebuilt the day from what it holds. */
    const refused = (command: Command, error: unknown): Result => {
      const result: Result = { op: command.op, status: 'ERROR', error: `not saved: ${(error as Error).message}` };
      set({ day: keeper.day, version: keeper.day.version, last: { text: `Not saved: ${(error as Error).message}`, tone: 'error' } });
      return result;
    };

    /** This desk's own outcome is the last; the others came first. */
    const own = (outcomes: readonly Outcome[], command?: Command): SentOutcome => {
      const mine = outcomes.at(-1)!;
      publish(outcomes, mine, undefined, command);
      return mine.field === undefined ? { result: mine.result } : { result: mine.result, field: mine.field };
    };

    return {
      day: keeper.day,
      version: keeper.day.version,
      last: null,
      link: isAsyncKeeper(keeper) ? keeper.link.notice : null,
      send(command) {
        if (!isAsyncKeeper(keeper)) return get().dispatchOutcome(command);
        set({ last: { text: `Sending ${command.op} to the server…`, tone: 'warn' } });
        return keeper.submit(command).then(
          (outcomes) => own(outcomes, command),
          (error: unknown): SentOutcome => ({ result: refused(command, error), retry: true }),
        );
      },
      ticker: tickerLines(keeper.recentEvents ?? [], false).slice(-TICKER_LENGTH),
      highlights: NO_HIGHLIGHTS,
      dispatch(command) {
        return get().dispatchOutcome(command).result;
      },
      dispatchOutcome(command) {
        const keeper = local();
        let outcomes: Outcome[];
        try {
          outcomes = keeper.submit(command);
        } catch (error) {
          return { result: refused(command, error) };
        }
        return own(outcomes, command);
      },
      sendIf(command, proceed) {
        if (isAsyncKeeper(keeper)) return proceed(keeper.day) ? get().send(command) : null;
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
        const { caughtUp, own: mine } = done;
        if (!mine) {
          if (caughtUp.length > 0) publish(caughtUp, undefined);
          return null;
        }
        return own([...caughtUp, mine], command);
      },
      dispatchAll(commands) {
        const keeper = local();
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
        if (isAsyncKeeper(keeper) && keeper.link.notice !== get().link) set({ link: keeper.link.notice });
        return outcomes.length > 0;
      },
      log: (afterSeq) => (isAsyncKeeper(keeper) ? null : (keeper.log?.(afterSeq) ?? null)),
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
  if (isAsyncKeeper(keeper)) followRemote(keeper, store);
  return store;
}

/** A remote keeper tells when something arrived: take it in at once (within the same tick's work). */
function followRemote(keeper: AsyncDayKeeper, store: DeskStore): void {
  let queued = false;
  keeper.subscribe(() => {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      store.getState().sync();
    });
  });
}
