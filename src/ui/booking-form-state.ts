/**
 * The booking form as data: which step it is on, what was typed, what was chosen, the errors
 * beside the fields, and a booking ready to send. `reduceBookingForm` is pure; the input hook
 * (./use-booking-form-input.ts) turns keys into actions and sends the booking, the view
 * (./BookingForm.tsx) only draws.
 */
import { SOURCES, type BookCommand, type BookingChange, type ShownPlacement, type Source } from '../engine/index.js';
import { fieldError, type TextField } from '../schema/booking-form.js';
import { choiceListAt, moveChoice, pickByDigit, type ChoiceListState } from './choice-list-state.js';
import type { KeyPress } from './key-burst.js';
import { editText, emptyText, type TextFieldState } from './text-field-state.js';

export const STEPS = ['name', 'phone', 'doctor', 'source', 'slot'] as const;
export type Step = (typeof STEPS)[number];
export const NEXT_AVAILABLE = 'next';

export interface BookingFormState {
  step: Step;
  name: TextFieldState;
  phone: TextFieldState;
  /** Index of the chosen doctor in the day. */
  doctor: number;
  source: Source;
  /** A slot label, or NEXT_AVAILABLE. */
  slot: string;
  /** The slot the desk's cursor was on (or NEXT_AVAILABLE): where the slot list starts until one is picked. */
  preferred: string;
  /** The receptionist has moved in the slot list: their choice stands. */
  slotPicked: boolean;
  /** The highlighted row of the list the step shows (doctor, source or slot). */
  list: ChoiceListState;
  errors: Partial<Record<Step, string>>;
  /** A booking every field agrees with, for the shell to send; null until then. */
  submit: BookCommand | null;
  /** What the desk showed for `submit` when it was chosen from a question below (else the shell reads the preview). */
  shownAs: ShownPlacement | null;
  /** The day changed under the booking (another desk): what it is now, and the choices; nothing was sent. */
  conflict: BookingChange | null;
}

/** What the form may choose from: the day's doctors and, per doctor and source, the slot list. */
export interface BookingChoices {
  doctorIds: readonly string[];
  /** NEXT_AVAILABLE, then the labels of the doctor's open slots. */
  slotValues(doctor: number, source: Source): readonly string[];
  /** Rows a list shows at once. */
  listLimit: number;
  /** Where the slot list starts for this doctor and source, given the preferred slot. */
  startSlot(doctor: number, source: Source, preferred: string): string;
  /** Rule 9 before anything is sent: why this patient cannot book with this doctor (they hold a token already), or null. */
  duplicate?(doctor: number, name: string, phone: string): string | null;
}

export type BookingAction =
  | { type: 'edit'; press: KeyPress }
  | { type: 'enter' }
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'highlight'; delta: 1 | -1 }
  | { type: 'digit'; digit: number }
  /** A source's letter in the source list (e, p, f, o, w). */
  | { type: 'source'; source: Source }
  | { type: 'refused'; error: string; field: Step }
  /** The booking no longer does what the form showed: ask. */
  | { type: 'changed'; change: BookingChange }
  /** One of the choices the question offers (from 0). */
  | { type: 'option'; index: number }
  /** Back from the question to the slot list, nothing booked. */
  | { type: 'dismiss' };

export function isTextStep(step: Step): step is TextField {
  return step === 'name' || step === 'phone';
}

export function initialBookingForm(doctor: number, slot: string, preferred = slot): BookingFormState {
  return {
    step: 'name',
    name: emptyText,
    phone: emptyText,
    doctor,
    source: 'WALK_IN',
    slot,
    preferred,
    slotPicked: false,
    list: { at: 0, top: 0 },
    errors: {},
    submit: null,
    shownAs: null,
    conflict: null,
  };
}

function listValues(state: BookingFormState, choices: BookingChoices): readonly unknown[] {
  if (state.step === 'doctor') return choices.doctorIds;
  if (state.step === 'source') return SOURCES;
  if (state.step === 'slot') return choices.slotValues(state.doctor, state.source);
  return [];
}

/** Enters a step; a list step highlights the current choice. */
function enterStep(state: BookingFormState, step: Step, choices: BookingChoices): BookingFormState {
  const slot = step === 'slot' && !state.slotPicked ? choices.startSlot(state.doctor, state.source, state.preferred) : state.slot;
  const next = { ...state, step, slot };
  const values = listValues(next, choices);
  const current = step === 'doctor' ? state.doctor : step === 'source' ? SOURCES.indexOf(state.source) : step === 'slot' ? values.indexOf(slot) : 0;
  return { ...next, list: choiceListAt(Math.max(0, current), values.length, choices.listLimit) };
}

function withError(state: BookingFormState, field: Step, error: string | null): BookingFormState {
  const errors = { ...state.errors };
  if (error === null) delete errors[field];
  else errors[field] = error;
  return { ...state, errors };
}

function validate(state: BookingFormState, field: TextField): BookingFormState {
  return withError(state, field, fieldError(field, state[field].value));
}

/** The duplicate-patient check for the form's doctor: said beside `field`, or cleared there. */
function checkDuplicate(state: BookingFormState, field: 'phone' | 'doctor', choices: BookingChoices): BookingFormState {
  const why = choices.duplicate?.(state.doctor, state.name.value.trim(), state.phone.value.trim()) ?? null;
  return withError(state, field, why);
}

function move(state: BookingFormState, delta: 1 | -1, choices: BookingChoices): BookingFormState {
  let next = state;
  if (delta === 1 && isTextStep(state.step)) {
    next = validate(state, state.step);
    if (next.errors[state.step] !== undefined) return next;
    // Leaving the phone: if the patient already holds a token with this doctor, say so now; the
    // form moves on, so another doctor can be picked.
    if (state.step === 'phone') next = checkDuplicate(next, 'phone', choices);
  }
  if (delta === 1 && state.step === 'doctor') {
    next = checkDuplicate(next, 'doctor', choices);
    if (next.errors.doctor !== undefined) return next;
  }
  const at = STEPS.indexOf(state.step) + delta;
  return at >= 0 && at < STEPS.length ? enterStep(next, STEPS[at]!, choices) : next;
}

/** Takes list item `index` of the current list step. */
function choose(state: BookingFormState, index: number, choices: BookingChoices): BookingFormState {
  if (state.step === 'doctor') {
    const checked = checkDuplicate({ ...state, doctor: index }, 'doctor', choices);
    if (checked.errors.doctor !== undefined) return checked;
    return enterStep(withError(checked, 'phone', null), 'source', choices);
  }
  if (state.step === 'source') return enterStep({ ...state, source: SOURCES[index] ?? state.source }, 'slot', choices);
  if (state.step !== 'slot') return state;
  const slot = choices.slotValues(state.doctor, state.source)[index];
  if (slot === undefined) return state;
  let next = validate(validate({ ...state, slot }, 'name'), 'phone');
  const nameOk = next.errors.name === undefined;
  if (!nameOk || next.errors.phone !== undefined) return { ...next, step: nameOk ? 'phone' : 'name' };
  const phone = next.phone.value.trim();
  next = {
    ...next,
    shownAs: null,
    submit: {
      op: 'book',
      doctor: choices.doctorIds[state.doctor]!,
      patient: next.name.value.trim(),
      source: state.source,
      ...(slot !== NEXT_AVAILABLE && { slot }),
      ...(phone !== '' && { phone }),
    },
  };
  return next;
}

/** The question about a changed slot: a choice books it, anything else goes back to the slot list. */
function reduceConflict(state: BookingFormState, conflict: BookingChange, action: BookingAction, choices: BookingChoices): BookingFormState {
  if (action.type === 'option') {
    const option = conflict.options[action.index];
    return option ? { ...state, conflict: null, submit: option.command, shownAs: option.shown } : state;
  }
  if (action.type === 'dismiss') return enterStep({ ...state, conflict: null }, 'slot', choices);
  return state;
}

export function reduceBookingForm(state: BookingFormState, action: BookingAction, choices: BookingChoices): BookingFormState {
  if (state.conflict) return reduceConflict(state, state.conflict, action, choices);
  const length = listValues(state, choices).length;
  switch (action.type) {
    case 'edit': {
      if (!isTextStep(state.step)) return state;
      const edited = editText(state[state.step], action.press);
      return edited ? { ...state, [state.step]: edited } : state;
    }
    case 'enter':
      return isTextStep(state.step) ? move(state, 1, choices) : choose(state, state.list.at, choices);
    case 'move':
      return move(state, action.delta, choices);
    case 'highlight': {
      if (isTextStep(state.step)) return state;
      const list = moveChoice(state.list, action.delta, length, choices.listLimit);
      const slot = state.step === 'slot' ? (choices.slotValues(state.doctor, state.source)[list.at] ?? state.slot) : state.slot;
      // Moving through the source list changes the source at once, so the slot's preview follows.
      const source = state.step === 'source' ? (SOURCES[list.at] ?? state.source) : state.source;
      return { ...state, list, slot, source, slotPicked: state.slotPicked || state.step === 'slot' };
    }
    case 'digit': {
      if (isTextStep(state.step)) return state;
      const index = pickByDigit(state.list, action.digit, length, choices.listLimit);
      return index === undefined ? state : choose(state, index, choices);
    }
    case 'source':
      return state.step === 'source' ? choose(state, SOURCES.indexOf(action.source), choices) : state;
    case 'refused':
      // Keep everything typed; put the engine's word next to the field it is about.
      return enterStep(withError({ ...state, submit: null }, action.field, action.error), action.field, choices);
    case 'changed':
      return { ...state, submit: null, shownAs: null, conflict: action.change };
    case 'option':
    case 'dismiss':
      return state;
  }
}

/**
 * The form field an engine refusal is about: the engine names the command field it concerns
 * (`Outcome.field`); the form's name step is the command's `patient`. A refusal that names no
 * field (a journal that could not be written) stays on the name.
 */
export function fieldOfRefusal(field: string | undefined): Step {
  if (field === 'patient') return 'name';
  return field !== undefined && (STEPS as readonly string[]).includes(field) ? (field as Step) : 'name';
}
