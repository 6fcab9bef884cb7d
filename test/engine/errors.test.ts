import { describe, expect, it } from 'vitest';
import { desk, expectUnchanged, rosterOf } from '../support/day.js';

const threeDoctors = () => rosterOf({ sharma: [1, 1], reddy: [1, 1], kapoor: [1, 1] });

describe('rule 9: errors never change state', () => {
  it('unknown doctor: lists the known doctors', () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'book', doctor: 'Dr. X', patient: 'A' })).toBe('unknown doctor "Dr. X" (known: Dr. Sharma, Dr. Reddy, Dr. Kapoor)');
  });

  it('finds a doctor by id or name, case-insensitively', () => {
    const d = desk(threeDoctors());
    expect(d.run({ op: 'book', doctor: 'DR. REDDY', patient: 'A' })).toMatchObject({ token: 'RED-001' });
    expect(d.run({ op: 'book', doctor: 'Kapoor', patient: 'B' })).toMatchObject({ token: 'KAP-001' });
  });

  it("unknown slot: names the doctor's slots", () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', slot: '13:00', patient: 'A' })).toBe(
      'unknown slot "13:00" for Dr. Sharma (slots: 09:00-10:00, 10:00-11:00)',
    );
  });

  it('a slot that is not a time at all', () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', slot: 'noon', patient: 'A' })).toMatch(/unknown slot "noon"/);
  });

  it('accepts the slot spellings 09:00, 09:00-10:00 and 9-10', () => {
    const d = desk(rosterOf({ sharma: [3] }));
    for (const slot of ['09:00', '09:00-10:00', '9-10']) {
      expect(d.book(`P ${slot}`, 'walk-in', slot)).toMatchObject({ status: 'ALLOCATED', slot: '09:00-10:00' });
    }
  });

  it('ended slot', () => {
    const d = desk(threeDoctors());
    d.run({ op: 'clock', time: '10:00' });
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', slot: '9-10', patient: 'A' })).toMatch(/has ended/);
  });

  it('missing patient name, or one of blanks only', () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', patient: '   ' })).toBe('missing patient name');
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma' } as never)).toBe('missing patient name');
  });

  it('unknown token', () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'cancel', token: 'SHR-404' })).toBe('unknown token "SHR-404"');
  });

  it('cancelling twice is an error and promotes nobody', () => {
    const d = desk(threeDoctors());
    d.book('Seated', 'walk-in', '09:00');
    d.book('Waiting', 'walk-in', '09:00');
    d.run({ op: 'cancel', token: 'SHR-001' }); // promotes SHR-002
    d.book('Waiting again', 'walk-in', '09:00'); // SHR-003 waits for the seat SHR-002 now holds
    expect(expectUnchanged(d, { op: 'cancel', token: 'SHR-001' })).toBe('SHR-001 is CANCELLED: only a BOOKED or WAITLISTED token can be cancelled');
    expect(d.status('SHR-003')).toBe('WAITLISTED');
  });

  it('cancelling a COMPLETED token is an error', () => {
    const d = desk(threeDoctors());
    d.book('Seated');
    d.run({ op: 'clock', time: '10:00' });
    expect(expectUnchanged(d, { op: 'cancel', token: 'SHR-001' })).toMatch(/SHR-001 is COMPLETED/);
  });

  it('moving the clock backwards', () => {
    const d = desk(threeDoctors());
    d.run({ op: 'clock', time: '10:00' });
    expect(expectUnchanged(d, { op: 'clock', time: '09:30' })).toBe('the clock cannot move backwards (it is 10:00, asked for 09:30)');
  });

  it('a clock time that is not HH:MM', () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'clock', time: '25:00' })).toBe('invalid time "25:00" (write it as HH:MM)');
  });

  it('a second active token for the same patient with the same doctor names the existing token', () => {
    const d = desk(threeDoctors());
    d.book('Asha', 'walk-in', undefined, { phone: '98450 12345' } as never);
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', patient: ' ASHA ', phone: '9845012345' })).toBe(
      'Asha (phone 9845012345) already has active token SHR-001 (BOOKED) with Dr. Sharma',
    );
  });

  it('the same patient may book with another doctor, and again once the first token is over', () => {
    const d = desk(threeDoctors());
    d.run({ op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450' });
    expect(d.run({ op: 'book', doctor: 'reddy', patient: 'Asha', phone: '98450' })).toMatchObject({ status: 'ALLOCATED' });
    d.run({ op: 'cancel', token: 'SHR-001' });
    expect(d.run({ op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450' })).toMatchObject({ token: 'SHR-002' });
  });
});

describe('cancel and no-show by doctor and patient name', () => {
  it('cancels the one active token of that name with that doctor', () => {
    const d = desk(threeDoctors());
    d.book('Asha');
    expect(d.run({ op: 'cancel', doctor: 'sharma', patient: 'asha' })).toEqual({ op: 'cancel', status: 'CANCELLED', token: 'SHR-001' });
  });

  it('is an error when no active token has that name', () => {
    const d = desk(threeDoctors());
    d.book('Asha');
    d.run({ op: 'cancel', token: 'SHR-001' });
    expect(expectUnchanged(d, { op: 'cancel', doctor: 'sharma', patient: 'Asha' })).toBe('no active token for patient "Asha" with Dr. Sharma');
  });

  it('is an error when two active tokens share the name, naming both', () => {
    const d = desk(threeDoctors());
    d.book('Asha');
    d.book('Asha');
    expect(expectUnchanged(d, { op: 'no-show', doctor: 'sharma', patient: 'Asha' })).toBe(
      '2 active tokens for "Asha" with Dr. Sharma (SHR-001, SHR-002): name the token',
    );
  });

  it('is an error to name neither a token nor a patient', () => {
    const d = desk(threeDoctors());
    expect(expectUnchanged(d, { op: 'cancel' })).toBe('name a token, or a doctor and a patient, to cancel');
  });
});

describe('operations on one doctor never change another', () => {
  it('a displacement and a promotion at Dr. Sharma leave Dr. Reddy as he was', () => {
    const d = desk(threeDoctors());
    d.run({ op: 'book', doctor: 'reddy', slot: '09:00', patient: 'R1' });
    d.run({ op: 'book', doctor: 'reddy', slot: '09:00', patient: 'R2' });
    const reddyBefore = JSON.stringify(d.day.doctors[1]!.slots.map((s) => s.booked.map((t) => [t.id, t.status])));
    d.book('S1');
    d.book('S2', 'emergency');
    d.run({ op: 'cancel', token: 'SHR-002' });
    const reddyAfter = JSON.stringify(d.day.doctors[1]!.slots.map((s) => s.booked.map((t) => [t.id, t.status])));
    expect(reddyAfter).toBe(reddyBefore);
    expect(d.overflow('reddy')).toEqual(['RED-002']);
  });
});
