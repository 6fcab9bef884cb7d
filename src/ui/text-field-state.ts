/**
 * One line of typed text and its cursor, as ink-text-input edits it: characters go in at the
 * cursor, Left/Right move it, Backspace and Delete remove the character before it. A character
 * is a grapheme cluster, what the terminal draws as one (`🙏🏽`, `क्षि`, a flag): the cursor never
 * stands inside one and Backspace takes it whole. Pure.
 */
import type { KeyPress } from './key-burst.js';

export interface TextFieldState {
  value: string;
  /** In grapheme clusters from the start. */
  cursor: number;
}

export const emptyText: TextFieldState = { value: '', cursor: 0 };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text's grapheme clusters. */
export function clustersOf(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function textOf(value: string): TextFieldState {
  return { value, cursor: clustersOf(value).length };
}

/** The field after one key, or null if the key is not an edit (Enter, Tab, arrows up/down, Esc). */
export function editText(state: TextFieldState, { input, key }: KeyPress): TextFieldState | null {
  if (key.upArrow || key.downArrow || key.tab || key.return || key.escape || key.ctrl || key.pageUp || key.pageDown) return null;
  const characters = clustersOf(state.value);
  if (key.leftArrow) return { ...state, cursor: Math.max(0, state.cursor - 1) };
  if (key.rightArrow) return { ...state, cursor: Math.min(characters.length, state.cursor + 1) };
  if (key.backspace || key.delete) {
    if (state.cursor === 0) return state;
    characters.splice(state.cursor - 1, 1);
    return { value: characters.join(''), cursor: state.cursor - 1 };
  }
  if (input === '') return null;
  // A modifier or a combining mark typed after a character joins it: count the clusters again.
  const before = characters.slice(0, state.cursor).join('') + input;
  return { value: before + characters.slice(state.cursor).join(''), cursor: clustersOf(before).length };
}
