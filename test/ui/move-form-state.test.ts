import { describe, expect, it } from 'vitest';
import { NEXT_AVAILABLE } from '../../src/ui/booking-form-state.js';
import {
  initialMoveForm,
  moveFieldOf,
  reduceMoveForm,
  startSlot,
  type MoveAction,
  type MoveChoices,
  type MoveFormState,
} from '../../src/ui/move-form-state.js';

/**
 * Sharma (0): the patient's own 09:00 slot is refused, 10:00 and "Next available" would move.
 * Reddy (1): the patient is already active there (a refusal about the doctor).
 * Kapoor (2): only 10:00 would move; "Next available" lands on the patient's own slot.
 */
const refusals: Record<string, { error: string; field: 'token' | 'doctor' | 'slot' }> = {
  '0 09:00-10:00': { error: 'SHR-001 already has slot 09:00-10:00 with Dr. Sharma', field: 'slot' },
  [`1 ${NEXT_AVAILABLE}`]: { error: 'Asha already has active token RED-001 with Dr. Reddy', field: 'doctor' },
  '1 09:00-10:00': { error: 'Asha already has active token RED-001 with Dr. Reddy', field: 'doctor' },
  [`2 ${NEXT_AVAILABLE}`]: { error: 'every slot of Dr. Kapoor has ended', field: 'slot' },
};
let refuseAll: { error: string; field: 'token' | 'doctor' | 'slot' } | null = null;
const choices: MoveChoices = {
  doctorIds: ['sharma', 'reddy', 'kapoor'],
  slotValues: (doctor) => (doctor === 1 ? [NEXT_AVAILABLE, '09:00-10:00'] : [NEXT_AVAILABLE, '09:00-10:00', '10:00-11:00']),
  refusal: (doctor, slot) => refuseAll ?? refusals[`${doctor} ${slot}`] ?? null,
  listLimit: 5,
};

const run = (state: MoveFormState, ...actions: MoveAction[]) => actions.reduce((s, a) => reduceMoveForm(s, a, choices), state);
const enter: MoveAction = { type: 'enter' };
const down: MoveAction = { type: 'highlight', delta: 1 };
const up: MoveAction = { type: 'highlight', delta: -1 };
const yes: MoveAction = { type: 'answer', yes: true };
const no: MoveAction = { type: 'answer', yes: false };
const start = () => initialMoveForm('SHR-001', 0, choices);

describe('the move form reducer', () => {
  it('starts on the doctor list at the token’s doctor, the slot on the first row the engine accepts', () => {
    expect(start()).toMatchObject({ token: 'SHR-001', step: 'doctor', doctor: 0, slot: NEXT_AVAILABLE, list: { at: 0 }, errors: {}, submit: null });
    expect(startSlot(2, choices)).toBe('09:00-10:00');
    expect(startSlot(1, choices)).toBe(NEXT_AVAILABLE);
  });

  it('moving through the doctors changes the doctor at once and restarts the slot for it', () => {
    const state = run(start(), down, down);
    expect(state).toMatchObject({ step: 'doctor', doctor: 2, slot: '09:00-10:00', list: { at: 2 } });
    expect(run(state, down)).toMatchObject({ doctor: 0, slot: NEXT_AVAILABLE });
  });

  it('Enter on a doctor goes to its slot list, highlighting the slot', () => {
    expect(run(start(), down, down, enter)).toMatchObject({ step: 'slot', doctor: 2, slot: '09:00-10:00', list: { at: 1 } });
  });

  it('the digit keys take the n-th row shown', () => {
    expect(run(start(), { type: 'digit', digit: 3 })).toMatchObject({ step: 'slot', doctor: 2 });
    expect(run(start(), enter, { type: 'digit', digit: 3 })).toMatchObject({ step: 'confirm', slot: '10:00-11:00' });
    expect(run(start(), { type: 'digit', digit: 9 })).toEqual(start());
  });

  it('moving through the slots follows the highlight', () => {
    expect(run(start(), enter, down, down)).toMatchObject({ step: 'slot', slot: '10:00-11:00', list: { at: 2 } });
    expect(run(start(), enter, up)).toMatchObject({ slot: '10:00-11:00' });
  });

  it('Enter on a slot the engine accepts asks; y makes the move, with the slot named', () => {
    const asked = run(start(), enter, down, down, enter);
    expect(asked).toMatchObject({ step: 'confirm', slot: '10:00-11:00', submit: null });
    expect(run(asked, yes).submit).toEqual({ op: 'move', token: 'SHR-001', doctor: 'sharma', slot: '10:00-11:00' });
  });

  it('"Next available" sends no slot: the engine picks it by rule 7', () => {
    expect(run(start(), enter, enter, yes).submit).toEqual({ op: 'move', token: 'SHR-001', doctor: 'sharma' });
  });

  it('n at the question goes back to the slot list, nothing sent', () => {
    expect(run(start(), enter, enter, no)).toMatchObject({ step: 'slot', submit: null });
  });

  it('y and n mean nothing outside the question', () => {
    expect(run(start(), yes)).toEqual(start());
    expect(run(start(), enter, no).step).toBe('slot');
  });

  it('a slot the engine refuses keeps the form on the slot, its reason beside it', () => {
    expect(run(start(), enter, down, enter)).toMatchObject({
      step: 'slot',
      slot: '09:00-10:00',
      errors: { slot: 'SHR-001 already has slot 09:00-10:00 with Dr. Sharma' },
      submit: null,
    });
  });

  it('a refusal about the doctor goes back to the doctor, its reason beside it; a new doctor clears it', () => {
    const refused = run(start(), down, enter, enter);
    expect(refused).toMatchObject({ step: 'doctor', doctor: 1, errors: { doctor: 'Asha already has active token RED-001 with Dr. Reddy' } });
    expect(run(refused, down).errors).toEqual({});
  });

  it('moving to another slot clears the slot’s error', () => {
    const refused = run(start(), enter, down, enter);
    expect(run(refused, down).errors).toEqual({});
  });

  it('Tab and Shift+Tab move between doctor and slot, not into the question', () => {
    expect(run(start(), { type: 'field', delta: 1 }).step).toBe('slot');
    expect(run(start(), { type: 'field', delta: 1 }, { type: 'field', delta: -1 }).step).toBe('doctor');
    expect(run(start(), { type: 'field', delta: 1 }, { type: 'field', delta: 1 }).step).toBe('slot');
    expect(run(start(), { type: 'field', delta: -1 }).step).toBe('doctor');
    expect(run(start(), enter, enter, { type: 'field', delta: 1 }).step).toBe('confirm');
  });

  it('Esc goes back a step: question to slot, slot to doctor; on the doctor the shell closes the form', () => {
    const asked = run(start(), enter, enter);
    expect(run(asked, { type: 'back' }).step).toBe('slot');
    expect(run(asked, { type: 'back' }, { type: 'back' }).step).toBe('doctor');
    expect(run(start(), { type: 'back' })).toEqual(start());
  });

  it('a refusal after sending keeps the choices and puts the engine’s word beside its field', () => {
    const sent = run(start(), enter, enter, yes);
    expect(run(sent, { type: 'refused', error: 'SHR-001 is in consultation: it cannot be moved', field: 'token' })).toMatchObject({
      step: 'slot',
      submit: null,
      doctor: 0,
      errors: { token: 'SHR-001 is in consultation: it cannot be moved' },
    });
    expect(run(sent, { type: 'refused', error: 'x', field: 'doctor' }).step).toBe('doctor');
  });

  it('a question the day has overtaken goes back, saying why; one still good stays', () => {
    const asked = run(start(), enter, enter);
    expect(run(asked, { type: 'day-changed' })).toEqual(asked);
    refuseAll = { error: 'SHR-001 is COMPLETED: only a BOOKED or WAITLISTED token can be moved', field: 'token' };
    try {
      expect(run(asked, { type: 'day-changed' })).toMatchObject({ step: 'slot', errors: { token: refuseAll.error } });
      expect(run(start(), { type: 'day-changed' })).toEqual(start());
    } finally {
      refuseAll = null;
    }
  });

  it('an engine field becomes the form’s field; anything else is about the token', () => {
    expect([moveFieldOf('doctor'), moveFieldOf('slot'), moveFieldOf('token'), moveFieldOf(undefined), moveFieldOf('expect')]).toEqual([
      'doctor',
      'slot',
      'token',
      'token',
      'token',
    ]);
  });
});
