/**
 * The desk's keys on the board, in help and at a question, each key of a burst in order against
 * the latest state (so `t` then `y` typed together both count). A command the desk has made ready
 * is sent at once and its result comes back as an action. The booking form and the cancel dialog
 * listen for themselves while open.
 */
import { useInput } from 'ink';
import { useLayoutEffect, useRef } from 'react';
import type { Command, Result } from '../engine/index.js';
import { whenSent, type Sent } from '../store/desk-store.js';
import { confirmAnswerOf } from './ConfirmDialog.js';
import type { DeskAction, DeskMode, DeskScreenState } from './desk-state.js';
import { keysOf, type KeyPress } from './key-burst.js';
import { matchKey, type Screen } from './keymap.js';
import type { ListenForKeys } from './screen-keys.js';

export function deskActionOf(press: KeyPress, state: DeskScreenState): DeskAction | null {
  const mode = state.mode.kind;
  if (mode === 'confirm' || mode === 'confirm-quit') {
    const answer = confirmAnswerOf(press, mode === 'confirm-quit');
    return answer === null ? null : { type: 'answer', yes: answer === 'yes' };
  }
  if (mode === 'help' || mode === 'callbacks') {
    const action = matchKey(mode, press)?.action as keyof typeof HELP_ACTIONS | undefined;
    return action ? HELP_ACTIONS[action]() : null;
  }
  if (mode === 'detail') {
    const matched = matchKey('detail', press);
    return matched ? DETAIL_ACTIONS[matched.action as keyof typeof DETAIL_ACTIONS](matched.delta) : null;
  }
  if (mode !== 'board') return null;
  const matched = matchKey('board', press);
  if (!matched) return null;
  return BOARD_ACTIONS[matched.action as BoardAction](matched.delta);
}

type BoardAction =
  | 'doctor'
  | 'row'
  | 'page'
  | 'book'
  | 'cancel'
  | 'no-show'
  | 'check-in'
  | 'call'
  | 'done'
  | 'move'
  | 'away'
  | 'undo'
  | 'detail'
  | 'clock'
  | 'callbacks'
  | 'help'
  | 'quit';

/** What each detail binding of the keymap does. */
export const DETAIL_ACTIONS = {
  close: () => ({ type: 'close' }),
  scroll: (delta: -1 | 1) => ({ type: 'scroll', delta }),
  quit: () => ({ type: 'ask-quit' }),
} as const satisfies Record<string, (delta: -1 | 1) => DeskAction>;

/** The screens that take their own keys, and the keymap screen each reads (for Ctrl+C). */
const OWN_KEYS: Partial<Record<DeskMode['kind'], Screen>> = { book: 'form', cancel: 'cancel', move: 'move', away: 'away' };

/** What each help (and call-back list) binding of the keymap does. */
export const HELP_ACTIONS = {
  close: () => ({ type: 'close' }),
  quit: () => ({ type: 'ask-quit' }),
} as const satisfies Record<string, () => DeskAction>;

/** What each board binding of the keymap does. */
export const BOARD_ACTIONS: Record<BoardAction, (delta: -1 | 1) => DeskAction> = {
  doctor: (delta) => ({ type: 'move-doctor', delta }),
  row: (delta) => ({ type: 'move-row', delta }),
  page: (delta) => ({ type: 'page', delta }),
  book: () => ({ type: 'open', screen: 'book' }),
  cancel: () => ({ type: 'open', screen: 'cancel' }),
  'no-show': () => ({ type: 'no-show' }),
  'check-in': () => ({ type: 'counter', op: 'check-in' }),
  call: () => ({ type: 'counter', op: 'call' }),
  done: () => ({ type: 'counter', op: 'done' }),
  move: () => ({ type: 'open', screen: 'move' }),
  away: () => ({ type: 'open', screen: 'away' }),
  undo: () => ({ type: 'undo' }),
  detail: () => ({ type: 'open', screen: 'detail' }),
  clock: () => ({ type: 'clock' }),
  callbacks: () => ({ type: 'open', screen: 'callbacks' }),
  help: () => ({ type: 'open', screen: 'help' }),
  quit: () => ({ type: 'ask-quit' }),
};

export interface DeskInput {
  now: { readonly current: DeskScreenState };
  dispatch: (action: DeskAction) => DeskScreenState;
  /** Settled at once with a local keeper, later with a server. */
  send: (command: Command) => Sent<Result>;
  exit: () => void;
}

/**
 * The desk's one key listener. Keys for the board, the help and questions are handled here;
 * keys for the forms and dialogs (booking, cancel, move, away) go to the screen (see ./screen-keys.ts), or
 * wait for it while it mounts. Returns how such a screen, opened as `owner`, listens.
 */
export function useDeskInput({ now, dispatch, send, exit }: DeskInput): (owner: DeskMode) => ListenForKeys {
  const screen = useRef<{ owner: DeskMode; handle: (press: KeyPress) => void } | null>(null);
  const waiting = useRef<KeyPress[]>([]);
  // Keys that arrive while a command is on its way to a server, in order: handled once it is settled.
  const held = useRef<KeyPress[] | null>(null);
  const outside = useRef({ send, exit });
  useLayoutEffect(() => {
    outside.current = { send, exit };
  });

  /** Handles one key; what a sent command returns while it is unsettled holds the keys after it. */
  const take = (press: KeyPress): void => {
    if (held.current) {
      held.current.push(press);
      return;
    }
    const pending = route(press);
    if (!(pending instanceof Promise)) return;
    held.current = [];
    void pending.finally(() => {
      const next = held.current ?? [];
      held.current = null;
      // A key among them that sends again holds the rest behind it, still in order.
      for (const key of next) take(key);
    });
  };

  const route = (press: KeyPress): void | Promise<void> => {
    const mode = now.current.mode;
    if (now.current.quit) return;
    const own = OWN_KEYS[mode.kind];
    if (own !== undefined) {
      // Ctrl+C asks to quit from every screen, as on the board.
      if (matchKey(own, press)?.action === 'quit') {
        dispatch({ type: 'ask-quit' });
        return;
      }
      if (screen.current?.owner === mode) return screen.current.handle(press);
      waiting.current.push(press);
      return;
    }
    if (mode.kind === 'board') dispatch({ type: 'key' });
    const action = deskActionOf(press, now.current);
    if (action === null) return;
    const next = dispatch(action);
    if (next.quit) return outside.current.exit();
    if (!next.submit) return;
    const sent = whenSent(outside.current.send(next.submit), (result) => void dispatch({ type: 'sent', result }));
    return sent instanceof Promise ? sent : undefined;
  };

  useInput((input, key) => {
    for (const press of keysOf(input, key)) take(press);
  });

  return (owner: DeskMode): ListenForKeys =>
    (handle) => {
      screen.current = { owner, handle };
      for (const press of waiting.current.splice(0)) take(press);
      return () => {
        if (screen.current?.owner === owner) screen.current = null;
      };
    };
}
