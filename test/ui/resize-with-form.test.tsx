/** A resize with a form, a dialog or the help open redraws the whole frame at the new size. */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { busyDay, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

/** The frame fills the new size exactly as a box drawn for it: one row short, its border as wide as the terminal. */
function expectWhole(frame: string, columns: number, rows: number, inside: string[]) {
  const lines = frame.split('\n');
  expect(lines.length).toBe(rows - 1);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  const top = lines.findIndex((line) => line.startsWith('╭'));
  const bottom = lines.findIndex((line) => line.startsWith('╰'));
  expect(lines[top]).toBe(`╭${'─'.repeat(columns - 2)}╮`);
  expect(lines[bottom]).toBe(`╰${'─'.repeat(columns - 2)}╯`);
  for (const line of lines.slice(top + 1, bottom)) {
    expect(line.startsWith('│') && line.endsWith('│'), line).toBe(true);
    expect(stringWidth(line)).toBe(columns);
  }
  const box = lines.slice(top, bottom + 1).join('\n');
  for (const text of inside) expect(box).toContain(text);
}

const resized = (d: DeskOnScreen, columns: number, rows: number, text: string) => {
  d.resize(columns, rows);
  return d.waitFor((f) => f.split('\n').length === rows - 1 && f.includes(`╭${'─'.repeat(columns - 2)}╮`) && f.includes(text));
};

describe('a resize with a form open', () => {
  it('redraws the booking form whole at 80x24 and back at 120x40, the typed name kept', async () => {
    desk = deskAt(120, 40, busyDay);
    await desk.press('b');
    await desk.press('Priya', (f) => f.includes('Name   Priya'));
    const fields = ['Book a patient', 'Name   Priya', 'Phone', 'Doctor Dr. Sharma', 'Source Walk-in', 'Slot'];
    expectWhole(await resized(desk, 80, 24, 'Name   Priya'), 80, 24, fields);
    expectWhole(await resized(desk, 120, 40, 'Name   Priya'), 120, 40, fields);
    // Still the same form: it goes on to the phone.
    expect(await desk.press(KEYS.enter, (f) => f.includes('▸ Phone'))).toContain('Name   Priya');
  });

  it('redraws the move form whole at 80x24 and back', async () => {
    desk = deskAt(120, 40, busyDay);
    await desk.press(KEYS.down);
    await desk.press(KEYS.down);
    await desk.press('m', (f) => f.includes('Move a patient'));
    expectWhole(await resized(desk, 80, 24, 'Move a patient'), 80, 24, ['Move a patient', 'Patient SHR-', 'Doctor  Dr. Sharma', 'Slot']);
    expectWhole(await resized(desk, 120, 40, 'Move a patient'), 120, 40, ['Move a patient', 'Patient SHR-', 'Doctor  Dr. Sharma', 'Slot']);
  });

  it('redraws the help whole at 80x24, 60x20 and back', async () => {
    desk = deskAt(120, 40, busyDay);
    await desk.press('?', (f) => f.includes('book a patient'));
    // At 80x24 the help has no border (one key a line, the chips on its title line).
    desk.resize(80, 24);
    const small = await desk.waitFor((f) => f.split('\n').length === 23 && f.includes('Keys  EMR'));
    expect(small.split('\n')).toHaveLength(23);
    for (const line of small.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    for (const text of ['Keys  EMR PAY F/U ONL WLK', 'b ', 'q ', 'back out of a form, dialog or this help']) expect(small).toContain(text);
    expectWhole(await resized(desk, 60, 20, 'book a patient'), 60, 20, ['b ', 'q ', 'EMR PAY F/U ONL WLK']);
    expectWhole(await resized(desk, 120, 40, 'book a patient'), 120, 40, ['Keys', 'quit (asks first)']);
  });
});
