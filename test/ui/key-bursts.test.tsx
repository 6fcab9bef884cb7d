/**
 * Keys that arrive together (a paste, an SSH session, a busy PC) are each handled, in order,
 * exactly as the same keys typed one at a time.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const BACKSPACE = '\u007F';
const full = [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'walk-in', '09:00'), book('Dev Patel', 'online', '09:00')];

describe('keys that arrive together', () => {
  it('Backspace and a letter in one burst edit the name: Asha, Backspace, X books AshX', async () => {
    desk = deskAt(120, 40);
    await desk.press('b', (f) => f.includes('Book a patient'));
    await desk.press(`Asha${BACKSPACE}X`);
    const frame = await desk.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    expect(frame).toContain('Name   AshX');
  });

  it('Backspace and a digit in the phone keep the cursor in step with the text', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press(`Asha${KEYS.enter}`, (f) => f.includes('▸ Phone'));
    await desk.press(`98450${BACKSPACE}7`);
    await desk.press('1');
    const frame = await desk.press(KEYS.enter, (f) => f.includes('▸ Doctor'));
    expect(frame).toContain('Phone  984571');
  });

  it('Tab Tab in the name field moves two fields and never types a tab', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press('Asha');
    const frame = await desk.press(`${KEYS.tab}${KEYS.tab}`, (f) => f.includes('▸ Doctor'));
    expect(frame).toContain('Name   Asha ');
    expect(frame).not.toContain('\t');
  });

  it('Up four times in one burst moves four rows in a list', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press(`Asha${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Source'));
    const frame = await desk.press(KEYS.up.repeat(4), (f) => f.includes('❯ Emergency'));
    expect(frame).toContain('❯ Emergency');
  });

  it('a whole booking typed in one burst books it: b, the name, Enter x5', async () => {
    desk = deskAt(120, 40);
    const board = await desk.press(`bMeena Iyer${KEYS.enter.repeat(5)}`, (f) => f.includes('SHR-001'));
    expect(board).toContain('SHR-001 Meena Iyer WALK_IN → 09:00-10:00');
    expect(desk.store.getState().day.tokens).toHaveLength(1);
  });

  it('two whole bookings typed in one burst book both, each once', async () => {
    desk = deskAt(120, 40);
    await desk.press(`bKiran${KEYS.enter.repeat(5)}bDev${KEYS.enter.repeat(5)}`, (f) => f.includes('SHR-002'));
    const patients = desk.store.getState().day.tokens.map((token) => `${token.id} ${token.patient}`);
    expect(patients).toEqual(['SHR-001 Kiran', 'SHR-002 Dev']);
    expect(desk.frame()).not.toContain('Book a patient');
  });

  it('t then y together move the clock; q then n together stay', async () => {
    desk = deskAt(120, 40, [{ op: 'clock', time: '09:00' }]);
    const board = await desk.press('ty', (f) => f.includes('09:00-10:00 ended'));
    expect(board).not.toContain('Move the clock');
    const still = await desk.press('qn', (f) => !f.includes('Quit opd-desk?'));
    expect(still).toContain('Dr. Sharma');
  });

  it('c, a name, Enter and y in one burst cancel that patient', async () => {
    desk = deskAt(120, 40, full);
    const board = await desk.press(`ckiran${KEYS.enter}y`, (f) => f.includes('cancelled'));
    expect(board).toContain('SHR-002 Kiran Shah cancelled');
  });

  it('control characters never enter a text field', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press('As\u0007h\u0001a');
    const frame = await desk.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    expect(frame).toContain('Name   Asha');
  });

  it('escape sequences pasted into a name (a title change, a colour) neither crash the desk nor enter the field', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press('Inj1 \u001b]0;pwned\u0007\u001b[31mRED');
    const frame = await desk.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    expect(frame).toMatch(/Name {3}Inj1 \S*RED/);
    expect(desk.rawFrame()).not.toContain('\u001b]0;');
  });
});

describe('Esc twice in one burst', () => {
  it('is two Escs, as typed one at a time (not Alt+Esc): from the away question back past To to From', async () => {
    const oneByOne = deskAt(120, 40, full);
    desk = deskAt(120, 40, full);
    try {
      for (const screen of [oneByOne, desk]) {
        await screen.press('a', (f) => f.includes('A doctor is away'));
        await screen.press(`${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('rebook them?'));
      }
      await oneByOne.press(KEYS.escape, (f) => f.includes('▸ To'));
      await oneByOne.press(KEYS.escape, (f) => f.includes('▸ From'));
      const frame = await desk.press(`${KEYS.escape}${KEYS.escape}`, (f) => f.includes('▸ From'));
      expect(frame).toBe(oneByOne.frame());
    } finally {
      oneByOne.unmount();
    }
  });
});

// Keys of the booking form and the board; Esc is left out: a lone Esc at the end of a chunk
// is, by the terminal's own rules, the start of an escape sequence until a pause follows.
const KEY = fc.constantFrom('a', 'B', '7', ' ', BACKSPACE, KEYS.enter, KEYS.tab, KEYS.shiftTab, KEYS.up, KEYS.down, KEYS.left, KEYS.right, 'b', 'c', '1', '5');

describe('any keys, in any chunks', () => {
  it('whole bookings and cancellations typed one after another give the same day in any chunks as one key at a time', async () => {
    // Each step as its keys (an arrow is one key of three characters).
    const booking = fc
      .tuple(fc.constantFrom('Asha', 'Ravi', 'Meena'), fc.constantFrom([], [KEYS.down]))
      .map(([name, slot]) => ['b', ...name, ...Array<string>(4).fill(KEYS.enter), ...slot, KEYS.enter]);
    const cancel = fc.constantFrom('shr1', 'shr2').map((token) => ['c', ...token, KEYS.enter, 'y']);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(booking, booking, cancel), { minLength: 2, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 20, maxLength: 20 }),
        async (steps, sizes) => {
          const keys = steps.flat();
          const oneByOne = deskAt(100, 30);
          const chunked = deskAt(100, 30);
          try {
            for (const key of keys) await oneByOne.press(key);
            for (let at = 0, i = 0; at < keys.length; i++) {
              const size = sizes[i % sizes.length]!;
              await chunked.press(keys.slice(at, at + size).join(''));
              at += size;
            }
            expect(snapshot(chunked.store.getState().day)).toBe(snapshot(oneByOne.store.getState().day));
            expect(chunked.frame()).toBe(oneByOne.frame());
          } finally {
            oneByOne.unmount();
            chunked.unmount();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('give the same screen and the same day as the same keys one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(KEY, { minLength: 1, maxLength: 14 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 14, maxLength: 14 }),
        async (keys, sizes) => {
          const oneByOne = deskAt(100, 30, full);
          const chunked = deskAt(100, 30, full);
          try {
            await oneByOne.press('b');
            for (const key of keys) await oneByOne.press(key);
            await chunked.press('b');
            for (let at = 0, i = 0; at < keys.length; i++) {
              const size = sizes[i % sizes.length]!;
              await chunked.press(keys.slice(at, at + size).join(''));
              at += size;
            }
            expect(chunked.frame()).toBe(oneByOne.frame());
            expect(snapshot(chunked.store.getState().day)).toBe(snapshot(oneByOne.store.getState().day));
          } finally {
            oneByOne.unmount();
            chunked.unmount();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
