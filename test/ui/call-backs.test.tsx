/** Call-backs: the day's unserved patients, with phones, in a list that stays on the desk. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/index.js';
import { rosterOf } from '../support/day.js';
import { deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const booking = (patient: string, phone?: string): Command => ({ op: 'book', doctor: 'sharma', patient, slot: '09:00', ...(phone && { phone }) });
/** One seat in Dr. Sharma's only slot: two wait for it and are left unserved when it closes. */
const day: Command[] = [booking('Asha Rao', '9845012345'), booking('Kiran Shah', '+91 98860-55555'), booking('Dev Patel'), { op: 'clock', time: '10:00' }];

describe('call-backs', () => {
  it('U lists the unserved patients with their phones, formatted; Esc goes back', async () => {
    desk = deskAt(120, 40, day, rosterOf({ sharma: [1] }));
    const frame = await desk.press('U', (f) => f.includes('Call back:'));
    expect(frame).toContain('Call back: 2 patients left unserved today');
    expect(frame).toMatch(/SHR-002 +Kiran Shah +098860 55555 +Dr\. Sharma +09:00-10:00/);
    expect(frame).toMatch(/SHR-003 +Dev Patel +no phone +Dr\. Sharma +09:00-10:00/);
    expect(frame).not.toContain('SHR-001 ');
    const board = await desk.press(KEYS.escape, (f) => !f.includes('Call back:'));
    expect(board).toContain('Dr. Sharma');
  });

  it('says when nobody is left unserved', async () => {
    desk = deskAt(80, 24);
    const frame = await desk.press('U', (f) => f.includes('Call back:'));
    expect(frame).toContain('Nobody has been left unserved so far.');
  });
});
