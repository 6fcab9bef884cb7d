/** What a booking does, as the desk showed it, and the choices when another desk changed it. */
import { describe, expect, it } from 'vitest';
import { bookingChange, shownPlacement, stillAsShown, type BookCommand } from '../../src/engine/index.js';
import { desk, rosterOf } from '../support/day.js';

const kiran = (slot?: string, source = 'walk-in'): BookCommand => ({
  op: 'book',
  doctor: 'sharma',
  patient: 'Kiran',
  source,
  ...(slot !== undefined && { slot }),
});

describe('a booking as the desk showed it', () => {
  it('still stands with one seat fewer free, not once the slot is full', () => {
    const d = desk(rosterOf({ sharma: [3, 4] }));
    const shown = shownPlacement(d.day, kiran('09:00'));
    expect(shown).toEqual({ slot: '09:00-10:00', kind: 'free', text: '3 free' });
    d.book('Asha', 'walk-in', '09:00');
    d.book('Dev', 'walk-in', '09:00');
    expect(stillAsShown(d.day, kiran('09:00'), shown)).toBe(true);
    d.book('Meena', 'walk-in', '09:00');
    expect(stillAsShown(d.day, kiran('09:00'), shown)).toBe(false);
  });

  it('Next available that moved to a later slot is a change, and the choices name it', () => {
    const d = desk(rosterOf({ sharma: [1, 4] }));
    const shown = shownPlacement(d.day, kiran());
    expect(shown.slot).toBe('09:00-10:00');
    d.book('Asha', 'walk-in', '09:00');
    expect(stillAsShown(d.day, kiran(), shown)).toBe(false);
    const change = bookingChange(d.day, kiran(), shown);
    expect(change.message).toBe('Next available changed at another desk meanwhile: it showed 09:00-10:00, 1 free, it is now 10:00-11:00, 4 free.');
    expect(change.options.map((o) => [o.label, o.command.slot])).toEqual([['book as it is now: 10:00-11:00 (4 free)', '10:00-11:00']]);
  });

  it('an emergency who would now displace someone else is asked about again', () => {
    const d = desk(rosterOf({ sharma: [2, 4] }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Dev', 'online', '09:00');
    const shown = shownPlacement(d.day, kiran('09:00', 'emergency'));
    expect(shown.text).toBe('full — will displace SHR-001 Asha');
    d.run({ op: 'cancel', token: 'SHR-001' });
    d.book('Meena', 'walk-in', '09:00');
    expect(stillAsShown(d.day, kiran('09:00', 'emergency'), shown)).toBe(false);
  });

  it('a slot that ended meanwhile offers only the next slot with a seat', () => {
    const d = desk(rosterOf({ sharma: [2, 4] }));
    const shown = shownPlacement(d.day, kiran('09:00'));
    d.run({ op: 'clock', time: '10:00' });
    const change = bookingChange(d.day, kiran('09:00'), shown);
    expect(change.options.map((o) => o.label)).toEqual(['the next slot with a seat: 10:00-11:00 (4 free)']);
  });
});
