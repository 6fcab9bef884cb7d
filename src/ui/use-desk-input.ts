/**
 * The desk's keys on the board, in help and at a question, each key of a burst in order against
 * the latest state (so `t` then `y` typed together both count). A command the desk has made ready
 * is sent at once and its result comes back as an action. The booking form and the cancel dialog
 * listen for themselves while open.
 */
import { useInput } from 'ink';
import type { Command, Result } from '../engine/index.js';
import { confirmAnswerOf } from './ConfirmDialog.js';
import type { DeskAction, DeskScreenState } from './desk-state.js';
import { keysOf, type KeyPress } from './key-burst.js';
import { matchKey } from './keymap.js';

export function deskActionOf(press: KeyPress, state: DeskScreenState): DeskAction | null {
  const mode = state.mode.kind;
  if (mode === 'confirm' || mode === 'confirm-quit') {
    const answer = confirmAnswerOf(press, mode === 'confirm-quit');
    return answer === null ? null : { type: 'answer', yes: answer === 'yes' };
  }
  if (mode === 'help') return matchKey('help', press)?.action === 'close' ? { type: 'close' } : null;
  if (mode !== 'board') return null;
  const matched = matchKey('board', press);
  if (!matched) return null;
  return BOARD_ACTIONS[matched.action as BoardAction](matched.delta);
}

type BoardAction = 'doctor' | 'row' | 'page' | 'book' | 'cancel' | 'no-show' | 'clock' | 'help' | 'quit';

/** What each board binding of the keymap does. */
export const BOARD_ACTIONS: Record<BoardAction, (delta: -1 | 1) => DeskAction> = {
  doctor: (delta) => ({ type: 'move-doctor', delta }),
  row: (delta) => ({ type: 'move-row', delta }),
  page: (delta) => ({ type: 'page', delta }),
  book: () => ({ type: 'open', screen: 'book' }),
  cancel: () => ({ type: 'open', screen: 'cancel' }),
  'no-show': () => ({ type: 'no-show' }),
  clock: () => ({ type: 'clock' }),
  help: () => ({ type: 'open', screen: 'help' }),
  quit: () => ({ type: 'ask-quit' }),
};

export interface DeskInput {
  now: { readonly current: DeskScreenState };
  dispatch: (action: DeskAction) => DeskScreenState;
  send: (command: Command) => Result;
  exit: () => void;
}

/** Listens while the board, the help or a question is showing. */
export function useDeskInput({ now, dispatch, send, exit }: DeskInput, isActive: boolean): void {
  useInput(
    (input, key) => {
      for (const press of keysOf(input, key)) {
        if (now.current.mode.kind === 'board') dispatch({ type: 'key' });
        const action = deskActionOf(press, now.current);
        if (action === null) continue;
        const next = dispatch(action);
        if (next.quit) return exit();
        if (next.submit) dispatch({ type: 'sent', result: send(next.submit) });
        const mode = now.current.mode.kind;
        // The form and the dialog take the keys from here on.
        if (mode === 'book' || mode === 'cancel') return;
      }
    },
    { isActive },
  );
}
