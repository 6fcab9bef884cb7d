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

export function deskActionOf({ input, key }: KeyPress, state: DeskScreenState): DeskAction | null {
  const mode = state.mode.kind;
  if (mode === 'confirm' || mode === 'confirm-quit') {
    const answer = confirmAnswerOf({ input, key }, mode === 'confirm-quit');
    return answer === null ? null : { type: 'answer', yes: answer === 'yes' };
  }
  if (mode === 'help') return key.escape || input === '?' || input === 'q' || key.return ? { type: 'close' } : null;
  if (mode !== 'board') return null;
  if ((key.ctrl && input === 'c') || input === 'q') return { type: 'ask-quit' };
  if (input === '?') return { type: 'open', screen: 'help' };
  if (key.leftArrow || (key.tab && key.shift)) return { type: 'move-doctor', delta: -1 };
  if (key.rightArrow || key.tab) return { type: 'move-doctor', delta: 1 };
  if (key.upArrow) return { type: 'move-row', delta: -1 };
  if (key.downArrow) return { type: 'move-row', delta: 1 };
  if (key.pageDown) return { type: 'page', delta: 1 };
  if (key.pageUp) return { type: 'page', delta: -1 };
  if (input === 'b') return { type: 'open', screen: 'book' };
  if (input === 'c') return { type: 'open', screen: 'cancel' };
  if (input === 'n') return { type: 'no-show' };
  if (input === 't') return { type: 'clock' };
  return null;
}

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
