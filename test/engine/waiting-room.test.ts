/** The waiting room's view (the lobby board and the server's display feed): token ids, counts, who is away. */
import { describe, expect, it } from 'vitest';
import { waitingRoomOf, type Roster } from '../../src/engine/index.js';
import { desk } from '../support/day.js';

/** Dr. Sharma sees 09:00-10:00 and, after a break, 11:00-12:00. */
const withBreak: Roster = {
  doctors: [
    {
      id: 'sharma',
      name: 'Dr. Sharma',
      code: 'SHR',
      slots: [
        { start: '09:00', end: '10:00', capacity: 4 },
        { start: '11:00', end: '12:00', capacity: 4 },
      ],
    },
  ],
};

describe('the waiting room', () => {
  it('shows the token in consultation, the next three checked in in call order, and how many wait; ids only', () => {
    const d = desk(withBreak);
    for (const patient of ['Asha', 'Ravi', 'Meena', 'Kiran', 'Dev']) d.book(patient, 'walk-in', '11:00', { phone: '98450 12345' });
    for (const token of ['SHR-002', 'SHR-001', 'SHR-003', 'SHR-004']) d.run({ op: 'check-in', token });
    d.run({ op: 'clock', time: '11:00' });
    d.run({ op: 'call', doctor: 'sharma' });
    const room = waitingRoomOf(d.day);
    expect(room).toEqual({
      clock: '11:00',
      doctors: [{ id: 'sharma', code: 'SHR', name: 'Dr. Sharma', now: 'SHR-001', next: ['SHR-002', 'SHR-003', 'SHR-004'], waiting: 3, away: false }],
    });
    expect(JSON.stringify(room)).not.toMatch(/Asha|Ravi|98450/);
  });

  it('a doctor is away while the clock is in a slot marked away', () => {
    const d = desk(withBreak);
    d.run({ op: 'absent', doctor: 'sharma', from: '09:00', to: '10:00' });
    d.run({ op: 'clock', time: '09:30' });
    expect(waitingRoomOf(d.day).doctors[0]!.away).toBe(true);
  });

  it('between slots, a doctor is away when the next slot is marked away, and not for an away slot already past', () => {
    const d = desk(withBreak);
    d.run({ op: 'absent', doctor: 'sharma', from: '11:00', to: '12:00' });
    d.run({ op: 'clock', time: '10:15' });
    expect(waitingRoomOf(d.day).doctors[0]!.away).toBe(true);
    const past = desk(withBreak);
    past.run({ op: 'absent', doctor: 'sharma', from: '09:00', to: '10:00' });
    past.run({ op: 'clock', time: '10:15' });
    expect(waitingRoomOf(past.day).doctors[0]!.away).toBe(false);
  });
});
