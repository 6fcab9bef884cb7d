/** SPEC §5: move and absent. */
import { describe, expect, it } from 'vitest';
import { findToken, type Roster } from '../../src/engine/index.js';
import { desk, expectUnchanged, rosterOf } from '../support/day.js';

/** Sharma and Reddy in General Medicine, Kapoor on his own. */
function clinic(capacities: Record<string, number[]>, policy = {}): Roster {
  const roster = rosterOf(capacities, policy);
  return {
    ...roster,
    doctors: roster.doctors.map((d) => (d.id === 'kapoor' ? d : { ...d, department: 'General Medicine' })),
  };
}

describe('move', () => {
  it('same doctor: keeps its id, arrival, bumps and check-in; the freed seat promotes', () => {
    const d = desk(rosterOf({ sharma: [1, 2] }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'check-in', token: 'SHR-001' });
    expect(d.run({ op: 'move', token: 'SHR-001', slot: '10:00' })).toEqual({
      op: 'move',
      status: 'MOVED',
      token: 'SHR-001',
      slot: '10:00-11:00',
      placement: 'ALLOCATED',
      promoted: 'SHR-002',
    });
    const token = findToken(d.day, 'SHR-001')!;
    expect([token.status, token.arrival, token.checkedIn]).toEqual(['BOOKED', 0, 8 * 60]);
  });

  it('another doctor: the token becomes MOVED, a new token keeps patient, phone, source, check-in and arrival', () => {
    const d = desk(rosterOf({ sharma: [2], reddy: [1] }));
    d.book('Asha', 'paid', '09:00', { phone: '98450' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Ravi', slot: '09:00' });
    d.run({ op: 'check-in', token: 'SHR-001' });
    expect(d.run({ op: 'move', token: 'SHR-001', doctor: 'reddy' })).toEqual({
      op: 'move',
      status: 'MOVED',
      token: 'SHR-001',
      newToken: 'RED-002',
      slot: '09:00-10:00',
      placement: 'WAITLISTED',
      position: 1,
    });
    const [old, fresh] = [findToken(d.day, 'SHR-001')!, findToken(d.day, 'RED-002')!];
    expect([old.status, old.movedTo]).toEqual(['MOVED', 'RED-002']);
    expect([fresh.patient, fresh.phone, fresh.source, fresh.checkedIn, fresh.arrival, fresh.bumps]).toEqual(['Asha', '98450', 'PAID', 8 * 60, 0, 0]);
  });

  it('keeps the original arrival order in the new queue', () => {
    const d = desk(rosterOf({ sharma: [1], reddy: [1] }));
    d.book('Asha', 'walk-in', '09:00');
    d.run({ op: 'book', doctor: 'reddy', patient: 'Ravi' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Meena' });
    expect(d.run({ op: 'move', token: 'SHR-001', doctor: 'reddy' })).toMatchObject({ newToken: 'RED-003', position: 1 });
    expect(d.overflow('reddy')).toEqual(['RED-003', 'RED-002']);
  });

  it('an emergency moved into a full slot displaces (rules 2–4), overflowLimit does not apply', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }, { overflowLimit: 0 }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'emergency', '10:00');
    d.book('Meena', 'walk-in', '10:00');
    expect(d.run({ op: 'move', token: 'SHR-002', slot: '09:00' })).toMatchObject({ placement: 'REALLOCATED', displaced: 'SHR-001' });
  });

  it('no slot named: rule 7 after giving up the seat', () => {
    const d = desk(rosterOf({ sharma: [1, 1], reddy: [1, 1] }));
    d.run({ op: 'book', doctor: 'reddy', patient: 'Ravi', slot: '09:00' });
    d.book('Asha', 'walk-in', '10:00');
    expect(d.run({ op: 'move', token: 'SHR-001', doctor: 'reddy' })).toMatchObject({ slot: '10:00-11:00', placement: 'ALLOCATED' });
  });

  it('errors: the same slot, an ended slot, a token in consultation or not active, the patient already with the new doctor', () => {
    const d = desk(rosterOf({ sharma: [2, 2], reddy: [2, 2] }));
    d.book('Asha', 'walk-in', '10:00', { phone: '98450' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Asha', phone: '98450' });
    d.book('Ravi', 'walk-in', '09:00');
    d.book('Meena', 'walk-in', '10:00');
    d.run({ op: 'cancel', token: 'SHR-003' });
    d.run({ op: 'call', token: 'SHR-002' });
    expect(expectUnchanged(d, { op: 'move', token: 'SHR-001', slot: '10:00' })).toBe('SHR-001 already has slot 10:00-11:00 with Dr. Sharma');
    expect(expectUnchanged(d, { op: 'move', token: 'SHR-001', doctor: 'reddy' })).toBe('Asha (phone 98450) already has active token RED-001 with Dr. Reddy');
    expect(expectUnchanged(d, { op: 'move', token: 'SHR-002', slot: '10:00' })).toBe('SHR-002 is in consultation: it cannot be moved');
    expect(expectUnchanged(d, { op: 'move', token: 'SHR-003', slot: '09:00' })).toBe('SHR-003 is CANCELLED: only a BOOKED or WAITLISTED token can be moved');
    d.run({ op: 'clock', time: '10:00' });
    expect(expectUnchanged(d, { op: 'move', token: 'SHR-001', slot: '09:00' })).toMatch(/slot 09:00-10:00 of Dr. Sharma has ended/);
  });

  it('error found after giving up the seat changes nothing: rule 7 picks the slot it already has', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Asha');
    d.book('Ravi');
    expect(expectUnchanged(d, { op: 'move', token: 'SHR-001' })).toBe('SHR-001 already has slot 09:00-10:00 with Dr. Sharma');
    expect(d.seated('09:00')).toEqual(['SHR-001']);
  });
});

describe('absent', () => {
  it("turns off the slots overlapping [from, to) and rebooks their tokens, in queue order, into the doctor's later slots", () => {
    const d = desk(clinic({ kapoor: [1, 1, 2] }));
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Asha', slot: '09:00' });
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Ravi', slot: '09:00' });
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Meena', slot: '09:00', source: 'paid' });
    expect(d.run({ op: 'absent', doctor: 'kapoor', from: '09:00', to: '10:00' })).toEqual({
      op: 'absent',
      status: 'ABSENT',
      slots: ['09:00-10:00'],
      rebooked: [
        { token: 'KAP-003', slot: '10:00-11:00', placement: 'ALLOCATED' },
        { token: 'KAP-001', slot: '11:00-12:00', placement: 'ALLOCATED' },
        { token: 'KAP-002', slot: '11:00-12:00', placement: 'ALLOCATED' },
      ],
    });
    expect(d.day.doctors[0]!.slots[0]!.off).toBe(true);
  });

  it("rebooks into the department's doctors by start time, then roster order, as a MOVED token", () => {
    const d = desk(clinic({ sharma: [1, 1], reddy: [1, 1] }));
    d.book('Asha', 'walk-in', '09:00');
    expect(d.run({ op: 'absent', doctor: 'sharma', from: '09:00' })).toEqual({
      op: 'absent',
      status: 'ABSENT',
      slots: ['09:00-10:00', '10:00-11:00'],
      rebooked: [{ token: 'SHR-001', newToken: 'RED-001', slot: '09:00-10:00', placement: 'ALLOCATED' }],
    });
    expect(findToken(d.day, 'SHR-001')).toMatchObject({ status: 'MOVED', movedTo: 'RED-001' });
  });

  it("when no candidate has a free seat, waits in the first candidate's overflow; an emergency takes the first candidate", () => {
    const d = desk(clinic({ sharma: [1, 1], reddy: [1, 1] }));
    d.run({ op: 'book', doctor: 'reddy', patient: 'R1', slot: '09:00' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'R2', slot: '10:00' });
    d.book('Asha', 'walk-in', '10:00');
    d.book('Ravi', 'emergency', '09:00');
    const result = d.run({ op: 'absent', doctor: 'sharma' });
    expect(result).toMatchObject({
      rebooked: [
        { token: 'SHR-002', newToken: 'RED-003', slot: '09:00-10:00', placement: 'REALLOCATED' },
        { token: 'SHR-001', newToken: 'RED-004', slot: '10:00-11:00', placement: 'WAITLISTED' },
      ],
    });
  });

  it('with no candidate at all the token is UNSERVED; the patient in consultation is finished', () => {
    const d = desk(clinic({ kapoor: [2] }));
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Asha' });
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Ravi' });
    d.run({ op: 'call', token: 'KAP-001' });
    expect(d.run({ op: 'absent', doctor: 'kapoor' })).toEqual({
      op: 'absent',
      status: 'ABSENT',
      slots: ['09:00-10:00'],
      completed: 'KAP-001',
      rebooked: [{ token: 'KAP-002', slot: '09:00-10:00', placement: 'UNSERVED' }],
    });
  });

  it('an off slot takes no booking (the error says the doctor is away), no promotion, no roll-forward', () => {
    const d = desk(clinic({ kapoor: [1, 1, 1] }));
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Asha', slot: '09:00' });
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Ravi', slot: '09:00' });
    d.run({ op: 'absent', doctor: 'kapoor', from: '10:00', to: '11:00' });
    expect(expectUnchanged(d, { op: 'book', doctor: 'kapoor', patient: 'Meena', slot: '10:00' })).toBe(
      'Dr. Kapoor is away during 10:00-11:00: book another slot or doctor',
    );
    d.run({ op: 'clock', time: '10:00' });
    expect(findToken(d.day, 'KAP-002')).toMatchObject({ status: 'BOOKED', slot: { label: '11:00-12:00' } });
  });

  it('errors: unknown doctor, to not after from, no slot left in that time', () => {
    const d = desk(clinic({ kapoor: [1, 1] }));
    expect(expectUnchanged(d, { op: 'absent', doctor: 'nobody' })).toMatch(/^unknown doctor "nobody"/);
    expect(expectUnchanged(d, { op: 'absent', doctor: 'kapoor', from: '11:00', to: '10:00' })).toBe('"to" (10:00) must be after "from" (11:00)');
    expect(expectUnchanged(d, { op: 'absent', doctor: 'kapoor', from: '14:00' })).toBe('Dr. Kapoor has no open slot left between 14:00 and 24:00');
  });
});

describe('absent under "any-higher" displacement', () => {
  it('a rebooked patient who finds no free seat waits; only an emergency may displace', () => {
    const d = desk(clinic({ kapoor: [1, 1] }, { displacement: 'any-higher' }));
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Walk', slot: '10:00' });
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Paid', slot: '09:00', source: 'paid' });
    expect(d.run({ op: 'absent', doctor: 'kapoor', from: '09:00', to: '10:00' })).toMatchObject({
      rebooked: [{ token: 'KAP-002', slot: '10:00-11:00', placement: 'WAITLISTED' }],
    });
    expect(d.seated('10:00', 'kapoor')).toEqual(['KAP-001']);
  });
});
