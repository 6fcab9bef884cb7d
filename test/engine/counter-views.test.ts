/** The counter's views: who waits (in call order, how long, who is overdue) and expected times. */
import { describe, expect, it } from 'vitest';
import { expectedTime, findToken, formatPhone, formatTime, waitingList, type Day } from '../../src/engine/index.js';
import { parseRoster } from '../../src/schema/roster.js';
import { desk, rosterOf } from '../support/day.js';

const ids = (day: Day, doctor = 0) => {
  const list = waitingList(day, day.doctors[doctor]!);
  return { consulting: list.consulting?.token.id ?? null, queue: list.queue.map((w) => `${w.token.id} ${w.minutes}${w.overdue ? '!' : ''}`) };
};
const expected = (day: Day, token: string) => {
  const at = expectedTime(day, findToken(day, token)!);
  return at === null ? null : formatTime(at);
};

describe('waiting list', () => {
  it('lists checked-in patients in call order (slot time, then service order) with minutes since check-in', () => {
    const d = desk(rosterOf({ sharma: [3, 3] }));
    d.book('Asha', 'walk-in', '10:00');
    d.book('Ravi', 'walk-in', '09:00');
    d.book('Dev', 'online', '09:00');
    d.book('Lata', 'paid', '09:00');
    d.run({ op: 'clock', time: '08:30' });
    d.run({ op: 'check-in', token: 'SHR-001' });
    d.run({ op: 'check-in', token: 'SHR-002' });
    d.run({ op: 'clock', time: '08:40' });
    d.run({ op: 'check-in', token: 'SHR-003' });
    d.run({ op: 'clock', time: '08:50' });
    // Lata (paid) is not checked in, so not listed; Dev (online) is served before Ravi (walk-in).
    expect(ids(d.day)).toEqual({ consulting: null, queue: ['SHR-003 10', 'SHR-002 20', 'SHR-001 20'] });
  });

  it('shows the patient in consultation apart, with minutes since the call', () => {
    const d = desk(rosterOf({ sharma: [3] }));
    d.book('Asha');
    d.book('Ravi');
    d.run({ op: 'check-in', token: 'SHR-001' });
    d.run({ op: 'check-in', token: 'SHR-002' });
    d.run({ op: 'clock', time: '09:00' });
    d.run({ op: 'call', doctor: 'sharma' });
    d.run({ op: 'clock', time: '09:07' });
    const list = waitingList(d.day, d.day.doctors[0]!);
    expect(list.consulting?.token.id).toBe('SHR-001');
    expect(list.consulting?.minutes).toBe(7);
    expect(ids(d.day).queue).toEqual(['SHR-002 67!']);
  });

  it('marks overdue only past waitAlertMinutes (default 30), and the roster may change it', () => {
    const d = desk(rosterOf({ sharma: [3] }));
    d.book('Asha');
    d.run({ op: 'check-in', token: 'SHR-001' });
    d.run({ op: 'clock', time: '08:30' });
    expect(ids(d.day).queue).toEqual(['SHR-001 30']);
    d.run({ op: 'clock', time: '08:31' });
    expect(ids(d.day).queue).toEqual(['SHR-001 31!']);

    const strict = desk({ ...rosterOf({ sharma: [3] }), waitAlertMinutes: 10 });
    strict.book('Asha');
    strict.run({ op: 'check-in', token: 'SHR-001' });
    strict.run({ op: 'clock', time: '08:11' });
    expect(ids(strict.day).queue).toEqual(['SHR-001 11!']);
  });
});

describe('expected time', () => {
  it('is the slot start plus one consultation (slot length ÷ seats) per patient seated ahead', () => {
    const d = desk(rosterOf({ sharma: [4, 4] }));
    d.book('Asha', 'walk-in', '10:00');
    d.book('Ravi', 'walk-in', '10:00');
    d.book('Dev', 'online', '10:00');
    // Service order: Dev (online), Asha, Ravi; 60 ÷ 4 = 15 minutes each.
    expect([expected(d.day, 'SHR-003'), expected(d.day, 'SHR-001'), expected(d.day, 'SHR-002')]).toEqual(['10:00', '10:15', '10:30']);
  });

  it('starts from the clock once the slot has begun, and from the end of the consultation under way', () => {
    const d = desk(rosterOf({ sharma: [4] }));
    d.book('Asha');
    d.book('Ravi');
    d.book('Dev');
    d.run({ op: 'clock', time: '09:20' });
    expect(expected(d.day, 'SHR-001')).toBe('09:20');
    d.run({ op: 'call', token: 'SHR-001' });
    d.run({ op: 'clock', time: '09:25' });
    // Asha called at 09:20: the doctor is free at 09:35; Ravi is next, Dev one consultation later.
    expect([expected(d.day, 'SHR-002'), expected(d.day, 'SHR-003')]).toEqual(['09:35', '09:50']);
    d.run({ op: 'clock', time: '09:40' });
    expect(expected(d.day, 'SHR-002')).toBe('09:40');
  });

  it('counts only patients ahead who have not been called, and uses the roster consultMinutes when set', () => {
    const d = desk({ ...rosterOf({ sharma: [4] }), consultMinutes: 8 });
    d.book('Asha');
    d.book('Ravi');
    d.book('Dev');
    d.run({ op: 'clock', time: '09:00' });
    d.run({ op: 'call', token: 'SHR-002' });
    // Ravi in consultation until 09:08; Asha is ahead of Dev and not yet called.
    expect([expected(d.day, 'SHR-001'), expected(d.day, 'SHR-003')]).toEqual(['09:08', '09:16']);
  });

  it('has no expected time for a waiting, called or finished token', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Asha');
    d.book('Ravi');
    d.run({ op: 'call', token: 'SHR-001' });
    expect([expected(d.day, 'SHR-001'), expected(d.day, 'SHR-002')]).toEqual([null, null]);
    d.run({ op: 'cancel', token: 'SHR-002' });
    expect(expected(d.day, 'SHR-002')).toBeNull();
  });

  it('rounds a fractional consultation up to the minute', () => {
    const d = desk(rosterOf({ sharma: [7] }));
    d.book('Asha');
    d.book('Ravi');
    // 60 ÷ 7 = 8.57 minutes: 09:09.
    expect(expected(d.day, 'SHR-002')).toBe('09:09');
  });
});

describe('roster keys and phones', () => {
  it('accepts waitAlertMinutes and consultMinutes, and names a bad one', () => {
    const base = rosterOf({ sharma: [2] });
    expect(parseRoster({ ...base, waitAlertMinutes: 20, consultMinutes: 7.5 }).ok).toBe(true);
    expect(parseRoster({ ...base, waitAlertMinutes: 0 })).toEqual({ ok: false, error: expect.stringContaining('waitAlertMinutes') });
    expect(parseRoster({ ...base, consultMinutes: 'ten' })).toEqual({ ok: false, error: expect.stringContaining('consultMinutes') });
  });

  it('formats a phone for reading back; one it cannot read stays as written', () => {
    expect(formatPhone('9845012345', 'IN')).toBe('098450 12345');
    expect(formatPhone('98450', 'IN')).toBe('98450');
  });
});
