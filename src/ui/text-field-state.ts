/**
 * One line of typed text and its cursor, as ink-text-input edits it: characters go in at the
 * cursor, Left/Right move it, Backspace and Delete remove the character before it. Pure.
 */
import type { KeyPress } from './key-burst.js';

export interface TextFieldState {
  value: string;
  /** In characters (code points) from the start. */
  cursor: number;
}

export const emptyText: TextFieldState = { value: '', cursor: 0 };

export function textOf(value: string): TextFieldState {
  return { value, cursor: [...value].length };
}

/** The field after one key, or null if the key is not an edit (Enter, Tab, arrows up/down, Esc). */
export function editText(state: TextFieldState, { input, key }: KeyPress): TextFieldState | null {
  if (key.upArrow || key.downArrow || key.tab || key.return || key.escape || key.ctrl || key.pageUp || key.pageDown) return null;
  const characters = [...state.value];
  if (key.leftArrow) return { ...state, cursor: Math.max(0, state.cursor - 1) };
  if (key.rightArrow) return { ...state, cursor: Math.min(characters.length, state.cursor + 1) };
  if (key.backspace || key.delete) {
    if (state.cursor === 0) return state;
    characters.splice(state.cursor - 1, 1);
    return { value: characters.join(''), cursor: state.cursor - 1 };
  }
  if (input === '') return null;
  const added = [...input];
  characters.splice(state.cursor, 0, ...added);
  return { value: characters.join(''), cursor: state.cursor + added.length };
}
