import { describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { desk, rosterOf } from '../support/day.js';

describe('rule 8: the clock closes slots', () => {
  it('completes the seated patients of a slot when the clock reaches its end', () => {
    const d = desk(rosterOf({ sharma: [2, 2] }));
    d.book('A', 'walk-in', '09:00');
    d.book('B', 'walk-in', '10:00');
    expect(d.run({ op: 'clock', time: '10:00' })).toEqual({ op: 'clock', status: 'OK', time: '10:00' });
    expect(d.status('SHR-001')).toBe('COMPLETED');
    expect(d.status('SHR-002')).toBe('BOOKED');
  });

  it('moves overflow entries of a closing slot to the next slot, in queue order', () => {
    const d = desk(rosterOf({ sharma: [1, 2] }));
    d.book('Seated', 'walk-in', '09:00');
    d.book('Walker', 'walk-in', '09:00'); // SHR-002 waits
    d.book('Online', 'online', '09:00'); // SHR-003 waits, ahead of SHR-002
    d.book('Ten', 'walk-in', '10:00'); // SHR-004 holds one of two seats at 10:00
    d.run({ op: 'clock', time: '10:00' });
    // SHR-003 goes first and takes the free seat; SHR-002 finds the slot full and waits again.
    expect(d.seated('10')).toEqual(['SHR-003', 'SHR-004']);
    expect(d.overflow()).toEqual(['SHR-002']);
    expect(findToken(d.day, 'SHR-002')!.slot.label).toBe('10:00-11:00');
  });

  it('rolls an overflow entry forward across several slots in one clock move', () => {
    const d = desk(rosterOf({ sharma: [1, 1, 1, 1] }));
    d.book('A', 'walk-in', '09:00');
    d.book('B', 'walk-in', '10:00');
    d.book('C', 'walk-in', '11:00');
    d.book('Waits', 'walk-in', '09:00'); // SHR-004
    d.run({ op: 'clock', time: '11:00' });
    // 09:00 closes: SHR-004 waits for 10:00; 10:00 closes: waits for 11:00, still full.
    expect(d.status('SHR-004')).toBe('WAITLISTED');
    expect(findToken(d.day, 'SHR-004')!.slot.label).toBe('11:00-12:00');
    d.run({ op: 'cancel', token: 'SHR-003' });
    expect(d.status('SHR-004')).toBe('BOOKED');
  });

  it('completes a rolled-forward patient whose new slot closes later in the same move', () => {
    const d = desk(rosterOf({ sharma: [1, 1, 1] }));
    d.book('A', 'walk-in', '09:00');
    d.book('Waits', 'walk-in', '09:00'); // SHR-002
    d.run({ op: 'clock', time: '11:00' });
    expect(d.status('SHR-002')).toBe('COMPLETED');
    expect(findToken(d.day, 'SHR-002')!.slot.label).toBe('10:00-11:00');
  });

  it('lets a rolled-forward emergency displace a patient in the next slot', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('E1', 'emergency', '09:00');
    d.book('E2', 'emergency', '09:00'); // waits: no victim
    d.book('Walker', 'walk-in', '10:00'); // SHR-003
    d.run({ op: 'clock', time: '10:00' });
    expect(d.seated('10')).toEqual(['SHR-002']);
    expect(d.overflow()).toEqual(['SHR-003']);
    expect(findToken(d.day, 'SHR-003')!.bumps).toBe(1);
  });

  it("marks what is left in overflow UNSERVED when the doctor's last slot closes", () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('A', 'walk-in', '09:00');
    d.book('B', 'walk-in', '10:00');
    d.book('Left', 'walk-in', '10:00');
    d.run({ op: 'clock', time: '10:30' });
    expect(d.status('SHR-003')).toBe('WAITLISTED');
    d.run({ op: 'clock', time: '11:00' });
    expect(d.status('SHR-002')).toBe('COMPLETED');
    expect(d.status('SHR-003')).toBe('UNSERVED');
    expect(d.overflow()).toEqual([]);
  });

  it('closes slots in order of end time, then roster order', () => {
    const d = desk({
      doctors: [
        { id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: [{ start: '09:00', end: '11:00', capacity: 1 }] },
        {
          id: 'reddy',
          name: 'Dr. Reddy',
          code: 'RED',
          slots: [
            { start: '09:00', end: '10:00', capacity: 1 },
            { start: '10:00', end: '11:00', capacity: 1 },
          ],
        },
        { id: 'kapoor', name: 'Dr. Kapoor', code: 'KAP', slots: [{ start: '09:30', end: '10:00', capacity: 1 }] },
      ],
    });
    d.run({ op: 'clock', time: '12:00' });
    const closed = d.events.filter((e) => e.kind === 'slot-closed').map((e) => `${e.doctor} ${'slot' in e ? e.slot : ''}`);
    expect(closed).toEqual(['reddy 09:00-10:00', 'kapoor 09:30-10:00', 'sharma 09:00-11:00', 'reddy 10:00-11:00']);
  });

  it('refuses a booking into a slot that has ended, and changes nothing', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.run({ op: 'clock', time: '10:00' });
    const result = d.book('Late', 'walk-in', '09:00');
    expect(result).toEqual({ op: 'book', status: 'ERROR', error: 'slot 09:00-10:00 of Dr. Sharma has ended (clock 10:00)' });
    expect(d.day.tokens).toHaveLength(0);
  });

  it('refuses a booking without a slot once every slot has ended', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.run({ op: 'clock', time: '17:00' });
    expect(d.book('Late')).toMatchObject({ status: 'ERROR', error: 'every slot of Dr. Sharma has ended (clock 17:00)' });
  });

  it('applies no-show to BOOKED tokens only', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Seated');
    d.book('Waiting');
    expect(d.run({ op: 'no-show', token: 'SHR-002' })).toEqual({
      op: 'no-show',
      status: 'ERROR',
      error: 'SHR-002 is WAITLISTED: only a BOOKED token can be marked no-show',
    });
  });

  it('accepts the clock at its current time as a no-op', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    expect(d.run({ op: 'clock', time: '08:00' })).toEqual({ op: 'clock', status: 'OK', time: '08:00' });
  });

  it('closes a roster slot that ends by opening time as soon as the day starts', () => {
    const d = desk({
      doctors: [
        {
          id: 'early',
          name: 'Dr. Early',
          code: 'EAR',
          slots: [
            { start: '07:00', end: '08:00', capacity: 2 },
            { start: '08:00', end: '09:00', capacity: 2 },
          ],
        },
      ],
    });
    expect(d.book('A', 'walk-in', '07:00')).toMatchObject({ status: 'ERROR' });
    expect(d.book('B')).toMatchObject({ status: 'ALLOCATED', slot: '08:00-09:00' });
  });
});
