import { describe, expect, it } from 'vitest';
import { SOURCES, type Source } from '../../src/engine/index.js';
import {
  fieldOfRefusal,
  initialBookingForm,
  NEXT_AVAILABLE,
  reduceBookingForm,
  type BookingAction,
  type BookingChoices,
  type BookingFormState,
} from '../../src/ui/booking-form-state.js';
import { textOf } from '../../src/ui/text-field-state.js';

const choices: BookingChoices = {
  doctorIds: ['sharma', 'reddy'],
  slotValues: (doctor: number, source: Source) =>
    doctor === 0 ? [NEXT_AVAILABLE, '09:00-10:00', '10:00-11:00'] : source === 'EMERGENCY' ? [NEXT_AVAILABLE, '09:00-10:00'] : [NEXT_AVAILABLE],
  listLimit: 5,
  startSlot: (_doctor: number, source: Source, preferred: string) => (source === 'EMERGENCY' || preferred !== '09:00-10:00' ? preferred : NEXT_AVAILABLE),
};

const run = (state: BookingFormState, ...actions: BookingAction[]) => actions.reduce((s, a) => reduceBookingForm(s, a, choices), state);
const type = (text: string): BookingAction[] => [...text].map((input) => ({ type: 'edit', press: { input, key: {} } }));
const enter: BookingAction = { type: 'enter' };
const filled = (): BookingFormState => run(initialBookingForm(0, NEXT_AVAILABLE), ...type('Asha'), enter, ...type('98450'), enter);

describe('the booking form reducer', () => {
  it('starts on the name, walk-in, on the doctor and slot it was given', () => {
    expect(initialBookingForm(1, '10:00-11:00')).toMatchObject({
      step: 'name',
      doctor: 1,
      source: 'WALK_IN',
      slot: '10:00-11:00',
      preferred: '10:00-11:00',
      errors: {},
      submit: null,
    });
  });

  it('types into the field of the current step only', () => {
    const state = run(initialBookingForm(0, NEXT_AVAILABLE), ...type('Asha'));
    expect(state.name.value).toBe('Asha');
    expect(state.phone.value).toBe('');
  });

  it('Enter on a valid name moves to the phone; on an invalid one it stays, with the error', () => {
    expect(run(initialBookingForm(0, NEXT_AVAILABLE), ...type('Asha'), enter).step).toBe('phone');
    const refused = run(initialBookingForm(0, NEXT_AVAILABLE), enter);
    expect(refused).toMatchObject({ step: 'name', errors: { name: "enter the patient's name" } });
  });

  it('clears a field error once the field is valid', () => {
    const state = run(initialBookingForm(0, NEXT_AVAILABLE), enter, ...type('Asha'), enter);
    expect(state.errors).toEqual({});
    expect(state.step).toBe('phone');
  });

  it('moves back without checking, forward only past a valid field (Tab, Shift+Tab, Up, Down)', () => {
    const onPhone = run(initialBookingForm(0, NEXT_AVAILABLE), ...type('Asha'), enter, ...type('x'));
    expect(run(onPhone, { type: 'move', delta: -1 }).step).toBe('name');
    expect(run(onPhone, { type: 'move', delta: 1 })).toMatchObject({ step: 'phone', errors: { phone: 'digits only (spaces and dashes are fine)' } });
    expect(run(initialBookingForm(0, NEXT_AVAILABLE), { type: 'move', delta: -1 }).step).toBe('name');
  });

  it('entering the doctor list highlights the current doctor; Enter takes the highlighted one', () => {
    const onDoctor = run(initialBookingForm(1, NEXT_AVAILABLE), ...type('Asha'), enter, enter);
    expect(onDoctor).toMatchObject({ step: 'doctor', list: { at: 1 } });
    const next = run(onDoctor, { type: 'highlight', delta: 1 }, enter);
    expect(next).toMatchObject({ step: 'source', doctor: 0, list: { at: SOURCES.indexOf('WALK_IN') } });
  });

  it('a digit picks the n-th row in view and moves on', () => {
    const onSource = run(filled(), enter);
    expect(run(onSource, { type: 'digit', digit: 1 })).toMatchObject({ step: 'slot', source: 'EMERGENCY' });
    expect(run(onSource, { type: 'digit', digit: 9 })).toEqual(onSource);
  });

  it('the slot list starts on the preferred slot unless it is full for this patient, then on Next available', () => {
    const typed = [...type('Asha'), enter, enter, enter] as BookingAction[];
    expect(run(initialBookingForm(0, '10:00-11:00'), ...typed, enter).slot).toBe('10:00-11:00');
    expect(run(initialBookingForm(0, NEXT_AVAILABLE, '09:00-10:00'), ...typed, enter)).toMatchObject({ slot: NEXT_AVAILABLE, list: { at: 0 } });
    expect(run(initialBookingForm(0, NEXT_AVAILABLE, '09:00-10:00'), ...typed, { type: 'digit', digit: 1 })).toMatchObject({
      slot: '09:00-10:00',
      list: { at: 1 },
    });
  });

  it('a slot picked in the list stands when the form comes back to it', () => {
    const picked = run(filled(), enter, enter, { type: 'highlight', delta: 1 }, { type: 'move', delta: -1 }, { type: 'move', delta: 1 });
    expect(picked).toMatchObject({ step: 'slot', slot: '09:00-10:00', slotPicked: true });
  });

  it('a source letter in the source list takes that source and moves on; elsewhere it does nothing', () => {
    const onSource = run(filled(), enter);
    expect(run(onSource, { type: 'source', source: 'EMERGENCY' })).toMatchObject({ step: 'slot', source: 'EMERGENCY' });
    const onDoctor = run(filled());
    expect(run(onDoctor, { type: 'source', source: 'EMERGENCY' })).toEqual(onDoctor);
  });

  it('moving through the source list changes the source at once', () => {
    expect(run(filled(), enter, { type: 'highlight', delta: -1 })).toMatchObject({ step: 'source', source: 'ONLINE' });
  });

  it('highlighting in the slot list chooses that slot, as the preview shows', () => {
    const onSlot = run(filled(), enter, enter);
    expect(onSlot).toMatchObject({ step: 'slot', slot: NEXT_AVAILABLE, list: { at: 0 } });
    expect(run(onSlot, { type: 'highlight', delta: 1 }).slot).toBe('09:00-10:00');
  });

  it('ignores typing and digits where they do not apply', () => {
    const onSlot = run(filled(), enter, enter);
    expect(run(onSlot, ...type('x'))).toEqual(onSlot);
    const onName = initialBookingForm(0, NEXT_AVAILABLE);
    expect(run(onName, { type: 'digit', digit: 1 }, { type: 'highlight', delta: 1 })).toEqual(onName);
  });

  it('Enter on the slot makes the booking ready: trimmed name and phone, no slot for Next available', () => {
    const ready = run(initialBookingForm(0, NEXT_AVAILABLE), ...type(' Asha '), enter, ...type('98450 '), enter, enter, enter, enter);
    expect(ready.submit).toEqual({ op: 'book', doctor: 'sharma', patient: 'Asha', source: 'WALK_IN', phone: '98450' });
    const named = run(filled(), enter, enter, { type: 'highlight', delta: 1 }, enter);
    expect(named.submit).toMatchObject({ slot: '09:00-10:00' });
    expect(named.submit).not.toHaveProperty('phone', '');
  });

  it('leaves out an empty phone', () => {
    const ready = run(initialBookingForm(0, NEXT_AVAILABLE), ...type('Asha'), enter, enter, enter, enter, enter);
    expect(ready.submit).toEqual({ op: 'book', doctor: 'sharma', patient: 'Asha', source: 'WALK_IN' });
  });

  it('refuses to submit with an invalid field and goes back to it', () => {
    const skipped = run(initialBookingForm(0, NEXT_AVAILABLE), ...type('12'), { type: 'move', delta: -1 });
    const onSlot: BookingFormState = { ...skipped, step: 'slot', list: { at: 0, top: 0 } };
    expect(run(onSlot, enter)).toMatchObject({ step: 'name', submit: null, errors: { name: 'a name has letters' } });
    const badPhone: BookingFormState = { ...onSlot, name: textOf('Asha'), phone: textOf('call me') };
    expect(run(badPhone, enter)).toMatchObject({ step: 'phone', submit: null });
  });

  it('a refusal keeps what was typed, clears the booking and puts the error on its field', () => {
    const ready = run(filled(), enter, enter, enter);
    const refused = run(ready, { type: 'refused', error: 'phone 98450 already has active token SHR-001', field: 'phone' });
    expect(refused).toMatchObject({ step: 'phone', submit: null, name: { value: 'Asha' }, phone: { value: '98450' } });
    expect(refused.errors.phone).toContain('already has active token');
  });

  it('places an engine refusal by the field the engine names (patient is the name step)', () => {
    expect(fieldOfRefusal('slot')).toBe('slot');
    expect(fieldOfRefusal('phone')).toBe('phone');
    expect(fieldOfRefusal('doctor')).toBe('doctor');
    expect(fieldOfRefusal('patient')).toBe('name');
    expect(fieldOfRefusal(undefined)).toBe('name');
  });
});
