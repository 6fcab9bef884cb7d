import { describe, expect, it } from 'vitest';
import { choiceListAt, moveChoice, pickByDigit } from '../../src/ui/choice-list-state.js';
import { keysOf } from '../../src/ui/key-burst.js';
import { editText, emptyText, textOf } from '../../src/ui/text-field-state.js';

describe('keys that arrive together', () => {
  it('passes a single key through as it came', () => {
    expect(keysOf('', { upArrow: true })).toEqual([{ input: '', key: { upArrow: true } }]);
    expect(keysOf('a', {})).toEqual([{ input: 'a', key: {} }]);
  });

  it('splits a burst of text and Enter into its keys, in order', () => {
    expect(keysOf('Ab\r', {})).toEqual([
      { input: 'A', key: { shift: true } },
      { input: 'b', key: {} },
      { input: '', key: { return: true } },
    ]);
  });

  it('reads Backspace, Tab and Ctrl+C inside a burst as those keys', () => {
    expect(keysOf('a\u007F\t\u0003', {}).map((press) => press.key)).toEqual([{}, { backspace: true }, { tab: true }, { ctrl: true }]);
  });

  it('takes a pasted CRLF as one Enter and drops other control characters', () => {
    expect(keysOf('x\r\ny\u0007', {}).map((press) => press.input || 'enter')).toEqual(['x', 'enter', 'y']);
  });

  it('keeps a character outside the Basic Multilingual Plane whole', () => {
    expect(keysOf('🙏a', {}).map((press) => press.input)).toEqual(['🙏', 'a']);
  });
});

describe('a text field', () => {
  it('inserts at the cursor and moves it past the text', () => {
    expect(editText(textOf('Aa'), { input: 'x', key: {} })).toEqual({ value: 'Aax', cursor: 3 });
    expect(editText({ value: 'Aa', cursor: 1 }, { input: 'x', key: {} })).toEqual({ value: 'Axa', cursor: 2 });
  });

  it('moves the cursor with Left and Right, within the text', () => {
    expect(editText(textOf('ab'), { input: '', key: { leftArrow: true } })).toEqual({ value: 'ab', cursor: 1 });
    expect(editText(textOf('ab'), { input: '', key: { rightArrow: true } })).toEqual({ value: 'ab', cursor: 2 });
    expect(editText(emptyText, { input: '', key: { leftArrow: true } })).toEqual(emptyText);
  });

  it('deletes the character before the cursor with Backspace or Delete, nothing at the start', () => {
    expect(editText(textOf('abc'), { input: '', key: { backspace: true } })).toEqual({ value: 'ab', cursor: 2 });
    expect(editText({ value: 'abc', cursor: 1 }, { input: '', key: { delete: true } })).toEqual({ value: 'bc', cursor: 0 });
    expect(editText({ value: 'abc', cursor: 0 }, { input: '', key: { backspace: true } })).toEqual({ value: 'abc', cursor: 0 });
  });

  it('leaves Enter, Tab, Up, Down, Esc and Ctrl keys to the form', () => {
    for (const key of [{ return: true }, { tab: true }, { upArrow: true }, { downArrow: true }, { escape: true }, { ctrl: true }]) {
      expect(editText(textOf('a'), { input: '', key })).toBeNull();
    }
  });
});

describe('a choice list', () => {
  it('starts with the highlight in view', () => {
    expect(choiceListAt(5, 8, 3)).toEqual({ at: 5, top: 3 });
    expect(choiceListAt(1, 8, 3)).toEqual({ at: 1, top: 0 });
  });

  it('wraps around at both ends and scrolls to keep the highlight in view', () => {
    expect(moveChoice({ at: 0, top: 0 }, -1, 5, 3)).toEqual({ at: 4, top: 2 });
    expect(moveChoice({ at: 4, top: 2 }, 1, 5, 3)).toEqual({ at: 0, top: 0 });
    expect(moveChoice({ at: 2, top: 0 }, 1, 5, 3)).toEqual({ at: 3, top: 1 });
  });

  it('picks the n-th row in view with a digit, nothing past the end', () => {
    expect(pickByDigit({ at: 3, top: 2 }, 1, 5, 3)).toBe(2);
    expect(pickByDigit({ at: 0, top: 0 }, 4, 5, 3)).toBeUndefined();
    expect(pickByDigit({ at: 0, top: 0 }, 3, 2, 3)).toBeUndefined();
  });
});
