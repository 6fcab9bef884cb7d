/**
 * The desk screen as data: which screen is open (board, help, a form, a question), where the
 * cursor is, and a notice for the status line. A question waiting for y/n holds the command it
 * would send, as plain data. `reduceDesk` is pure; keys: ./use-desk-input.ts; view: ./App.tsx.
 */
import { describeUndo, formatTime, nextSlotBoundary, previewMove, type Command, type Day, type Result, type Token } from '../engine/index.js';
import type { ColumnView } from '../store/selectors.js';
import { NEXT_AVAILABLE } from './booking-form-state.js';
import { settle, slotOfTarget, step, type Selection } from './selection.js';

export type DeskMode =
  | { kind: 'board' }
  | { kind: 'help' }
  /** The day's unserved patients, to call back. */
  | { kind: 'callbacks' }
  /** The booking form, starting on this doctor and slot (a label, or NEXT_AVAILABLE). */
  | { kind: 'book'; doctor: number; slot: string }
  /** The cancel dialog, starting on this token (the selected patient), if any. */
  | { kind: 'cancel'; token?: string }
  /** A token's detail; `back` lines of its history scrolled back from the newest. */
  | { kind: 'detail'; token: string; back: number }
  /** The move form, on this token (the selected patient). */
  | { kind: 'move'; token: string }
  /** The doctor-away dialog, starting on this doctor (the selected column). */
  | { kind: 'away'; doctor: number }
  /** A question; y sends `command`. */
  | { kind: 'confirm'; title: string; detail?: string; command: Command }
  /** Quit? y (or a second Ctrl+C) quits; n goes `back` to the screen it was asked from. */
  | { kind: 'confirm-quit'; detail?: string; back?: DeskMode };

export interface DeskScreenState {
  mode: DeskMode;
  cursor: Selection;
  notice: string | null;
  /** A command for the shell to send now; its result comes back as `sent`. */
  submit: Command | null;
  /** The receptionist said yes to quitting. */
  quit: boolean;
}

/** What the reducer reads of the day: the board's columns, the page size, the day itself. */
export interface DeskView {
  columns: readonly ColumnView[];
  perPage: number;
  day: Day;
  quitWarning?: string | undefined;
  /** The day is today's: its clock follows the wall clock, and t does not move it. */
  liveClock?: boolean | undefined;
  /** How far a token's history can scroll back on this screen (the detail stops there). */
  maxHistoryBack?: ((token: string) => number) | undefined;
}

export type DeskAction =
  | { type: 'key' }
  | { type: 'ask-quit' }
  | { type: 'open'; screen: 'help' | 'callbacks' | 'book' | 'cancel' | 'detail' | 'move' | 'away' }
  | { type: 'scroll'; delta: 1 | -1 }
  | { type: 'close' }
  | { type: 'move-doctor'; delta: number }
  | { type: 'page'; delta: 1 | -1 }
  | { type: 'move-row'; delta: 1 | -1 }
  | { type: 'no-show' }
  | { type: 'clock' }
  /** SPEC §5 at the counter: check in the selected patient, call or finish with the selected doctor's. */
  | { type: 'counter'; op: 'check-in' | 'call' | 'done' }
  | { type: 'undo' }
  | { type: 'answer'; yes: boolean }
  | { type: 'sent'; result: Result }
  /** The day changed (here or at another desk): a question it made stale closes itself. */
  | { type: 'day-changed' };

export function initialDesk(columns: readonly ColumnView[]): DeskScreenState {
  return { mode: { kind: 'board' }, cursor: { doctor: 0, target: settle(columns[0], null) }, notice: null, submit: null, quit: false };
}

/** The cursor where the board stands now: a patient who left is replaced by their slot. */
export function settled(cursor: Selection, columns: readonly ColumnView[]): Selection {
  const doctor = Math.max(0, Math.min(cursor.doctor, columns.length - 1));
  return { doctor, target: settle(columns[doctor], cursor.target) };
}

const board = (state: DeskScreenState): DeskScreenState => ({ ...state, mode: { kind: 'board' } });

function moveDoctor(state: DeskScreenState, delta: number, view: DeskView): DeskScreenState {
  const count = view.columns.length;
  const next = (((settled(state.cursor, view.columns).doctor + delta) % count) + count) % count;
  return { ...state, cursor: { doctor: next, target: settle(view.columns[next], null, 0) } };
}

/**
 * The form prefers the selected slot: the slot row under the cursor, or the slot of the patient
 * under it (the one they sit in or wait for). The form itself starts on "Next available" when
 * that slot is full for the patient, so a quick Enter never waitlists into a full slot.
 */
function bookingStart(state: DeskScreenState, view: DeskView): DeskMode {
  const selection = settled(state.cursor, view.columns);
  const column = view.columns[selection.doctor];
  const slot = column ? slotOfTarget(column, selection.target) : undefined;
  const open = slot !== undefined && column && !column.slots[slot]?.closed ? column.slots[slot]!.label : NEXT_AVAILABLE;
  return { kind: 'book', doctor: selection.doctor, slot: open };
}

/** The cancel dialog starts on the selected patient, so c, Enter, y cancels the one selected. */
function cancelStart(state: DeskScreenState, view: DeskView): DeskMode {
  const target = settled(state.cursor, view.columns).target;
  return target?.kind === 'token' ? { kind: 'cancel', token: target.token } : { kind: 'cancel' };
}

function askNoShow(state: DeskScreenState, view: DeskView): DeskScreenState {
  const target = settled(state.cursor, view.columns).target;
  if (target?.kind !== 'token') return { ...state, notice: 'Select a seated patient first (↑/↓), then n.' };
  const token = view.day.tokens.find((t) => t.id === target.token);
  const command: Command = { op: 'no-show', token: target.token };
  // The engine says why not; an error changes nothing, so there is nothing to confirm.
  if (token?.status !== 'BOOKED') return { ...state, submit: command };
  return {
    ...state,
    mode: {
      kind: 'confirm',
      title: `Mark ${token.id} ${token.patient} as no-show?`,
      detail: `Their seat in ${token.slot.label} goes to the first patient waiting for it.`,
      command,
    },
  };
}

/**
 * Check-in names the selected patient; call and done name the selected doctor. Sent at once:
 * the engine says why not, and the result line says what happened.
 */
function counterCommand(state: DeskScreenState, op: 'check-in' | 'call' | 'done', view: DeskView): DeskScreenState {
  const selection = settled(state.cursor, view.columns);
  if (op === 'check-in') {
    const target = selection.target;
    if (target?.kind !== 'token') return { ...state, notice: 'Select a patient first (↑/↓), then i.' };
    return { ...state, submit: { op: 'check-in', token: target.token } };
  }
  const column = view.columns[selection.doctor];
  return column ? { ...state, submit: { op, doctor: column.id } } : state;
}

/** Enter on a patient opens their token's detail; on a slot row it says what to select. */
function openDetail(state: DeskScreenState, view: DeskView): DeskScreenState {
  const target = settled(state.cursor, view.columns).target;
  if (target?.kind !== 'token') return { ...state, notice: "Select a patient first (↑/↓), then Enter for their token's history." };
  return { ...state, mode: { kind: 'detail', token: target.token, back: 0 } };
}

/** Undo says which command it would take back (the engine's newest undoable one, in counter words) and asks. */
function askUndo(state: DeskScreenState, view: DeskView): DeskScreenState {
  const last = describeUndo(view.day);
  // Nothing in reach: the engine says why (nothing yet, or a slot has closed since).
  if (last === undefined) return { ...state, submit: { op: 'undo' } };
  return {
    ...state,
    // `expect` names the command asked about: should another desk act first, the engine refuses.
    mode: { kind: 'confirm', title: `Undo ${last.what}?`, detail: 'The day goes back to just before it.', command: { op: 'undo', expect: last.expect } },
  };
}

/**
 * The move form opens on the selected patient; a patient the engine would not move at all (in
 * consultation, already seen) is said at once, in the engine's words.
 */
function openMove(state: DeskScreenState, view: DeskView): DeskScreenState {
  const target = settled(state.cursor, view.columns).target;
  if (target?.kind !== 'token') return { ...state, notice: 'Select a patient first (↑/↓), then m.' };
  const said = previewMove(view.day, { op: 'move', token: target.token });
  if (!said.ok && said.field === 'token') return { ...state, notice: `Cannot move: ${said.error}` };
  return { ...state, mode: { kind: 'move', token: target.token } };
}

/** Said when t is pressed on today's date: moving the clock ahead would close slots early, for good. */
export const LIVE_CLOCK_NOTICE = "Today's clock follows the wall clock: t only moves the clock on another date.";

/** What a token's status means at the counter. */
const STATUS_WORDS: Record<Token['status'], string> = {
  BOOKED: 'seated',
  WAITLISTED: 'waiting',
  COMPLETED: 'already seen',
  CANCELLED: 'cancelled',
  NO_SHOW: 'already marked no-show',
  UNSERVED: 'left unserved',
  MOVED: 'moved to another doctor',
  VOIDED: 'undone',
};

/**
 * Why a question asked earlier no longer applies to the day (another desk acted meanwhile), or
 * null while it still does.
 */
export function staleQuestion(command: Command, day: Day): string | null {
  if (command.op === 'no-show') {
    const token = day.tokens.find((t) => t.id === command.token);
    return token && token.status !== 'BOOKED' ? `${token.id} ${token.patient} is ${STATUS_WORDS[token.status]} now: nothing was marked.` : null;
  }
  if (command.op === 'clock') {
    const next = nextSlotBoundary(day);
    return next === undefined || formatTime(next) !== command.time ? `The clock is at ${formatTime(day.clock)} now: nothing was changed.` : null;
  }
  if (command.op === 'undo' && command.expect !== undefined) {
    return day.history.at(-1)?.refValue === command.expect ? null : 'The most recent command changed meanwhile: nothing was undone. Press u again to see it.';
  }
  return null;
}

function askClock(state: DeskScreenState, view: DeskView): DeskScreenState {
  if (view.liveClock) return { ...state, notice: LIVE_CLOCK_NOTICE };
  const next = nextSlotBoundary(view.day);
  if (next === undefined) return { ...state, notice: 'The day is over: every slot has ended.' };
  const time = formatTime(next);
  return {
    ...state,
    mode: {
      kind: 'confirm',
      title: `Move the clock from ${formatTime(view.day.clock)} to ${time}?`,
      detail: 'Slots that end by then close: their seated patients are completed and whoever waits for them moves to the next slot.',
      command: { op: 'clock', time },
    },
  };
}

/** After a command: back to the board, the cursor on the token it placed (or promoted). */
function afterResult(state: DeskScreenState, result: Result, view: DeskView): DeskScreenState {
  const next: DeskScreenState = { ...state, mode: { kind: 'board' }, notice: null, submit: null };
  const token =
    result.status === 'CANCELLED' || result.status === 'NO_SHOW'
      ? result.promoted
      : result.status === 'MOVED'
        ? (result.newToken ?? result.token)
        : result.status === 'UNDONE'
          ? result.undid.token
          : 'token' in result
            ? result.token
            : undefined;
  if (!token) return next;
  const column = view.columns.findIndex((c) => token.startsWith(`${c.code}-`));
  return column >= 0 ? { ...next, cursor: { doctor: column, target: { kind: 'token', token } } } : next;
}

export function reduceDesk(state: DeskScreenState, action: DeskAction, view: DeskView): DeskScreenState {
  switch (action.type) {
    case 'key':
      return state.notice === null ? state : { ...state, notice: null };
    case 'ask-quit': {
      // From a form, a dialog or the help, n goes back to it as it was.
      const back = state.mode.kind === 'board' || state.mode.kind === 'confirm-quit' ? undefined : state.mode;
      return { ...state, mode: { kind: 'confirm-quit', ...(view.quitWarning !== undefined && { detail: view.quitWarning }), ...(back && { back }) } };
    }
    case 'open': {
      if (action.screen === 'detail') return openDetail(state, view);
      if (action.screen === 'book') {
        const column = view.columns[settled(state.cursor, view.columns).doctor];
        // Said before the form opens, not after a name and phone have been typed.
        if (column && column.slots.every((slot) => slot.closed)) return { ...state, notice: `Every slot of ${column.name} has ended today.` };
      }
      if (action.screen === 'move') return openMove(state, view);
      if (action.screen === 'away') return { ...state, mode: { kind: 'away', doctor: settled(state.cursor, view.columns).doctor } };
      return {
        ...state,
        mode: action.screen === 'book' ? bookingStart(state, view) : action.screen === 'cancel' ? cancelStart(state, view) : { kind: action.screen },
      };
    }
    case 'close':
      return board(state);
    case 'scroll':
      // Up goes back in time: one more line scrolled back from the newest.
      if (state.mode.kind !== 'detail') return state;
      return { ...state, mode: { ...state.mode, back: Math.max(0, Math.min(view.maxHistoryBack?.(state.mode.token) ?? 0, state.mode.back - action.delta)) } };
    case 'move-doctor':
      return moveDoctor(state, action.delta, view);
    case 'page':
      return moveDoctor(state, action.delta * view.perPage, view);
    case 'move-row': {
      const now = settled(state.cursor, view.columns);
      const column = view.columns[now.doctor];
      return column ? { ...state, cursor: { doctor: now.doctor, target: step(column, now.target, action.delta) } } : state;
    }
    case 'no-show':
      return askNoShow(state, view);
    case 'clock':
      return askClock(state, view);
    case 'counter':
      return counterCommand(state, action.op, view);
    case 'undo':
      return askUndo(state, view);
    case 'answer':
      if (state.mode.kind === 'confirm-quit') return action.yes ? { ...state, quit: true } : { ...state, mode: state.mode.back ?? { kind: 'board' } };
      if (state.mode.kind !== 'confirm') return state;
      return action.yes ? { ...state, submit: state.mode.command } : board(state);
    case 'sent':
      return afterResult(state, action.result, view);
    case 'day-changed': {
      if (state.mode.kind !== 'confirm') return state;
      const why = staleQuestion(state.mode.command, view.day);
      return why === null ? state : { ...state, mode: { kind: 'board' }, notice: why };
    }
  }
}
