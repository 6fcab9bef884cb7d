/** `b`, `c` and `n` act on the selected patient or slot, never on another. */
import { afterEach, describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const spread = [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'walk-in', '10:00'), book('Nisha Jain', 'walk-in', '09:00', 'kapoor')];
const fullNine = ['Asha Rao', 'Kiran Shah', 'Dev Patel', 'Meena Iyer'].map((name) => book(name, 'walk-in', '09:00'));

describe('acting on the selection', () => {
  it('c starts on the selected patient: c, Enter, y cancels KAP-001, not SHR-001', async () => {
    desk = deskAt(120, 40, spread);
    await desk.press(KEYS.left);
    await desk.press(KEYS.down);
    const dialog = await desk.press('c', (f) => f.includes('Cancel a token'));
    expect(dialog).toMatch(/▸ KAP-001 Nisha Jain/);
    await desk.press(KEYS.enter, (f) => f.includes('Cancel KAP-001 Nisha Jain?'));
    await desk.press('y', (f) => f.includes('cancelled'));
    const day = desk.store.getState().day;
    expect(findToken(day, 'KAP-001')!.status).toBe('CANCELLED');
    expect(findToken(day, 'SHR-001')!.status).toBe('BOOKED');
  });

  it('b on a patient starts the slot list on that patient’s slot', async () => {
    desk = deskAt(120, 40, spread);
    await desk.press(KEYS.down); // 09:00: Asha
    await desk.press(KEYS.down); // 10:00
    await desk.press(KEYS.down); // 10:00: Kiran
    await desk.press('b', (f) => f.includes('Book a patient'));
    const frame = await desk.press(`Lata${KEYS.enter}${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Slot'));
    expect(frame).toMatch(/▸ Slot {3}10:00-11:00 {2}3 free/);
    expect(frame).toContain('❯ 10:00-11:00');
  });

  it('b on a full slot starts on Next available for a walk-in', async () => {
    desk = deskAt(120, 40, fullNine);
    await desk.press('b', (f) => f.includes('Book a patient'));
    const frame = await desk.press(`Sita${KEYS.enter}${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Slot'));
    expect(frame).toContain('❯ Next available: 10:00-11:00, 4 free');
  });

  it('after a booking, the next b starts on the same slot: a family books one after another', async () => {
    desk = deskAt(120, 40);
    await desk.press(KEYS.down); // 10:00
    await desk.press(`bAsha Rao${KEYS.enter.repeat(5)}`, (f) => f.includes('SHR-001 Asha Rao WALK_IN → 10:00-11:00'));
    await desk.press('b', (f) => f.includes('Book a patient'));
    const frame = await desk.press(`Ravi Rao${KEYS.enter.repeat(4)}`, (f) => f.includes('▸ Slot'));
    expect(frame).toContain('❯ 10:00-11:00');
  });
});
