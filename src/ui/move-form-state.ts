/**
 * The move form as data (SPEC §5 `move`): the token it moves (the selected patient), the doctor
 * and slot chosen, a question before anything is sent, the errors beside their fields, and a
 * move ready to send. What each choice would do is the engine's preview (previewMove), handed
 * in through `MoveChoices`; `reduceMoveForm` is pure. Keys: ./use-move-form-input.ts; view:
 * ./MoveForm.tsx.
 */
import type { MoveCommand } from '../engine/index.js';
import { NEXT_AVAILABLE } from './booking-form-state.js';
import { choiceListAt, moveChoice, pickByDigit, type ChoiceListState } from './choice-list-state.js';

export const MOVE_STEPS = ['doctor', 'slot', 'confirm'] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];
/** The fields an error may stand beside: the patient line, the doctor, the slot. */
export type MoveField = 'token' | 'doctor' | 'slot';

export interface MoveFormState {
  /** The token being moved. */
  token: string;
  step: MoveStep;
  /** Index of the chosen doctor in the day. */
  doctor: number;
  /** A slot label, or NEXT_AVAILABLE. */
  slot: string;
  /** The highlighted row of the list the step shows (doctor or slot). */
  list: ChoiceListState;
  errors: Partial<Record<MoveField, string>>;
  /** A move the receptionist said yes to, for the shell to send; null until then. */
  submit: MoveCommand | null;
}

/** What the form may choose from, and what the engine says about a choice. */
export interface MoveChoices {
  doctorIds: readonly string[];
  /** NEXT_AVAILABLE, then the labels of the doctor's open slots. */
  slotValues(doctor: number): readonly string[];
  /** The engine's refusal of moving there (with the field it concerns), or null if it would move. */
  refusal(doctor: number, slot: string): { error: string; field: MoveField } | null;
  /** Rows a list shows at once. */
  listLimit: number;
}

export type MoveAction =
  | { type: 'enter' }
  /** Tab / Shift+Tab: the next or previous field. */
  | { type: 'field'; delta: 1 | -1 }
  | { type: 'highlight'; delta: 1 | -1 }
  | { type: 'digit'; digit: number }
  | { type: 'answer'; yes: boolean }
  /** Esc: back one step (the shell closes the form from the doctor list). */
  | { type: 'back' }
  | { type: 'refused'; error: string; field: MoveField }
  /** The day changed (here or at another desk): a question the engine would now refuse goes back, saying why. */
  | { type: 'day-changed' };

/** The first slot row the engine would accept for this doctor ("Next available" if it would), else the first row. */
export function startSlot(doctor: number, choices: MoveChoices): string {
  const values = choices.slotValues(doctor);
  return values.find((slot) => choices.refusal(doctor, slot) === null) ?? values[0] ?? NEXT_AVAILABLE;
}

function listFor(state: MoveFormState, choices: MoveChoices): ChoiceListState {
  const values = state.step === 'doctor' ? choices.doctorIds : choices.slotValues(state.doctor);
  const at = state.step === 'doctor' ? state.doctor : values.indexOf(state.slot);
  return choiceListAt(Math.max(0, at), values.length, choices.listLimit);
}

export function initialMoveForm(token: string, doctor: number, choices: MoveChoices): MoveFormState {
  const state: MoveFormState = { token, step: 'doctor', doctor, slot: startSlot(doctor, choices), list: { at: 0, top: 0 }, errors: {}, submit: null };
  return { ...state, list: listFor(state, choices) };
}

function enter(state: MoveFormState, step: MoveStep, choices: MoveChoices): MoveFormState {
  const next = { ...state, step };
  return step === 'confirm' ? next : { ...next, list: listFor(next, choices) };
}

function withoutError(state: MoveFormState, field: MoveField): MoveFormState {
  if (state.errors[field] === undefined) return state;
  const errors = { ...state.errors };
  delete errors[field];
  return { ...state, errors };
}

function chooseDoctor(state: MoveFormState, doctor: number, choices: MoveChoices): MoveFormState {
  if (doctor === state.doctor) return state;
  return withoutError(withoutError({ ...state, doctor, slot: startSlot(doctor, choices) }, 'doctor'), 'slot');
}

/** Takes the slot; the engine's refusal stands beside its field instead of a question. */
function chooseSlot(state: MoveFormState, slot: string, choices: MoveChoices): MoveFormState {
  const refusal = choices.refusal(state.doctor, slot);
  const next = withoutError(withoutError({ ...state, slot }, 'slot'), 'doctor');
  if (refusal === null) return enter(withoutError(next, 'token'), 'confirm', choices);
  return enter({ ...next, errors: { ...next.errors, [refusal.field]: refusal.error } }, refusal.field === 'doctor' ? 'doctor' : 'slot', choices);
}

function take(state: MoveFormState, index: number, choices: MoveChoices): MoveFormState {
  if (state.step === 'doctor') return index < choices.doctorIds.length ? enter(chooseDoctor(state, index, choices), 'slot', choices) : state;
  if (state.step !== 'slot') return state;
  const slot = choices.slotValues(state.doctor)[index];
  return slot === undefined ? state : chooseSlot(state, slot, choices);
}

export function reduceMoveForm(state: MoveFormState, action: MoveAction, choices: MoveChoices): MoveFormState {
  switch (action.type) {
    case 'enter':
      return take(state, state.list.at, choices);
    case 'field': {
      if (state.step === 'confirm') return state;
      const step: MoveStep = state.step === 'doctor' ? 'slot' : 'doctor';
      return (action.delta === 1) === (state.step === 'doctor') ? enter(state, step, choices) : state;
    }
    case 'highlight': {
      if (state.step === 'confirm') return state;
      const length = state.step === 'doctor' ? choices.doctorIds.length : choices.slotValues(state.doctor).length;
      const list = moveChoice(state.list, action.delta, length, choices.listLimit);
      // The doctor follows the highlight at once, so the slot line's preview follows too.
      if (state.step === 'doctor') return { ...chooseDoctor(state, list.at, choices), list };
      return { ...withoutError(state, 'slot'), list, slot: choices.slotValues(state.doctor)[list.at] ?? state.slot };
    }
    case 'digit': {
      if (state.step === 'confirm') return state;
      const length = state.step === 'doctor' ? choices.doctorIds.length : choices.slotValues(state.doctor).length;
      const index = pickByDigit(state.list, action.digit, length, choices.listLimit);
      return index === undefined ? state : take(state, index, choices);
    }
    case 'answer': {
      if (state.step !== 'confirm') return state;
      if (!action.yes) return enter(state, 'slot', choices);
      const submit: MoveCommand = {
        op: 'move',
        token: state.token,
        doctor: choices.doctorIds[state.doctor]!,
        ...(state.slot !== NEXT_AVAILABLE && { slot: state.slot }),
      };
      return { ...state, submit };
    }
    case 'back':
      return state.step === 'doctor' ? state : enter(state, state.step === 'confirm' ? 'slot' : 'doctor', choices);
    case 'day-changed': {
      if (state.step !== 'confirm') return state;
      const refusal = choices.refusal(state.doctor, state.slot);
      return refusal === null ? state : reduceMoveForm(state, { type: 'refused', ...refusal }, choices);
    }
    case 'refused': {
      // The day changed under the question (or the journal refused): the engine's word goes beside its field.
      const step: MoveStep = action.field === 'doctor' ? 'doctor' : 'slot';
      return enter({ ...state, submit: null, errors: { ...state.errors, [action.field]: action.error } }, step, choices);
    }
  }
}

/** The form field an engine refusal concerns (the command's own field names; anything else is about the token). */
export function moveFieldOf(field: string | undefined): MoveField {
  return field === 'doctor' || field === 'slot' ? field : 'token';
}
