/**
 * The doctor-away dialog's keys (handed over by the desk), in order, against the dialog's latest
 * state. In a time field every printable key is text; y and n answer only the preview's question.
 * An absence the receptionist said yes to is sent through the store at once; its result stays on
 * the dialog until Enter or Esc, a refusal goes beside the field it concerns.
 */
import type { AbsentCommand, Result } from '../engine/index.js';
import { whenSent, type Sent, type SentOutcome } from '../store/desk-store.js';
import { awayFieldOf, isTimeStep, type AwayAction, type AwayDialogState } from './away-dialog-state.js';
import type { KeyPress } from './key-burst.js';
import { matchKey } from './keymap.js';
import { useScreenKeys, type ListenForKeys } from './screen-keys.js';

type AwayKey = 'enter' | 'field' | 'updown' | 'yes' | 'no' | 'close' | 'quit';

/** What each away-dialog binding of the keymap does. */
export const AWAY_ACTIONS: Record<AwayKey, (delta: -1 | 1, state: AwayDialogState) => AwayAction | 'close' | null> = {
  enter: (_delta, state) => (state.step === 'result' ? 'close' : { type: 'enter' }),
  field: (delta) => ({ type: 'field', delta }),
  updown: (delta) => ({ type: 'highlight', delta }),
  yes: (_delta, state) => (state.step === 'preview' ? { type: 'answer', yes: true } : null),
  no: (_delta, state) => (state.step === 'preview' ? { type: 'answer', yes: false } : null),
  // Esc goes back one step; on the doctor list, and once done, it closes the dialog.
  close: (_delta, state) => (state.step === 'doctor' || state.step === 'result' ? 'close' : { type: 'back' }),
  // Ctrl+C: the desk asks to quit before the key reaches the dialog (./use-desk-input.ts).
  quit: () => null,
};

/** The action a key asks for; 'close' closes the dialog; null ignores it. */
export function awayActionOf(press: KeyPress, state: AwayDialogState): AwayAction | 'close' | null {
  const text = isTimeStep(state.step);
  if (text && press.input !== '' && !press.key.ctrl) return { type: 'edit', press };
  const matched = matchKey('away', press);
  if (!matched) return text ? { type: 'edit', press } : null;
  return AWAY_ACTIONS[matched.action as AwayKey](matched.delta, state);
}

export interface AwayDialogInput {
  now: { readonly current: AwayDialogState };
  dispatch: (action: AwayAction) => AwayDialogState;
  /** Marks the doctor away; a refusal comes with the command field the engine says it concerns. */
  send: (command: AbsentCommand) => Sent<SentOutcome>;
  /** Closes the dialog: with the result once it is done, without one before. */
  onDone: (result: Result) => void;
  onCancel: () => void;
}

export function useAwayDialogInput({ now, dispatch, send, onDone, onCancel }: AwayDialogInput, listen: ListenForKeys): void {
  useScreenKeys(listen, (press) => {
    const action = awayActionOf(press, now.current);
    if (action === 'close') {
      const { result } = now.current;
      return result === null ? onCancel() : onDone(result);
    }
    if (action === null) return;
    const { submit } = dispatch(action);
    if (!submit) return;
    // A remote desk's answer arrives later: the keys after this one wait for it.
    return whenSent(send(submit), ({ result, field }) => {
      if (result.status === 'ERROR') dispatch({ type: 'refused', error: result.error, field: awayFieldOf(field) });
      else dispatch({ type: 'sent', result });
    });
  });
}
