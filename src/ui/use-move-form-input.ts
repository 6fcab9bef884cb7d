/**
 * The move form's keys (handed over by the desk): each key becomes an action, in order, against
 * the form's latest state; a move the receptionist said yes to is sent through the store at once,
 * and a refusal comes back to the form, beside the field it concerns.
 */
import type { MoveCommand, Result } from '../engine/index.js';
import { whenSent, type Sent, type SentOutcome } from '../store/desk-store.js';
import type { KeyPress } from './key-burst.js';
import { matchKey } from './keymap.js';
import { moveFieldOf, type MoveAction, type MoveFormState } from './move-form-state.js';
import { useScreenKeys, type ListenForKeys } from './screen-keys.js';

type MoveKey = 'enter' | 'field' | 'updown' | 'pick' | 'yes' | 'no' | 'close' | 'quit';

/** What each move-form binding of the keymap does; y and n only answer the question. */
export const MOVE_ACTIONS: Record<MoveKey, (delta: -1 | 1, state: MoveFormState, press: KeyPress) => MoveAction | 'close' | null> = {
  enter: () => ({ type: 'enter' }),
  field: (delta) => ({ type: 'field', delta }),
  updown: (delta) => ({ type: 'highlight', delta }),
  pick: (_delta, _state, press) => ({ type: 'digit', digit: Number(press.input) }),
  yes: (_delta, state) => (state.step === 'confirm' ? { type: 'answer', yes: true } : null),
  no: (_delta, state) => (state.step === 'confirm' ? { type: 'answer', yes: false } : null),
  // Esc goes back one step; on the doctor list it backs out of the form.
  close: (_delta, state) => (state.step === 'doctor' ? 'close' : { type: 'back' }),
  // Ctrl+C: the desk asks to quit before the key reaches the form (./use-desk-input.ts).
  quit: () => null,
};

/** The action a key asks for; 'close' backs out; null ignores it. */
export function moveActionOf(press: KeyPress, state: MoveFormState): MoveAction | 'close' | null {
  const matched = matchKey('move', press);
  return matched ? MOVE_ACTIONS[matched.action as MoveKey](matched.delta, state, press) : null;
}

export interface MoveFormInput {
  now: { readonly current: MoveFormState };
  dispatch: (action: MoveAction) => MoveFormState;
  /** Moves; a refusal comes with the command field the engine says it concerns. */
  send: (command: MoveCommand) => Sent<SentOutcome>;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

export function useMoveFormInput({ now, dispatch, send, onDone, onCancel }: MoveFormInput, listen: ListenForKeys): void {
  useScreenKeys(listen, (press) => {
    const action = moveActionOf(press, now.current);
    if (action === 'close') return onCancel();
    if (action === null) return;
    const { submit } = dispatch(action);
    if (!submit) return;
    // A remote desk's answer arrives later: the keys after this one wait for it.
    return whenSent(send(submit), ({ result, field }) => {
      if (result.status !== 'ERROR') return onDone(result);
      dispatch({ type: 'refused', error: result.error, field: moveFieldOf(field) });
    });
  });
}
