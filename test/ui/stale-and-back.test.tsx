/** Questions the day has overtaken close themselves; Esc in a list goes back one field; no form for a doctor whose day is over. */
import { afterEach, describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const seated = [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'walk-in', '09:00')];

describe('a question the day has overtaken', () => {
  it('no-show for a patient another desk cancelled meanwhile closes itself and says why', async () => {
    desk = deskAt(120, 40, seated);
    await desk.press(KEYS.down);
    await desk.press('n', (f) => f.includes('Mark SHR-001 Asha Rao as no-show?'));
    desk.dispatch({ op: 'cancel', token: 'SHR-001' });
    const frame = await desk.waitFor((f) => !f.includes('as no-show?'));
    expect(frame).toContain('SHR-001 Asha Rao is cancelled now: nothing was marked.');
    await desk.press('y');
    expect(findToken(desk.store.getState().day, 'SHR-001')!.status).toBe('CANCELLED');
  });

  it('a clock move another desk already made closes the question', async () => {
    desk = deskAt(120, 40, [{ op: 'clock', time: '09:00' }]);
    await desk.press('t', (f) => f.includes('Move the clock from 09:00 to 10:00?'));
    desk.dispatch({ op: 'clock', time: '10:00' });
    const frame = await desk.waitFor((f) => !f.includes('Move the clock'));
    expect(frame).toContain('The clock is at 10:00 now: nothing was changed.');
  });
});

describe('the booking form', () => {
  it('Esc in a list goes back one field and keeps the form', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press(`Asha${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Doctor'));
    const frame = await desk.press(KEYS.escape, (f) => f.includes('▸ Phone'));
    expect(frame).toContain('Book a patient');
    expect(frame).toContain('Name   Asha');
  });

  it('does not open for a doctor whose every slot has ended, and says so', async () => {
    desk = deskAt(120, 40, [{ op: 'clock', time: '17:00' }]);
    const frame = await desk.press('b', (f) => f.includes('has ended'));
    expect(frame).toContain('Every slot of Dr. Sharma has ended today.');
    expect(frame).not.toContain('Book a patient');
  });
});

describe('the source list', () => {
  const fullNine = ['Asha Rao', 'Kiran Shah', 'Dev Patel', 'Meena Iyer'].map((name) => book(name, 'walk-in', '09:00'));

  it('answers a source’s letter: e takes Emergency and moves on to the slot', async () => {
    desk = deskAt(120, 40, fullNine);
    await desk.press(`bRavi${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Source'));
    const frame = await desk.press('e', (f) => f.includes('▸ Slot'));
    expect(frame).toMatch(/Source Emergency/);
    expect(frame).toContain('❯ 09:00-10:00  full — will displace SHR-004 Meena Iyer');
  });

  it('moving through it updates the slot preview at once', async () => {
    desk = deskAt(120, 40, fullNine);
    await desk.press(`bRavi${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Source'));
    const frame = await desk.press(KEYS.up.repeat(4), (f) => f.includes('❯ Emergency'));
    expect(frame).toMatch(/Slot {3}Next available: 09:00-10:00, full — will displace SHR-004 Meena Iyer/);
  });
});

describe('the cancel question', () => {
  it('closes itself when another desk cancelled the token meanwhile, and says why', async () => {
    desk = deskAt(120, 40, seated);
    await desk.press('c');
    await desk.press(`kiran${KEYS.enter}`, (f) => f.includes('Cancel SHR-002 Kiran Shah?'));
    desk.dispatch({ op: 'cancel', token: 'SHR-002' });
    const frame = await desk.waitFor((f) => !f.includes('Cancel SHR-002 Kiran Shah?'));
    expect(frame).toContain('SHR-002 Kiran Shah is no longer booked or waiting (changed at another desk): nothing was cancelled.');
    expect(frame).toContain('Cancel a token');
  });
});
