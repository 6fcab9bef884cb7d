/** The cancel picker finds a patient by token, name or phone, and shows the phone. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/index.js';
import { deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const withPhone = (patient: string, phone: string, doctor = 'sharma'): Command => ({ op: 'book', doctor, patient, phone, slot: '09:00' });
const day = [withPhone('Asha Rao', '+91 98450-12345'), withPhone('Kiran Shah', '98860 55555'), withPhone('Dev Patel', '080 2222 3333', 'reddy')];

describe('finding a patient to cancel', () => {
  it('by phone, however it is written: 098450 12345 finds +91 98450-12345, shown formatted', async () => {
    desk = deskAt(120, 40, day);
    await desk.press('c', (f) => f.includes('Cancel a token'));
    const frame = await desk.press('098450 12345', (f) => f.includes('1 match '));
    expect(frame).toMatch(/SHR-001 Asha Rao +WLK {2}098450 12345 +Dr\. Sharma 09:00-10:00 seated/);
    await desk.press(`${KEYS.enter}y`, (f) => f.includes('cancelled'));
    expect(desk.store.getState().day.tokens[0]!.status).toBe('CANCELLED');
  });

  it('by part of a phone, by name and by token', async () => {
    desk = deskAt(120, 40, day);
    await desk.press('c', (f) => f.includes('Cancel a token'));
    let frame = await desk.press('55555', (f) => f.includes('1 match '));
    expect(frame).toContain('SHR-002 Kiran Shah');
    frame = await desk.press('\u007F'.repeat(5) + 'patel', (f) => f.includes('1 match ') && f.includes('Dev Patel'));
    expect(frame).toContain('RED-001 Dev Patel');
    frame = await desk.press('\u007F'.repeat(5) + 'shr2', (f) => f.includes('1 match ') && f.includes('Kiran'));
    expect(frame).toContain('SHR-002 Kiran Shah');
  });
});
