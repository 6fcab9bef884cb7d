import { describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { desk, rosterOf } from '../support/day.js';

describe('rule 1: hard limit', () => {
  it('never seats more than capacity: the next walk-in waits', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    d.book('A');
    d.book('B');
    expect(d.book('C')).toEqual({ op: 'book', status: 'WAITLISTED', token: 'SHR-003', slot: '09:00-10:00', position: 1 });
    expect(d.seated('09')).toEqual(['SHR-001', 'SHR-002']);
  });

  it('admits emergencies over capacity only up to emergencyOverbook', () => {
    const d = desk(rosterOf({ sharma: [1] }, { emergencyOverbook: 1 }));
    d.book('E1', 'emergency');
    const second = d.book('E2', 'emergency');
    expect(second).toMatchObject({ status: 'ALLOCATED', token: 'SHR-002' });
    expect(second).toHaveProperty('warning');
    expect(d.book('E3', 'emergency')).toMatchObject({ status: 'WAITLISTED', token: 'SHR-003', position: 1 });
    expect(d.seated('09')).toEqual(['SHR-001', 'SHR-002']);
  });
});

describe('rule 2: free seat', () => {
  it('allocates a booking into a slot with a free seat', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    expect(d.book('Asha', 'walk-in', '09:00')).toEqual({ op: 'book', status: 'ALLOCATED', token: 'SHR-001', slot: '09:00-10:00' });
    expect(d.status('SHR-001')).toBe('BOOKED');
  });

  it('seats patients in service order: priority, then arrival', () => {
    const d = desk(rosterOf({ sharma: [5] }));
    d.book('W1', 'walk-in');
    d.book('O1', 'online');
    d.book('P1', 'paid');
    d.book('W2', 'walk-in');
    d.book('F1', 'follow-up');
    expect(d.seated('09')).toEqual(['SHR-003', 'SHR-005', 'SHR-002', 'SHR-001', 'SHR-004']);
  });
});

describe('rule 3: emergency into a full slot', () => {
  it('displaces the lowest-priority patient to overflow and takes the seat', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    d.book('Paid', 'paid');
    d.book('Walker', 'walk-in');
    expect(d.book('Ravi', 'emergency', '09:00')).toEqual({
      op: 'book',
      status: 'REALLOCATED',
      token: 'SHR-003',
      slot: '09:00-10:00',
      displaced: 'SHR-002',
    });
    expect(d.status('SHR-002')).toBe('WAITLISTED');
    expect(findToken(d.day, 'SHR-002')!.slot.label).toBe('09:00-10:00');
    expect(findToken(d.day, 'SHR-002')!.bumps).toBe(1);
    expect(d.seated('09')).toEqual(['SHR-003', 'SHR-001']);
  });

  it('breaks a tie between equals by displacing the latest arrival', () => {
    const d = desk(rosterOf({ sharma: [3] }));
    d.book('First walker');
    d.book('Second walker');
    d.book('Online', 'online');
    expect(d.book('Ravi', 'emergency')).toMatchObject({ status: 'REALLOCATED', displaced: 'SHR-002' });
  });

  it('never displaces another emergency: with no eligible victim the emergency waits', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('E1', 'emergency');
    expect(d.book('E2', 'emergency')).toEqual({
      op: 'book',
      status: 'WAITLISTED',
      token: 'SHR-002',
      slot: '09:00-10:00',
      position: 1,
    });
  });

  it('spares a patient displaced maxBumps times and picks the next victim', () => {
    const d = desk(rosterOf({ sharma: [2, 2] }, { maxBumps: 1 }));
    d.book('Online', 'online', '09:00');
    d.book('Walker', 'walk-in', '09:00'); // SHR-002
    d.book('E1', 'emergency', '09:00'); // displaces SHR-002 (bumps 1)
    d.run({ op: 'cancel', token: 'SHR-001' }); // SHR-002 promoted back
    expect(d.seated('09')).toEqual(['SHR-003', 'SHR-002']);
    // SHR-002 has used its one bump; the only other non-emergency is... none, so it waits.
    expect(d.book('E2', 'emergency', '09:00')).toMatchObject({ status: 'WAITLISTED', token: 'SHR-004' });
    d.book('Paid', 'paid', '10:00');
    d.book('Walker2', 'walk-in', '10:00');
    expect(d.seated('09')).toEqual(['SHR-003', 'SHR-002']);
  });

  it('with maxBumps 0 nobody is ever displaced', () => {
    const d = desk(rosterOf({ sharma: [1] }, { maxBumps: 0 }));
    d.book('Walker');
    expect(d.book('Ravi', 'emergency')).toMatchObject({ status: 'WAITLISTED', token: 'SHR-002' });
  });

  it('picks a lower-bumped patient over a higher-priority-for-eviction one at the limit', () => {
    const d = desk(rosterOf({ sharma: [2] }, { maxBumps: 1 }));
    d.book('Online', 'online'); // SHR-001
    d.book('Walker', 'walk-in'); // SHR-002
    d.book('E1', 'emergency'); // displaces SHR-002
    d.run({ op: 'cancel', token: 'SHR-003' }); // SHR-002 promoted back
    // SHR-002 (walk-in) is the lowest priority but has 1 bump = maxBumps: SHR-001 is taken instead.
    expect(d.book('E2', 'emergency')).toMatchObject({ status: 'REALLOCATED', displaced: 'SHR-001' });
  });

  it('admits an emergency with no eligible victim over capacity under emergencyOverbook', () => {
    const d = desk(rosterOf({ sharma: [1] }, { emergencyOverbook: 2 }));
    d.book('E1', 'emergency');
    expect(d.book('E2', 'emergency')).toMatchObject({ status: 'ALLOCATED', token: 'SHR-002', slot: '09:00-10:00' });
    expect(d.seated('09')).toEqual(['SHR-001', 'SHR-002']);
  });
});

describe('rule 4: full slot, anyone else', () => {
  it('under emergency-only, a paid patient into a full slot waits', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Walker');
    expect(d.book('Paid', 'paid')).toMatchObject({ status: 'WAITLISTED', token: 'SHR-002', position: 1 });
    expect(d.seated('09')).toEqual(['SHR-001']);
  });

  it('under any-higher, a paid patient displaces a walk-in', () => {
    const d = desk(rosterOf({ sharma: [1] }, { displacement: 'any-higher' }));
    d.book('Walker');
    expect(d.book('Paid', 'paid')).toMatchObject({ status: 'REALLOCATED', token: 'SHR-002', displaced: 'SHR-001' });
  });

  it('under any-higher, only strictly lower priorities are victims', () => {
    const d = desk(rosterOf({ sharma: [2] }, { displacement: 'any-higher' }));
    d.book('Paid', 'paid');
    d.book('Follow', 'follow-up');
    expect(d.book('Follow2', 'follow-up')).toMatchObject({ status: 'WAITLISTED' });
    expect(d.book('Paid2', 'paid')).toMatchObject({ status: 'REALLOCATED', displaced: 'SHR-002' });
  });

  it('under any-higher, the bump limit still protects a victim', () => {
    const d = desk(rosterOf({ sharma: [1] }, { displacement: 'any-higher', maxBumps: 1 }));
    d.book('Walker'); // SHR-001
    d.book('Online', 'online'); // displaces SHR-001
    d.run({ op: 'cancel', token: 'SHR-002' }); // SHR-001 back
    expect(d.book('Paid', 'paid')).toMatchObject({ status: 'WAITLISTED', token: 'SHR-003' });
  });
});

describe('rule 5: overflow queue', () => {
  it('orders the queue by priority, then arrival, and reports each position', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Seated');
    expect(d.book('W1')).toMatchObject({ position: 1 });
    expect(d.book('O1', 'online')).toMatchObject({ position: 1 });
    expect(d.book('W2')).toMatchObject({ position: 3 });
    expect(d.book('P1', 'paid')).toMatchObject({ position: 1 });
    expect(d.overflow()).toEqual(['SHR-005', 'SHR-003', 'SHR-002', 'SHR-004']);
  });

  it('keeps a displaced patient in arrival order: promoted ahead of a later walk-in', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    d.book('Early walker'); // SHR-001
    d.book('Online', 'online'); // SHR-002
    d.book('Late walker'); // SHR-003, waits
    d.book('Ravi', 'emergency'); // displaces SHR-001, who arrived before SHR-003
    expect(d.overflow()).toEqual(['SHR-001', 'SHR-003']);
    expect(d.run({ op: 'cancel', token: 'SHR-002' })).toEqual({
      op: 'cancel',
      status: 'CANCELLED',
      token: 'SHR-002',
      promoted: 'SHR-001',
    });
  });

  it('rejects a new booking past overflowLimit with a reason and issues no token', () => {
    const d = desk(rosterOf({ sharma: [1] }, { overflowLimit: 1 }));
    d.book('Seated');
    d.book('Waiting');
    const result = d.book('Turned away');
    expect(result).toMatchObject({ op: 'book', status: 'REJECTED', slot: '09:00-10:00' });
    expect(result).not.toHaveProperty('token');
    expect((result as { reason: string }).reason).toMatch(/overflow queue is at its limit of 1/);
    expect(d.day.tokens).toHaveLength(2);
  });

  it('lets displaced patients enter a queue already at overflowLimit', () => {
    const d = desk(rosterOf({ sharma: [1] }, { overflowLimit: 1 }));
    d.book('Seated');
    d.book('Waiting');
    expect(d.book('Ravi', 'emergency')).toMatchObject({ status: 'REALLOCATED', displaced: 'SHR-001' });
    expect(d.overflow()).toEqual(['SHR-001', 'SHR-002']);
  });

  it('lets rolled-forward patients enter a queue already at overflowLimit', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }, { overflowLimit: 1 }));
    d.book('A', 'walk-in', '09:00');
    d.book('B', 'walk-in', '09:00'); // waits for 09:00
    d.book('C', 'walk-in', '10:00');
    d.run({ op: 'clock', time: '10:00' }); // SHR-002 rolls to a full 10:00 slot: enters the queue anyway
    expect(d.status('SHR-002')).toBe('WAITLISTED');
    expect(d.overflow()).toEqual(['SHR-002']);
    expect(d.book('D', 'walk-in', '10:00')).toMatchObject({ status: 'REJECTED' });
  });

  it('with overflowLimit 0 every booking into a full slot is rejected', () => {
    const d = desk(rosterOf({ sharma: [1] }, { overflowLimit: 0 }));
    d.book('Seated');
    expect(d.book('Next')).toMatchObject({ status: 'REJECTED' });
  });
});

describe('rule 6: promotion', () => {
  it('refills a cancelled seat with the first overflow entry targeting that slot', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('A', 'walk-in', '09:00');
    d.book('B', 'walk-in', '10:00');
    d.book('Paid for ten', 'paid', '10:00'); // SHR-003 waits for 10:00, ahead in queue order
    d.book('Walker for nine', 'walk-in', '09:00'); // SHR-004 waits for 09:00
    expect(d.run({ op: 'cancel', token: 'SHR-001' })).toEqual({ op: 'cancel', status: 'CANCELLED', token: 'SHR-001', promoted: 'SHR-004' });
    expect(d.status('SHR-003')).toBe('WAITLISTED');
  });

  it('promotes in queue order: a higher priority before an earlier arrival', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Seated');
    d.book('Walker');
    d.book('Follow', 'follow-up');
    expect(d.run({ op: 'cancel', token: 'SHR-001' })).toMatchObject({ promoted: 'SHR-003' });
  });

  it('refills a no-show seat', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Seated');
    d.book('Waiting');
    expect(d.run({ op: 'no-show', token: 'SHR-001' })).toEqual({ op: 'no-show', status: 'NO_SHOW', token: 'SHR-001', promoted: 'SHR-002' });
    expect(d.status('SHR-001')).toBe('NO_SHOW');
    expect(d.status('SHR-002')).toBe('BOOKED');
  });

  it('cancelling a WAITLISTED token promotes nobody', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Seated');
    d.book('W1');
    d.book('W2');
    expect(d.run({ op: 'cancel', token: 'SHR-002' })).toEqual({ op: 'cancel', status: 'CANCELLED', token: 'SHR-002' });
    expect(d.seated('09')).toEqual(['SHR-001']);
    expect(d.overflow()).toEqual(['SHR-003']);
  });

  it('cancelling a seat in an overbooked slot frees no seat and promotes nobody', () => {
    const d = desk(rosterOf({ sharma: [1] }, { emergencyOverbook: 1 }));
    d.book('E1', 'emergency');
    d.book('E2', 'emergency'); // over capacity
    d.book('Walker'); // waits
    expect(d.run({ op: 'cancel', token: 'SHR-001' })).toEqual({ op: 'cancel', status: 'CANCELLED', token: 'SHR-001' });
    expect(d.overflow()).toEqual(['SHR-003']);
  });
});

describe('rule 7: no slot given', () => {
  it('sends an emergency to the earliest slot that has not ended, even if it is full', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('Walker', 'walk-in', '09:00');
    expect(d.book('Ravi', 'emergency')).toMatchObject({ status: 'REALLOCATED', slot: '09:00-10:00', displaced: 'SHR-001' });
  });

  it('sends anyone else to the earliest slot with a free seat', () => {
    const d = desk(rosterOf({ sharma: [1, 1, 1] }));
    d.book('A', 'walk-in', '09:00');
    d.book('C', 'walk-in', '11:00');
    expect(d.book('Paid', 'paid')).toMatchObject({ status: 'ALLOCATED', slot: '10:00-11:00' });
  });

  it('waits for the earliest open slot when every open slot is full', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('A', 'walk-in', '09:00');
    d.book('B', 'walk-in', '10:00');
    expect(d.book('C')).toMatchObject({ status: 'WAITLISTED', slot: '09:00-10:00', position: 1 });
  });

  it('skips slots that have ended', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.run({ op: 'clock', time: '10:00' });
    expect(d.book('Ravi', 'emergency')).toMatchObject({ slot: '10:00-11:00' });
    expect(d.book('Walker')).toMatchObject({ status: 'WAITLISTED', slot: '10:00-11:00' });
  });

  it('books into a slot that has started but not ended', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.run({ op: 'clock', time: '09:30' });
    expect(d.book('Walker')).toMatchObject({ status: 'ALLOCATED', slot: '09:00-10:00' });
  });
});
