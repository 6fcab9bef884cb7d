/**
 * Keys that arrive together. Ink hands a run of plain characters to an input handler as one
 * string ("Asha\r" from a paste, a scanner or a slow link), while escape sequences (arrows,
 * Esc) come one by one. `keysOf` splits such a run into the keys it holds, in order, so every
 * text field and list handles a burst exactly as the same keys typed one at a time. Control
 * characters other than Enter, Tab, Backspace and Ctrl+C never come out as text.
 */
import type { Key } from 'ink';

export interface KeyPress {
  input: string;
  key: Partial<Key>;
}

const ENTER = /^[\r\n]$/;

/** A C0 or C1 control character (or DEL): never text. */
function isControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

function keyOfCharacter(character: string): KeyPress | null {
  if (ENTER.test(character)) return { input: '', key: { return: true } };
  if (character === '\t') return { input: '', key: { tab: true } };
  if (character === '\u007F' || character === '\b') return { input: '', key: { backspace: true } };
  if (character === '\u0003') return { input: 'c', key: { ctrl: true } };
  if (isControl(character)) return null;
  return { input: character, key: /^[A-Z]$/.test(character) ? { shift: true } : {} };
}

/** The keys one input event holds, in order. */
export function keysOf(input: string, key: Partial<Key>): KeyPress[] {
  const characters = [...input];
  const special = Object.entries(key).some(([name, on]) => on === true && name !== 'shift' && name !== 'meta');
  if (special || characters.length <= 1) {
    if (!special && characters.length === 1) {
      const only = keyOfCharacter(characters[0]!);
      return only ? [only] : [];
    }
    // Ink passes Enter, Tab and Backspace on with their control character as input: not text.
    return [{ input: input !== '' && [...input].every(isControl) ? '' : input, key }];
  }
  // "\r\n" from a paste is one line break, not two Enters.
  const text = input.replace(/\r\n/g, '\r');
  return [...text].map(keyOfCharacter).filter((press): press is KeyPress => press !== null);
}
