/** SPEC §5: check-in, call, done, seats used, noShowAtClose. */
import { describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { desk, expectUnchanged, rosterOf } from '../support/day.js';

const twoSlots = (policy = {}) => rosterOf({ sharma: [2, 2], reddy: [2] }, policy);

describe('check-in', () => {
  it('sets checkedIn to the clock for a BOOKED or WAITLISTED token', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.book('Meena', 'walk-in', '09:00');
    d.run({ op: 'clock', time: '08:40' });
    expect(d.run({ op: 'check-in', token: 'SHR-001' })).toEqual({ op: 'check-in', status: 'CHECKED_IN', token: 'SHR-001' });
    expect(d.run({ op: 'check-in', doctor: 'sharma', patient: 'meena' })).toEqual({ op: 'check-in', status: 'CHECKED_IN', token: 'SHR-003' });
    expect(findToken(d.day, 'SHR-001')!.checkedIn).toBe(8 * 60 + 40);
    expect(d.status('SHR-003')).toBe('WAITLISTED');
  });

  it('error: already checked in', () => {
    const d = desk(twoSlots());
    d.book('Asha');
    d.run({ op: 'check-in', token: 'SHR-001' });
    expect(expectUnchanged(d, { op: 'check-in', token: 'SHR-001' })).toBe('SHR-001 already checked in at 08:00');
  });

  it('error: a token that is not active', () => {
    const d = desk(twoSlots());
    d.book('Asha');
    d.run({ op: 'cancel', token: 'SHR-001' });
    expect(expectUnchanged(d, { op: 'check-in', token: 'SHR-001' })).toBe('SHR-001 is CANCELLED: only a BOOKED or WAITLISTED token can be checked in');
    expect(expectUnchanged(d, { op: 'check-in', token: 'SHR-009' })).toBe('unknown token "SHR-009"');
  });
});

describe('call', () => {
  it('calls the first checked-in, not yet called token by slot time, then service order', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '10:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.book('Meena', 'paid', '09:00');
    for (const token of ['SHR-001', 'SHR-002', 'SHR-003']) d.run({ op: 'check-in', token });
    expect(d.run({ op: 'call', doctor: 'sharma' })).toEqual({ op: 'call', status: 'CALLED', token: 'SHR-003', slot: '09:00-10:00' });
    expect(d.run({ op: 'call', doctor: 'sharma' })).toEqual({
      op: 'call',
      status: 'CALLED',
      token: 'SHR-002',
      slot: '09:00-10:00',
      completed: 'SHR-003',
    });
    expect(d.run({ op: 'call', doctor: 'sharma' })).toMatchObject({ token: 'SHR-001', completed: 'SHR-002' });
  });

  it('skips patients not checked in', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'check-in', token: 'SHR-002' });
    expect(d.run({ op: 'call', doctor: 'sharma' })).toMatchObject({ token: 'SHR-002' });
  });

  it('calling a token by id checks it in and finishes the one in consultation', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'call', token: 'SHR-001' });
    expect(d.run({ op: 'call', token: 'SHR-002' })).toEqual({ op: 'call', status: 'CALLED', token: 'SHR-002', slot: '09:00-10:00', completed: 'SHR-001' });
    expect(findToken(d.day, 'SHR-002')!.checkedIn).toBe(8 * 60);
    expect(d.status('SHR-001')).toBe('COMPLETED');
  });

  it('error: nobody checked in is waiting, and the patient in consultation stays', () => {
    const d = desk(twoSlots());
    d.book('Asha');
    d.run({ op: 'call', token: 'SHR-001' });
    expect(expectUnchanged(d, { op: 'call', doctor: 'sharma' })).toBe('nobody checked in is waiting for Dr. Sharma');
    expect(d.day.doctors[0]!.inConsultation?.id).toBe('SHR-001');
  });

  it('error: calling a token that is not BOOKED, or already in consultation', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.book('Meena', 'walk-in', '09:00');
    d.run({ op: 'call', token: 'SHR-001' });
    expect(expectUnchanged(d, { op: 'call', token: 'SHR-003' })).toBe('SHR-003 is WAITLISTED: only a BOOKED token can be called');
    expect(expectUnchanged(d, { op: 'call', token: 'SHR-001' })).toBe('SHR-001 is already in consultation');
  });

  it('a doctor has at most one patient in consultation', () => {
    const d = desk(twoSlots());
    d.book('Asha');
    d.book('Ravi');
    d.run({ op: 'call', token: 'SHR-001' });
    d.run({ op: 'call', token: 'SHR-002' });
    expect(d.day.tokens.filter((t) => t.status === 'BOOKED' && t.calledAt !== null).map((t) => t.id)).toEqual(['SHR-002']);
  });
});

describe('done', () => {
  it('finishes the patient in consultation without calling the next', () => {
    const d = desk(twoSlots());
    d.book('Asha');
    d.book('Ravi');
    d.run({ op: 'check-in', token: 'SHR-002' });
    d.run({ op: 'call', token: 'SHR-001' });
    expect(d.run({ op: 'done', doctor: 'sharma' })).toEqual({ op: 'done', status: 'COMPLETED', token: 'SHR-001' });
    expect(d.status('SHR-002')).toBe('BOOKED');
    expect(d.day.doctors[0]!.inConsultation).toBeNull();
  });

  it('by token: the token must be the one in consultation', () => {
    const d = desk(twoSlots());
    d.book('Asha');
    d.book('Ravi');
    d.run({ op: 'call', token: 'SHR-001' });
    expect(expectUnchanged(d, { op: 'done', token: 'SHR-002' })).toBe('SHR-002 is not in consultation');
    expect(d.run({ op: 'done', token: 'SHR-001' })).toMatchObject({ status: 'COMPLETED', token: 'SHR-001' });
  });

  it('error: the doctor has no one in consultation', () => {
    const d = desk(twoSlots());
    expect(expectUnchanged(d, { op: 'done', doctor: 'reddy' })).toBe('Dr. Reddy has no one in consultation');
  });
});

describe('seats held and seats used', () => {
  it('finishing a patient frees no seat: rule 1 counts seats used', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'call', token: 'SHR-001' });
    d.run({ op: 'done', doctor: 'sharma' });
    expect(d.day.doctors[0]!.slots[0]!.used).toBe(1);
    expect(d.book('Meena', 'walk-in', '09:00')).toMatchObject({ status: 'WAITLISTED', position: 1 });
  });

  it('a patient in consultation is never displaced', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('Asha', 'walk-in', '09:00');
    d.run({ op: 'call', token: 'SHR-001' });
    expect(d.book('Ravi', 'emergency', '09:00')).toMatchObject({ status: 'WAITLISTED' });
    expect(d.status('SHR-001')).toBe('BOOKED');
  });

  it('cancel and no-show still apply in consultation, and the seat frees (rule 6)', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'call', token: 'SHR-001' });
    expect(d.run({ op: 'no-show', token: 'SHR-001' })).toEqual({ op: 'no-show', status: 'NO_SHOW', token: 'SHR-001', promoted: 'SHR-002' });
    expect(d.day.doctors[0]!.inConsultation).toBeNull();
  });
});

describe('noShowAtClose', () => {
  it('when a slot closes, BOOKED tokens never checked in become NO_SHOW', () => {
    const d = desk(twoSlots({ noShowAtClose: true }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'check-in', token: 'SHR-002' });
    d.run({ op: 'clock', time: '10:00' });
    expect([d.status('SHR-001'), d.status('SHR-002')]).toEqual(['NO_SHOW', 'COMPLETED']);
  });

  it('is off by default: they are COMPLETED', () => {
    const d = desk(twoSlots());
    d.book('Asha', 'walk-in', '09:00');
    d.run({ op: 'clock', time: '10:00' });
    expect(d.status('SHR-001')).toBe('COMPLETED');
  });
});
