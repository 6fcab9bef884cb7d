import { afterEach, describe, expect, it } from 'vitest';
import { findToken } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

/** Asha and Kiran seated at 09:00 with Dr. Sharma; the clock at 09:00. */
const twoSeated = [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'walk-in', '09:00'), { op: 'clock' as const, time: '09:00' }];

describe('keys at the counter', () => {
  it('i checks in the selected patient and says so', async () => {
    desk = deskAt(120, 40, twoSeated);
    await desk.press(KEYS.down);
    const frame = await desk.press('i', (f) => f.includes('checked in'));
    expect(frame).toContain('SHR-001 Asha Rao checked in');
    expect(findToken(desk.store.getState().day, 'SHR-001')!.checkedIn).not.toBeNull();
  });

  it('i on a slot row asks for a patient first and changes nothing', async () => {
    desk = deskAt(120, 40, twoSeated);
    const frame = await desk.press('i', (f) => f.includes('Select a patient first'));
    expect(frame).not.toContain('checked in');
    expect(findToken(desk.store.getState().day, 'SHR-001')!.checkedIn).toBeNull();
  });

  it("x calls the selected doctor's next checked-in patient", async () => {
    desk = deskAt(120, 40, [...twoSeated, { op: 'check-in', token: 'SHR-002' }]);
    const frame = await desk.press('x', (f) => f.includes('called in'));
    expect(frame).toContain('SHR-002 Kiran Shah called in (09:00-10:00)');
    expect(desk.store.getState().day.doctors[0]!.inConsultation?.id).toBe('SHR-002');
  });

  it('x with nobody checked in says so and changes nothing', async () => {
    desk = deskAt(120, 40, twoSeated);
    const frame = await desk.press('x', (f) => f.includes('nobody checked in'));
    expect(frame).toContain('nobody checked in is waiting for Dr. Sharma');
    expect(desk.store.getState().day.doctors[0]!.inConsultation).toBeNull();
  });

  it("d finishes the selected doctor's consultation", async () => {
    desk = deskAt(120, 40, [...twoSeated, { op: 'check-in', token: 'SHR-001' }, { op: 'call', doctor: 'sharma' }]);
    const frame = await desk.press('d', (f) => f.includes('completed'));
    expect(frame).toContain('SHR-001 Asha Rao completed');
    expect(findToken(desk.store.getState().day, 'SHR-001')!.status).toBe('COMPLETED');
  });

  it('d with no one in consultation says so', async () => {
    desk = deskAt(120, 40, twoSeated);
    const frame = await desk.press('d', (f) => f.includes('no one in consultation'));
    expect(frame).toContain('Dr. Sharma has no one in consultation');
  });
});

describe('undo', () => {
  it('u says what it will undo, asks, and y takes it back', async () => {
    desk = deskAt(120, 40, [...twoSeated, { op: 'check-in', token: 'SHR-002' }]);
    const d = desk;
    const question = await d.press('u', (f) => f.includes('Undo '));
    expect(question).toContain('Undo the check-in of SHR-002 Kiran Shah?');
    const board = await d.press('y', (f) => f.includes('undid'));
    expect(board).toContain('undid check-in SHR-002');
    expect(findToken(d.store.getState().day, 'SHR-002')!.checkedIn).toBeNull();
  });

  it('n at the undo question changes nothing', async () => {
    desk = deskAt(120, 40, [...twoSeated, { op: 'check-in', token: 'SHR-002' }]);
    await desk.press('u', (f) => f.includes('Undo the check-in'));
    await desk.press('n', (f) => !f.includes('Undo the check-in'));
    expect(findToken(desk.store.getState().day, 'SHR-002')!.checkedIn).not.toBeNull();
  });

  it('u with nothing to undo says so without asking', async () => {
    desk = deskAt(120, 40);
    const frame = await desk.press('u', (f) => f.includes('nothing to undo'));
    expect(frame).not.toContain('Undo ');
  });
});

describe("the doctor's column at the counter", () => {
  it('marks the patient in consultation with ▶ and checked-in waiting patients with ✓', async () => {
    desk = deskAt(120, 40, [...twoSeated, book('Dev Patel', 'walk-in', '10:00'), { op: 'check-in', token: 'SHR-001' }, { op: 'check-in', token: 'SHR-002' }]);
    const before = await desk.press(KEYS.down);
    expect(before).toContain('✓SHR-001 Asha Rao');
    expect(before).toContain('✓SHR-002 Kiran Shah');
    expect(before).not.toContain('▶');
    const called = await desk.press('x', (f) => f.includes('called in'));
    expect(called).toContain('▶SHR-001 Asha Rao');
    expect(called).toContain('✓SHR-002 Kiran Shah');
    expect(called).not.toContain('✓SHR-003');
    const finished = await desk.press('d', (f) => f.includes('completed'));
    expect(finished).not.toContain('▶');
    expect(finished).toContain('✓SHR-002 Kiran Shah');
  });
});

describe('a stale undo question', () => {
  it('closes itself when another command lands first, and undoes nothing', async () => {
    desk = deskAt(120, 40, [...twoSeated, { op: 'check-in', token: 'SHR-002' }]);
    const d = desk;
    await d.press('u', (f) => f.includes('Undo the check-in of SHR-002'));
    d.store.getState().dispatch({ op: 'check-in', token: 'SHR-001' });
    const frame = await d.waitFor((f) => f.includes('changed meanwhile'));
    expect(frame).not.toContain('Undo the check-in');
    const day = d.store.getState().day;
    expect(findToken(day, 'SHR-001')!.checkedIn).not.toBeNull();
    expect(findToken(day, 'SHR-002')!.checkedIn).not.toBeNull();
  });
});
