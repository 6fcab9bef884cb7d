import { describe, expect, it } from 'vitest';
import { findToken, parseSource, PRIORITY } from '../../src/engine/index.js';
import { desk, rosterOf } from '../support/day.js';

describe('sources and priorities (SPEC §1)', () => {
  it.each([
    ['emergency', 'EMERGENCY'],
    ['EMERGENCY', 'EMERGENCY'],
    ['paid', 'PAID'],
    ['Paid Priority', 'PAID'],
    ['paid_priority', 'PAID'],
    ['priority', 'PAID'],
    ['follow-up', 'FOLLOW_UP'],
    ['FOLLOW_UP', 'FOLLOW_UP'],
    ['followup', 'FOLLOW_UP'],
    ['online', 'ONLINE'],
    ['Online Booking', 'ONLINE'],
    ['walk-in', 'WALK_IN'],
    ['walk_in', 'WALK_IN'],
    ['WalkIn', 'WALK_IN'],
  ])('accepts the spelling %j as %s', (spelling, source) => {
    expect(parseSource(spelling)).toEqual({ source });
  });

  it('ranks emergency 1, paid 2, follow-up 3, online 4, walk-in 5', () => {
    expect(PRIORITY).toEqual({ EMERGENCY: 1, PAID: 2, FOLLOW_UP: 3, ONLINE: 4, WALK_IN: 5 });
  });

  it('books an unknown source as WALK_IN with a warning naming the source', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    const result = d.book('Asha', 'VIP');
    expect(result).toEqual({
      op: 'book',
      status: 'ALLOCATED',
      token: 'SHR-001',
      slot: '09:00-10:00',
      warning: 'unknown source "VIP" treated as WALK_IN',
    });
    expect(findToken(d.day, 'SHR-001')!.source).toBe('WALK_IN');
  });

  it('books a missing source as a walk-in without a warning', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    const result = d.run({ op: 'book', doctor: 'sharma', patient: 'Asha' });
    expect(result).toEqual({ op: 'book', status: 'ALLOCATED', token: 'SHR-001', slot: '09:00-10:00' });
    expect(findToken(d.day, 'SHR-001')!.source).toBe('WALK_IN');
  });
});

describe('tokens (SPEC §1)', () => {
  it('numbers tokens per doctor with the doctor code and three digits', () => {
    const d = desk(rosterOf({ sharma: [4], reddy: [4] }));
    expect(d.book('A')).toMatchObject({ token: 'SHR-001' });
    expect(d.run({ op: 'book', doctor: 'reddy', patient: 'B' })).toMatchObject({ token: 'RED-001' });
    expect(d.book('C')).toMatchObject({ token: 'SHR-002' });
  });

  it('never reuses a number, not even after a cancellation', () => {
    const d = desk(rosterOf({ sharma: [4] }));
    d.book('A');
    d.book('B');
    d.run({ op: 'cancel', token: 'SHR-002' });
    expect(d.book('C')).toMatchObject({ token: 'SHR-003' });
  });

  it('does not spend a number on an error or a rejected booking', () => {
    const d = desk(rosterOf({ sharma: [1] }, { overflowLimit: 0 }));
    d.book('A');
    expect(d.book('B').status).toBe('REJECTED');
    expect(d.book('', 'walk-in').status).toBe('ERROR');
    d.run({ op: 'cancel', token: 'SHR-001' });
    expect(d.book('C')).toMatchObject({ token: 'SHR-002' });
  });

  it('keeps counting past 999 with more digits', () => {
    const d = desk(rosterOf({ sharma: [1000] }));
    for (let i = 1; i < 1000; i++) d.book(`P${i}`);
    expect(d.book('Last')).toMatchObject({ token: 'SHR-1000' });
  });

  it('records arrival order at first issue and never changes it when displaced or rolled forward', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('Walker'); // SHR-001, arrival 0
    d.book('Emergency', 'emergency', '09:00'); // displaces SHR-001
    d.run({ op: 'clock', time: '10:00' }); // SHR-001 rolls forward to 10:00
    const walker = findToken(d.day, 'SHR-001')!;
    expect(walker.arrival).toBe(0);
    expect(walker.bumps).toBe(1);
    expect(walker.status).toBe('BOOKED');
    expect(walker.slot.label).toBe('10:00-11:00');
  });
});
