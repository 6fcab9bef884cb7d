/**
 * The doctor-away dialog as data (SPEC §5 `absent`): the doctor, the from and to times typed,
 * then the engine's preview of who would be rebooked where and a question, then the result. An
 * empty time is the engine's default (from: now, to: the day's end). Every check is the
 * engine's (previewAbsence), handed in through `AwayChoices`; `reduceAwayDialog` is pure. Keys:
 * ./use-away-dialog-input.ts; view: ./AwayDialog.tsx.
 */
import type { AbsentCommand, Result } from '../engine/index.js';
import { choiceListAt, moveChoice, type ChoiceListState } from './choice-list-state.js';
import type { KeyPress } from './key-burst.js';
import { editText, emptyText, type TextFieldState } from './text-field-state.js';

export const AWAY_FIELDS = ['doctor', 'from', 'to'] as const;
export type AwayField = (typeof AWAY_FIELDS)[number];
/** The fields, then the preview with its question, then what was done. */
export type AwayStep = AwayField | 'preview' | 'result';

export interface AwayDialogState {
  step: AwayStep;
  /** Index of the doctor in the day. */
  doctor: number;
  from: TextFieldState;
  to: TextFieldState;
  /** The doctor list's highlight. */
  list: ChoiceListState;
  errors: Partial<Record<AwayField, string>>;
  /** An absence the receptionist said yes to, for the shell to send; null until then. */
  submit: AbsentCommand | null;
  /** What the absence did, shown until the dialog closes. */
  result: Result | null;
}

export interface AwayChoices {
  doctorIds: readonly string[];
  listLimit: number;
  /** The engine's refusal of this absence, with the field it concerns, or null if it would be done. */
  refusal(command: AbsentCommand): { error: string; field: AwayField } | null;
}

export type AwayAction =
  | { type: 'edit'; press: KeyPress }
  | { type: 'enter' }
  | { type: 'field'; delta: 1 | -1 }
  | { type: 'highlight'; delta: 1 | -1 }
  | { type: 'answer'; yes: boolean }
  /** Esc: back one step (the shell closes the dialog from the doctor list and from the result). */
  | { type: 'back' }
  | { type: 'refused'; error: string; field: AwayField }
  | { type: 'sent'; result: Result }
  /** The day changed (here or at another desk): a preview the engine would now refuse goes back, saying why. */
  | { type: 'day-changed' };

export function isTimeStep(step: AwayStep): step is 'from' | 'to' {
  return step === 'from' || step === 'to';
}

export function initialAwayDialog(doctor: number, choices: AwayChoices): AwayDialogState {
  return {
    step: 'doctor',
    doctor,
    from: emptyText,
    to: emptyText,
    list: choiceListAt(doctor, choices.doctorIds.length, choices.listLimit),
    errors: {},
    submit: null,
    result: null,
  };
}

/** The command the dialog stands for: empty times are left to the engine's defaults. */
export function absentCommandOf(state: AwayDialogState, choices: AwayChoices): AbsentCommand {
  const from = state.from.value.trim();
  const to = state.to.value.trim();
  return { op: 'absent', doctor: choices.doctorIds[state.doctor] ?? '', ...(from !== '' && { from }), ...(to !== '' && { to }) };
}

function withErrors(state: AwayDialogState, errors: AwayDialogState['errors']): AwayDialogState {
  return { ...state, errors };
}

function without(state: AwayDialogState, field: AwayField): AwayDialogState {
  if (state.errors[field] === undefined) return state;
  const errors = { ...state.errors };
  delete errors[field];
  return withErrors(state, errors);
}

/** Leaves a field forward: the engine's word on the field being left stops it there; from "to", the preview. */
function forward(state: AwayDialogState, choices: AwayChoices): AwayDialogState {
  if (!isTimeStep(state.step) && state.step !== 'doctor') return state;
  const refusal = choices.refusal(absentCommandOf(state, choices));
  const left = AWAY_FIELDS.indexOf(state.step);
  if (refusal !== null && AWAY_FIELDS.indexOf(refusal.field) <= left) {
    return { ...withErrors(state, { ...state.errors, [refusal.field]: refusal.error }), step: refusal.field };
  }
  const cleared = AWAY_FIELDS.slice(0, left + 1).reduce(without, state);
  if (state.step !== 'to') return { ...cleared, step: AWAY_FIELDS[left + 1]! };
  if (refusal !== null) return { ...withErrors(cleared, { ...cleared.errors, [refusal.field]: refusal.error }), step: refusal.field };
  return { ...AWAY_FIELDS.reduce(without, cleared), step: 'preview' };
}

function backward(state: AwayDialogState): AwayDialogState {
  if (state.step === 'preview') return { ...state, step: 'to' };
  if (state.step === 'to') return { ...state, step: 'from' };
  if (state.step === 'from') return { ...state, step: 'doctor' };
  return state;
}

export function reduceAwayDialog(state: AwayDialogState, action: AwayAction, choices: AwayChoices): AwayDialogState {
  switch (action.type) {
    case 'edit': {
      if (!isTimeStep(state.step)) return state;
      const edited = editText(state[state.step], action.press);
      return edited ? without({ ...state, [state.step]: edited }, state.step) : state;
    }
    case 'enter':
      return forward(state, choices);
    case 'field':
      return action.delta === 1 ? (state.step === 'to' ? state : forward(state, choices)) : backward(state);
    case 'highlight': {
      if (isTimeStep(state.step)) return reduceAwayDialog(state, { type: 'field', delta: action.delta }, choices);
      if (state.step !== 'doctor') return state;
      const list = moveChoice(state.list, action.delta, choices.doctorIds.length, choices.listLimit);
      return without({ ...state, list, doctor: list.at }, 'doctor');
    }
    case 'answer':
      if (state.step !== 'preview') return state;
      return action.yes ? { ...state, submit: absentCommandOf(state, choices) } : { ...state, step: 'to' };
    case 'back':
      return backward(state);
    case 'refused':
      return { ...withErrors(state, { ...state.errors, [action.field]: action.error }), step: action.field, submit: null };
    case 'sent':
      return { ...state, step: 'result', submit: null, result: action.result };
    case 'day-changed': {
      if (state.step !== 'preview') return state;
      const refusal = choices.refusal(absentCommandOf(state, choices));
      return refusal === null ? state : reduceAwayDialog(state, { type: 'refused', ...refusal }, choices);
    }
  }
}

/** The dialog field an engine refusal concerns. */
export function awayFieldOf(field: string | undefined): AwayField {
  return field === 'from' || field === 'to' ? field : 'doctor';
}
