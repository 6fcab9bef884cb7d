/**
 * The booking form's keys: each key of a burst becomes an action, in order, against the form's
 * latest state; a booking the form has made ready is sent through the store at once, and a
 * refusal comes back to the form as an action.
 */
import { useInput } from 'ink';
import type { Result } from '../engine/index.js';
import type { BookingAction, BookingFormState } from './booking-form-state.js';
import { fieldOfRefusal, isTextStep } from './booking-form-state.js';
import { keysOf, type KeyPress } from './key-burst.js';

/** The action a key asks for on the current step; 'close' backs out; null ignores it. */
export function bookingActionOf({ input, key }: KeyPress, state: BookingFormState): BookingAction | 'close' | null {
  if (key.escape) return 'close';
  if (key.tab) return { type: 'move', delta: key.shift ? -1 : 1 };
  if (key.return) return { type: 'enter' };
  if (isTextStep(state.step)) {
    if (key.upArrow) return { type: 'move', delta: -1 };
    if (key.downArrow) return { type: 'move', delta: 1 };
    return { type: 'edit', press: { input, key } };
  }
  if (key.upArrow || input === 'k') return { type: 'highlight', delta: -1 };
  if (key.downArrow || input === 'j') return { type: 'highlight', delta: 1 };
  if (/^[1-9]$/.test(input)) return { type: 'digit', digit: Number(input) };
  return null;
}

export interface BookingFormInput {
  now: { readonly current: BookingFormState };
  dispatch: (action: BookingAction) => BookingFormState;
  send: (command: NonNullable<BookingFormState['submit']>) => Result;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

export function useBookingFormInput({ now, dispatch, send, onDone, onCancel }: BookingFormInput): void {
  useInput((input, key) => {
    for (const press of keysOf(input, key)) {
      const action = bookingActionOf(press, now.current);
      if (action === 'close') return onCancel();
      if (action === null) continue;
      const { submit } = dispatch(action);
      if (!submit) continue;
      const result = send(submit);
      if (result.status !== 'ERROR') return onDone(result);
      dispatch({ type: 'refused', error: result.error, field: fieldOfRefusal(result) });
    }
  });
}
