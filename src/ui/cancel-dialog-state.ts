/**
 * The cancel dialog as data: the search text, the highlighted match, and the token it asks
 * about. Pure; matches come from the caller (the engine's search over the day).
 */
import type { CancelCommand } from '../engine/index.js';
import type { ActiveMatch } from '../store/selectors.js';
import type { KeyPress } from './key-burst.js';
import { editText, emptyText, type TextFieldState } from './text-field-state.js';

export interface CancelDialogState {
  query: TextFieldState;
  /** Highlighted match. */
  at: number;
  /** The match the dialog asks about (y cancels it), or null while searching. */
  confirming: ActiveMatch | null;
  /** A cancellation the receptionist confirmed, for the shell to send. */
  submit: CancelCommand | null;
  /** Why the question closed by itself, shown under the search. */
  notice: string | null;
}

export type CancelDialogAction =
  | { type: 'edit'; press: KeyPress }
  | { type: 'highlight'; delta: 1 | -1 }
  | { type: 'enter' }
  | { type: 'answer'; yes: boolean }
  /** The day changed (here or at another desk): a question about a token no longer active closes. */
  | { type: 'day-changed' };

export const initialCancelDialog: CancelDialogState = { query: emptyText, at: 0, confirming: null, submit: null, notice: null };

/** The dialog with the highlight on `token` (the selected patient) when the list shows it. */
export function cancelDialogOn(token: string | undefined, matches: (query: string) => readonly ActiveMatch[]): CancelDialogState {
  const at = token === undefined ? -1 : matches('').findIndex((match) => match.token === token);
  return { ...initialCancelDialog, at: Math.max(0, at) };
}

/** `matches(query)`: active tokens the text finds, in order. */
export function reduceCancelDialog(
  state: CancelDialogState,
  action: CancelDialogAction,
  matches: (query: string) => readonly ActiveMatch[],
): CancelDialogState {
  switch (action.type) {
    case 'edit': {
      if (state.confirming) return state;
      const query = editText(state.query, action.press);
      return query ? { ...state, query, at: 0, notice: null } : state;
    }
    case 'highlight': {
      if (state.confirming) return state;
      const count = matches(state.query.value).length;
      return { ...state, at: Math.max(0, Math.min(count - 1, state.at + action.delta)) };
    }
    case 'enter': {
      if (state.confirming) return state;
      const found = matches(state.query.value);
      const pick = found[Math.min(state.at, found.length - 1)];
      return pick ? { ...state, confirming: pick } : state;
    }
    case 'day-changed': {
      const asked = state.confirming;
      if (!asked || matches(asked.token).some((match) => match.token === asked.token)) return state;
      return {
        ...state,
        confirming: null,
        notice: `${asked.token} ${asked.patient} is no longer booked or waiting (changed at another desk): nothing was cancelled.`,
      };
    }
    case 'answer':
      if (!state.confirming) return state;
      return action.yes ? { ...state, submit: { op: 'cancel', token: state.confirming.token } } : { ...state, confirming: null };
  }
}
