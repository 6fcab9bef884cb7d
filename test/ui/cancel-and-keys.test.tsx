import { afterEach, describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

/** 09:00 full (Asha, Kiran, Dev, Meena), Sita waiting for it. */
const fullWithWaiting = [
  book('Asha Rao', 'walk-in', '09:00'),
  book('Kiran Shah', 'walk-in', '09:00'),
  book('Dev Patel', 'online', '09:00'),
  book('Meena Iyer', 'walk-in', '09:00'),
  book('Sita Ram', 'walk-in', '09:00'),
];

describe('cancelling', () => {
  it('filters as you type, asks, and names the promoted patient', async () => {
    desk = deskAt(120, 40, fullWithWaiting);
    const d = desk;
    const all = await d.press('c', (f) => f.includes('Cancel a token'));
    expect(all).toContain('5 matches');
    const filtered = await d.press('kir', (f) => f.includes('1 match '));
    expect(filtered).toMatch(/▸ SHR-002 Kiran Shah +WLK {2}Dr\. Sharma 09:00-10:00 seated/);
    expect(filtered).toMatchSnapshot('filter');
    const confirm = await d.press(KEYS.enter, (f) => f.includes('Cancel SHR-002 Kiran Shah?'));
    expect(confirm).toMatchSnapshot('confirm');
    const board = await d.press('y', (f) => f.includes('cancelled'));
    expect(board).toContain('SHR-002 Kiran Shah cancelled; SHR-005 Sita Ram promoted into the seat');
    const day = d.store.getState().day;
    expect(findToken(day, 'SHR-002')!.status).toBe('CANCELLED');
    expect(findToken(day, 'SHR-005')!.status).toBe('BOOKED');
  });

  it('finds a token by its number, however it is typed', async () => {
    desk = deskAt(120, 40, fullWithWaiting);
    await desk.press('c');
    const frame = await desk.press('shr4', (f) => f.includes('1 match '));
    expect(frame).toContain('SHR-004 Meena Iyer');
  });

  it('n at the question keeps the token, Esc backs out of the dialog', async () => {
    desk = deskAt(120, 40, fullWithWaiting);
    await desk.press('c');
    await desk.press('asha');
    await desk.press(KEYS.enter, (f) => f.includes('Cancel SHR-001 Asha Rao?'));
    await desk.press('n', (f) => f.includes('Cancel a token'));
    await desk.press(KEYS.escape, (f) => !f.includes('Cancel a token'));
    expect(findToken(desk.store.getState().day, 'SHR-001')!.status).toBe('BOOKED');
  });

  it('cancelling a waiting patient promotes nobody', async () => {
    desk = deskAt(120, 40, fullWithWaiting);
    await desk.press('c');
    await desk.press('sita');
    await desk.press(KEYS.enter, (f) => f.includes('Waiting for 09:00-10:00'));
    const board = await desk.press('y', (f) => f.includes('cancelled'));
    expect(board).toContain('SHR-005 Sita Ram cancelled');
    expect(board).not.toContain('promoted');
  });
});

describe('keys on the board', () => {
  it('↓ moves the cursor onto patients, n asks and marks a no-show, promoting the next in line', async () => {
    desk = deskAt(120, 40, fullWithWaiting);
    const d = desk;
    await d.press(KEYS.down);
    const question = await d.press('n', (f) => f.includes('as no-show?'));
    expect(question).toContain('Mark SHR-003 Dev Patel as no-show?');
    const board = await d.press('y', (f) => f.includes('no-show;'));
    expect(board).toContain('SHR-003 Dev Patel marked no-show; SHR-005 Sita Ram promoted into the seat');
    expect(findToken(d.store.getState().day, 'SHR-003')!.status).toBe('NO_SHOW');
  });

  it('n on a slot row asks for a patient first and changes nothing', async () => {
    desk = deskAt(120, 40, fullWithWaiting);
    const frame = await desk.press('n', (f) => f.includes('Select a seated patient first'));
    expect(frame).not.toContain('no-show?');
  });

  it('t asks, then moves the clock to the next slot boundary and closes the slot', async () => {
    desk = deskAt(120, 40, [...fullWithWaiting, { op: 'clock', time: '09:00' }]);
    const d = desk;
    expect(await d.press('t', (f) => f.includes('Move the clock'))).toContain('Move the clock from 09:00 to 10:00?');
    const board = await d.press('y', (f) => f.includes(' 10:00 '));
    expect(board).toContain('09:00-10:00 ended · 4 seen');
    expect(board).toMatch(/10:00-11:00 ■□□□ 1\/4 ◀ now/);
    expect(findToken(d.store.getState().day, 'SHR-005')).toMatchObject({ status: 'BOOKED' });
  });

  it('q asks before quitting; n stays', async () => {
    desk = deskAt(120, 40);
    const question = await desk.press('q', (f) => f.includes('Quit opd-desk?'));
    expect(question).toContain('This day is kept in memory only.');
    const board = await desk.press('n', (f) => !f.includes('Quit opd-desk?'));
    expect(board).toContain('Dr. Sharma');
  });

  it('Ctrl+C asks too, and a second Ctrl+C quits', async () => {
    desk = deskAt(120, 40);
    await desk.press(KEYS.ctrlC, (f) => f.includes('Quit opd-desk?'));
    let exited = false;
    const done = desk.waitUntilExit().then(() => (exited = true));
    await desk.press(KEYS.ctrlC);
    await done;
    expect(exited).toBe(true);
  });
});
