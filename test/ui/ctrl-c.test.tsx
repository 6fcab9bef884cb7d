/** Ctrl+C asks to quit from every screen, as on the board; n comes back to the screen as it was. */
import { afterEach, describe, expect, it } from 'vitest';
import { book, deskAt, exitsOn, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

describe('Ctrl+C everywhere', () => {
  it('in the booking form asks to quit; n comes back to the form with what was typed', async () => {
    desk = deskAt(120, 40);
    await desk.press('b', (f) => f.includes('Book a patient'));
    await desk.press('Asha');
    const question = await desk.press(KEYS.ctrlC, (f) => f.includes('Quit opd-desk?'));
    expect(question).not.toContain('Book a patient');
    const form = await desk.press('n', (f) => f.includes('Book a patient'));
    expect(form).toContain('▸ Name   Asha');
    const next = await desk.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    expect(next).toContain('Name   Asha');
  });

  it('in the cancel dialog and in the help asks too, and a second Ctrl+C quits', async () => {
    desk = deskAt(120, 40, [book('Asha Rao')]);
    await desk.press('c', (f) => f.includes('Cancel a token'));
    await desk.press(KEYS.ctrlC, (f) => f.includes('Quit opd-desk?'));
    await desk.press(KEYS.escape, (f) => f.includes('Cancel a token'));
    await desk.press(KEYS.escape, (f) => !f.includes('Cancel a token'));
    await desk.press('?', (f) => f.includes('Keys'));
    await desk.press(KEYS.ctrlC, (f) => f.includes('Quit opd-desk?'));
    expect(await exitsOn(desk, KEYS.ctrlC)).toBe(true);
  });
});
