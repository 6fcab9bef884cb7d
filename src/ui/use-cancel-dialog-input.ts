/** The cancel dialog's keys, each key of a burst in order; a confirmed cancellation is sent at once. */
import { useInput } from 'ink';
import type { CancelCommand, Result } from '../engine/index.js';
import type { CancelDialogAction, CancelDialogState } from './cancel-dialog-state.js';
import { confirmAnswerOf } from './ConfirmDialog.js';
import { keysOf, type KeyPress } from './key-burst.js';

export function cancelActionOf(press: KeyPress, state: CancelDialogState): CancelDialogAction | 'close' | null {
  if (state.confirming) {
    const answer = confirmAnswerOf(press);
    return answer === null ? null : { type: 'answer', yes: answer === 'yes' };
  }
  const { key } = press;
  if (key.escape) return 'close';
  if (key.upArrow) return { type: 'highlight', delta: -1 };
  if (key.downArrow) return { type: 'highlight', delta: 1 };
  if (key.return) return { type: 'enter' };
  return { type: 'edit', press };
}

export interface CancelDialogInput {
  now: { readonly current: CancelDialogState };
  dispatch: (action: CancelDialogAction) => CancelDialogState;
  send: (command: CancelCommand) => Result;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

export function useCancelDialogInput({ now, dispatch, send, onDone, onCancel }: CancelDialogInput): void {
  useInput((input, key) => {
    for (const press of keysOf(input, key)) {
      const action = cancelActionOf(press, now.current);
      if (action === 'close') return onCancel();
      if (action === null) continue;
      const { submit } = dispatch(action);
      if (submit) return onDone(send(submit));
    }
  });
}
