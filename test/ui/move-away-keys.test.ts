/** Which action each key asks for in the move form and the doctor-away dialog. */
import { describe, expect, it } from 'vitest';
import { NEXT_AVAILABLE } from '../../src/ui/booking-form-state.js';
import { initialAwayDialog, type AwayDialogState } from '../../src/ui/away-dialog-state.js';
import type { KeyPress } from '../../src/ui/key-burst.js';
import type { MoveFormState } from '../../src/ui/move-form-state.js';
import { awayActionOf } from '../../src/ui/use-away-dialog-input.js';
import { moveActionOf } from '../../src/ui/use-move-form-input.js';

const press = (input: string, key: KeyPress['key'] = {}): KeyPress => ({ input, key });
const moveForm = (step: MoveFormState['step']): MoveFormState => ({
  token: 'SHR-001',
  step,
  doctor: 0,
  slot: NEXT_AVAILABLE,
  list: { at: 0, top: 0 },
  errors: {},
  submit: null,
});
const away = (step: AwayDialogState['step']): AwayDialogState => ({
  ...initialAwayDialog(0, { doctorIds: ['sharma'], listLimit: 5, refusal: () => null }),
  step,
});

describe('the move form’s keys', () => {
  it('Enter, Tab, arrows, j k and digits work the lists', () => {
    expect(moveActionOf(press('', { return: true }), moveForm('doctor'))).toEqual({ type: 'enter' });
    expect(moveActionOf(press('', { tab: true, shift: true }), moveForm('slot'))).toEqual({ type: 'field', delta: -1 });
    expect(moveActionOf(press('', { downArrow: true }), moveForm('slot'))).toEqual({ type: 'highlight', delta: 1 });
    expect(moveActionOf(press('k'), moveForm('slot'))).toEqual({ type: 'highlight', delta: -1 });
    expect(moveActionOf(press('3'), moveForm('slot'))).toEqual({ type: 'digit', digit: 3 });
  });

  it('y and n answer only the question', () => {
    expect(moveActionOf(press('y'), moveForm('confirm'))).toEqual({ type: 'answer', yes: true });
    expect(moveActionOf(press('N'), moveForm('confirm'))).toEqual({ type: 'answer', yes: false });
    expect(moveActionOf(press('y'), moveForm('slot'))).toBeNull();
  });

  it('Esc backs out from the doctor list, otherwise goes back a step; Ctrl+C and other keys do nothing here', () => {
    expect(moveActionOf(press('', { escape: true }), moveForm('doctor'))).toBe('close');
    expect(moveActionOf(press('', { escape: true }), moveForm('confirm'))).toEqual({ type: 'back' });
    expect(moveActionOf(press('c', { ctrl: true }), moveForm('slot'))).toBeNull();
    expect(moveActionOf(press('z'), moveForm('slot'))).toBeNull();
  });
});

describe('the doctor-away dialog’s keys', () => {
  it('in a time every printable key is text, y and n included', () => {
    expect(awayActionOf(press('y'), away('from'))).toEqual({ type: 'edit', press: press('y') });
    expect(awayActionOf(press('1'), away('to'))).toEqual({ type: 'edit', press: press('1') });
    expect(awayActionOf(press('', { backspace: true }), away('to'))).toEqual({ type: 'edit', press: press('', { backspace: true }) });
  });

  it('y and n answer the preview; nothing elsewhere', () => {
    expect(awayActionOf(press('y'), away('preview'))).toEqual({ type: 'answer', yes: true });
    expect(awayActionOf(press('n'), away('preview'))).toEqual({ type: 'answer', yes: false });
    expect(awayActionOf(press('y'), away('doctor'))).toBeNull();
  });

  it('Enter and Esc close once done; Esc on the doctor backs out; otherwise back a step', () => {
    expect(awayActionOf(press('', { return: true }), away('result'))).toBe('close');
    expect(awayActionOf(press('', { escape: true }), away('result'))).toBe('close');
    expect(awayActionOf(press('', { escape: true }), away('doctor'))).toBe('close');
    expect(awayActionOf(press('', { escape: true }), away('to'))).toEqual({ type: 'back' });
    expect(awayActionOf(press('', { upArrow: true }), away('doctor'))).toEqual({ type: 'highlight', delta: -1 });
    expect(awayActionOf(press('', { tab: true }), away('from'))).toEqual({ type: 'field', delta: 1 });
  });
});
