/**
 * The booking form's keys (handed over by the desk): each key becomes an action, in order, against the form's
 * latest state; a booking the form has made ready is sent through the store at once, and a
 * refusal comes back to the form as an action.
 */
import { useRef } from 'react';
import {
  bookingChange,
  counterWords,
  shownPlacement,
  stillAsShown,
  type BookCommand,
  type Day,
  type Result,
  type ShownPlacement,
  type Source,
} from '../engine/index.js';
import { whenSent, type Sent, type SentOutcome } from '../store/desk-store.js';
import type { BookingAction, BookingFormState } from './booking-form-state.js';
import { STEPS, fieldOfRefusal, isTextStep, NEXT_AVAILABLE } from './booking-form-state.js';
import type { KeyPress } from './key-burst.js';
import { useScreenKeys, type ListenForKeys } from './screen-keys.js';
import { matchKey } from './keymap.js';

/** The action a key asks for on the current step; 'close' backs out; null ignores it. */
export function bookingActionOf(press: KeyPress, state: BookingFormState): BookingAction | 'close' | null {
  if (state.conflict) return conflictActionOf(press);
  const text = isTextStep(state.step);
  // In a text field every printable key is text, even one that is a key in a list (j, k, 1-9).
  if (text && press.input !== '' && !press.key.ctrl) return { type: 'edit', press };
  const matched = matchKey('form', press);
  if (!matched) return text ? { type: 'edit', press } : null;
  return FORM_ACTIONS[matched.action as FormAction](matched.delta, text, press);
}

const SOURCE_LETTERS: Record<string, Source> = { e: 'EMERGENCY', p: 'PAID', f: 'FOLLOW_UP', o: 'ONLINE', w: 'WALK_IN' };

type FormAction = 'enter' | 'field' | 'updown' | 'pick' | 'source' | 'close' | 'quit';

/** What each form binding of the keymap does; ↑ ↓ move between fields in a text field, the choice in a list. */
export const FORM_ACTIONS: Record<FormAction, (delta: -1 | 1, text: boolean, press: KeyPress) => BookingAction | 'close' | null> = {
  enter: () => ({ type: 'enter' }),
  field: (delta) => ({ type: 'move', delta }),
  updown: (delta, text) => (text ? { type: 'move', delta } : { type: 'highlight', delta }),
  pick: (_delta, text, press) => (text ? null : { type: 'digit', digit: Number(press.input) }),
  source: (_delta, text, press) => (text ? null : { type: 'source', source: SOURCE_LETTERS[press.input]! }),
  // Esc in a list goes back one field; in a text field it backs out of the form.
  close: (_delta, text) => (text ? 'close' : { type: 'move', delta: -1 }),
  // Ctrl+C: the desk asks to quit before the key reaches the form (./use-desk-input.ts).
  quit: () => null,
};

/** While the form asks about a changed slot: a digit takes that choice, Esc goes back to the slot list. */
function conflictActionOf(press: KeyPress): BookingAction | null {
  const matched = matchKey('form', press);
  if (matched?.action === 'pick') return { type: 'option', index: Number(press.input) - 1 };
  if (matched?.action === 'close') return { type: 'dismiss' };
  return null;
}

export interface BookingFormInput {
  now: { readonly current: BookingFormState };
  dispatch: (action: BookingAction) => BookingFormState;
  /**
   * Books if `proceed` accepts the day once other desks' commands are in; null when it did not.
   * A refusal comes with the command field the engine says it concerns. Later on a server.
   */
  send: (command: BookCommand, proceed: (day: Day) => boolean) => Sent<SentOutcome | null>;
  /** The day as the form shows it now. */
  day: () => Day;
  /** The id of the day's doctor at this index. */
  doctorId: (index: number) => string;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

/** Which booking a slot-list row stands for: doctor, source and slot (patient and phone do not change where it goes). */
function placeKey(command: BookCommand): string {
  return `${command.doctor}|${command.source ?? ''}|${command.slot ?? ''}`;
}

export function useBookingFormInput({ now, dispatch, send, day, doctorId, onDone, onCancel }: BookingFormInput, listen: ListenForKeys): void {
  // What the slot list showed for the highlighted row when the receptionist last acted on it:
  // the form redraws as other desks' bookings arrive, and a change they did not act on is asked about.
  const seen = useRef<{ key: string; shown: ShownPlacement } | null>(null);
  useScreenKeys(listen, (press) => {
    const action = bookingActionOf(press, now.current);
    if (action === 'close') return onCancel();
    if (action === null) return;
    const next = dispatch(action);
    const { submit, shownAs } = next;
    if (!submit) {
      if (next.step === 'slot' && !next.conflict) {
        const draft: BookCommand = {
          op: 'book',
          doctor: doctorId(next.doctor),
          patient: '',
          source: next.source,
          ...(next.slot !== NEXT_AVAILABLE && { slot: next.slot }),
        };
        seen.current = { key: placeKey(draft), shown: shownPlacement(day(), draft) };
      }
      return;
    }
    // What the receptionist was shown (and may have told the patient) is what gets booked; if
    // another desk changed the slot meanwhile, the form asks instead of booking something else.
    const last = seen.current?.key === placeKey(submit) ? seen.current.shown : undefined;
    const shown = shownAs ?? last ?? shownPlacement(day(), submit);
    // Until the answer the form stays as typed; a refusal (or a server out of reach) keeps it so.
    return whenSent(
      send(submit, (current) => stillAsShown(current, submit, shown)),
      (sent) => {
        if (sent === null) return void dispatch({ type: 'changed', change: bookingChange(day(), submit, shown) });
        const { result, field, retry } = sent;
        if (result.status !== 'ERROR') return onDone(result);
        // Not recorded at all (a server out of reach): the form waits on its last field, so Enter sends the same again.
        if (retry) return void dispatch({ type: 'refused', error: result.error, field: STEPS[STEPS.length - 1]! });
        // A refusal about a patient's token in the counter's words (rule 9 names the token they hold).
        dispatch({ type: 'refused', error: counterWords(day(), submit, result) ?? result.error, field: fieldOfRefusal(field) });
      },
    );
  });
}
