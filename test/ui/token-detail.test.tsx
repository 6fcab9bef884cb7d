/** The token detail (Enter on a patient): history from the day's log, phone, source, expected time. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const day: Command[] = [
  { op: 'book', doctor: 'sharma', patient: 'Asha Rao', source: 'walk-in', slot: '09:00', phone: '098450 12345' },
  book('Kiran Shah', 'walk-in', '09:00'),
  book('Dev Patel', 'online', '09:00'),
  book('Meena Iyer', 'walk-in', '09:00'),
  book('Ravi Kumar', 'emergency', '09:00'),
  { op: 'clock', time: '08:40' },
  { op: 'check-in', token: 'SHR-004' },
];

describe('the token detail', () => {
  it('Enter on a patient shows who, where, phone, source, expected time and the history; Esc goes back', async () => {
    desk = deskAt(120, 40, day);
    // The cursor starts on the 09:00 slot; down: Ravi, Dev, Asha.
    await desk.press(KEYS.down + KEYS.down + KEYS.down);
    const frame = await desk.press(KEYS.enter, (f) => f.includes('History'));
    expect(frame).toContain('SHR-001 Asha Rao · Dr. Sharma · 09:00-10:00 · BOOKED');
    expect(frame).toContain('source Walk-in · phone 098450 12345');
    // Ravi, Dev ahead of her at 15 minutes each.
    expect(frame).toContain('expected about 09:30 · not checked in');
    expect(frame).toContain('08:00 #1 SHR-001 Asha Rao booked into 09:00-10:00');
    expect(frame).toMatchSnapshot();
    const back = await desk.press(KEYS.escape, (f) => !f.includes('History'));
    expect(back).toContain('Dr. Reddy');
  });

  it('tells a displaced patient who displaced them and when they checked in', async () => {
    desk = deskAt(120, 40, day);
    // Meena waits in overflow: the last row of the column.
    await desk.press(KEYS.down.repeat(20));
    const frame = await desk.press(KEYS.enter, (f) => f.includes('History'));
    expect(frame).toContain('SHR-004 Meena Iyer · Dr. Sharma · 09:00-10:00 · WAITLISTED');
    expect(frame).toContain('phone none given');
    expect(frame).toContain('checked in 08:40');
    expect(frame).toContain('08:00 #5 SHR-004 Meena Iyer displaced from 09:00-10:00 by SHR-005 Ravi Kumar');
    expect(frame).toContain('08:40 #7 SHR-004 Meena Iyer checked in');
  });

  it('keeps up with the day while open: a promotion shows at once', async () => {
    desk = deskAt(120, 40, day);
    await desk.press(KEYS.down.repeat(20));
    await desk.press(KEYS.enter, (f) => f.includes('History'));
    desk.dispatch({ op: 'cancel', token: 'SHR-002' });
    const frame = await desk.waitFor((f) => f.includes('promoted'));
    expect(frame).toContain('08:40 #8 SHR-004 Meena Iyer promoted into 09:00-10:00');
    expect(frame).toContain('· BOOKED');
  });

  it('Enter on a slot row says to select a patient and opens nothing', async () => {
    desk = deskAt(120, 40, day);
    const frame = await desk.press(KEYS.enter, (f) => f.includes('Select a patient first'));
    expect(frame).not.toContain('History');
  });

  it('a long history shows its newest lines; ↑ scrolls back to the booking, within 80x24', async () => {
    const busy: Command[] = [book('Asha Rao', 'walk-in', '09:00')];
    for (let i = 0; i < 20; i++) busy.push({ op: 'move', token: 'SHR-001', slot: i % 2 === 0 ? '10:00' : '09:00' });
    desk = deskAt(80, 24, busy);
    await desk.press(KEYS.down);
    const frame = await desk.press(KEYS.enter, (f) => f.includes('History'));
    expect(frame).toContain('earlier (↑ scrolls)');
    expect(frame).not.toContain('#1 SHR-001 Asha Rao booked');
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const scrolled = await desk.press(KEYS.up.repeat(40), (f) => f.includes('#1 SHR-001 Asha Rao booked'));
    expect(scrolled).not.toContain('earlier');
    // Scrolled back as far as it goes, one ↓ comes forward again at once.
    const forward = await desk.press(KEYS.down, (f) => !f.includes('#1 SHR-001 Asha Rao booked'));
    expect(forward).toContain('earlier (↑ scrolls)');
  });
});
