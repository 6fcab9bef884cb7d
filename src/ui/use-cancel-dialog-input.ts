/** The cancel dialog's keys (handed over by the desk), in order; a confirmed cancellation is sent at once. */
import type { CancelCommand, Result } from '../engine/index.js';
import { whenSent, type Sent } from '../store/desk-store.js';
import type { CancelDialogAction, CancelDialogState } from './cancel-dialog-state.js';
import { confirmAnswerOf } from './ConfirmDialog.js';
import type { KeyPress } from './key-burst.js';
import { useScreenKeys, type ListenForKeys } from './screen-keys.js';
import { matchKey } from './keymap.js';

export function cancelActionOf(press: KeyPress, state: CancelDialogState): CancelDialogAction | 'close' | null {
  if (state.confirming) {
    const answer = confirmAnswerOf(press);
    return answer === null ? null : { type: 'answer', yes: answer === 'yes' };
  }
  // Every printable key is search text.
  const matched = press.input !== '' && !press.key.ctrl ? null : matchKey('cancel', press);
  return matched ? CANCEL_ACTIONS[matched.action as keyof typeof CANCEL_ACTIONS](matched.delta) : { type: 'edit', press };
}

/** What each cancel-dialog binding of the keymap does. */
export const CANCEL_ACTIONS = {
  close: () => 'close',
  pick: (delta: -1 | 1) => ({ type: 'highlight', delta }),
  enter: () => ({ type: 'enter' }),
  // Ctrl+C: the desk asks to quit before the key reaches the dialog (./use-desk-input.ts).
  quit: () => null,
} as const satisfies Record<string, (delta: -1 | 1) => CancelDialogAction | 'close' | null>;

export interface CancelDialogInput {
  now: { readonly current: CancelDialogState };
  dispatch: (action: CancelDialogAction) => CancelDialogState;
  send: (command: CancelCommand) => Sent<Result>;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

export function useCancelDialogInput({ now, dispatch, send, onDone, onCancel }: CancelDialogInput, listen: ListenForKeys): void {
  useScreenKeys(listen, (press) => {
    const action = cancelActionOf(press, now.current);
    if (action === 'close') return onCancel();
    if (action === null) return;
    const { submit } = dispatch(action);
    if (submit) return whenSent(send(submit), onDone);
  });
}
