import { afterEach, describe, expect, it } from 'vitest';
import { findToken, overflowQueue } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const fullNine = [
  book('Asha Rao', 'walk-in', '09:00'),
  book('Kiran Shah', 'walk-in', '09:00'),
  book('Dev Patel', 'online', '09:00'),
  book('Meena Iyer', 'walk-in', '09:00'),
];

describe('the booking form', () => {
  it('walks through name, phone, doctor, source and slot, snapshotting each step', async () => {
    desk = deskAt(120, 40);
    const d = desk;
    expect(await d.press('b', (f) => f.includes('Book a patient'))).toMatchSnapshot('1 name');
    await d.press('Asha Rao');
    expect(await d.press(KEYS.enter, (f) => f.includes('▸ Phone'))).toMatchSnapshot('2 phone');
    await d.press('98450 12345');
    expect(await d.press(KEYS.enter, (f) => f.includes('▸ Doctor'))).toMatchSnapshot('3 doctor');
    expect(await d.press(KEYS.enter, (f) => f.includes('▸ Source'))).toMatchSnapshot('4 source');
    expect(await d.press(KEYS.enter, (f) => f.includes('▸ Slot'))).toMatchSnapshot('5 slot');
    const board = await d.press(KEYS.enter, (f) => !f.includes('Book a patient'));
    const day = d.store.getState().day;
    expect(day.tokens).toHaveLength(1);
    expect(findToken(day, 'SHR-001')).toMatchObject({ patient: 'Asha Rao', phone: '9845012345', source: 'WALK_IN', status: 'BOOKED' });
    expect(board).toContain('SHR-001 Asha Rao WALK_IN → 09:00-10:00');
    expect(board).toMatch(/SHR-001 Asha Rao +WLK/);
  });

  it('shows a validation error next to the name and books nothing', async () => {
    desk = deskAt(120, 40);
    await desk.press('b', (f) => f.includes('Book a patient'));
    const frame = await desk.press(KEYS.enter, (f) => f.includes('✗'));
    expect(frame).toContain("▸ Name   full name  ✗ enter the patient's name");
    expect(frame).toMatchSnapshot();
    await desk.press('12');
    expect(await desk.press(KEYS.enter, (f) => f.includes('a name has letters'))).toContain('▸ Name');
    expect(desk.store.getState().day.tokens).toHaveLength(0);
  });

  it('refuses a phone that is not a phone, inline', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press('Asha');
    await desk.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    await desk.press('call me');
    const frame = await desk.press(KEYS.enter, (f) => f.includes('✗'));
    expect(frame).toContain('✗ digits only (spaces and dashes are fine)');
    expect(frame).toContain('▸ Phone');
  });

  it('books an emergency into a full slot: the slot list warns whom it displaces, and they land in overflow', async () => {
    desk = deskAt(120, 40, fullNine);
    const d = desk;
    await d.press('b');
    await d.press('Ravi Kumar');
    await d.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    await d.press(KEYS.enter, (f) => f.includes('▸ Doctor'));
    await d.press(KEYS.enter, (f) => f.includes('▸ Source'));
    const slots = await d.press('1', (f) => f.includes('▸ Slot'));
    expect(slots).toContain('09:00-10:00  full — will displace SHR-004 Meena Iyer');
    expect(slots).toMatchSnapshot();
    await d.press(KEYS.up, (f) => f.includes('❯ Next available'));
    const board = await d.press(KEYS.enter, (f) => !f.includes('Book a patient'));
    const day = d.store.getState().day;
    expect(findToken(day, 'SHR-005')).toMatchObject({ status: 'BOOKED', source: 'EMERGENCY' });
    expect(overflowQueue(day.doctors[0]!).map((t) => t.id)).toEqual(['SHR-004']);
    expect(board).toContain('displaced SHR-004 Meena Iyer to overflow #1');
    expect(board).toMatch(/1\. SHR-004 Meena Iyer +WLK↯ → 09:00/);
  });

  it('marks a full slot "waitlist" for a walk-in', async () => {
    desk = deskAt(120, 40, fullNine);
    await desk.press('b');
    await desk.press('Sita');
    await desk.press(KEYS.enter);
    await desk.press(KEYS.enter);
    await desk.press(KEYS.enter);
    const slots = await desk.press('5', (f) => f.includes('▸ Slot'));
    expect(slots).toContain('09:00-10:00  full — waitlist #1');
    expect(slots).toContain('Next available: 10:00-11:00, 4 free');
  });

  it('Esc backs out without booking', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    await desk.press('Asha');
    const frame = await desk.press(KEYS.escape, (f) => !f.includes('Book a patient'));
    expect(frame).toContain('Dr. Sharma');
    expect(desk.store.getState().day.tokens).toHaveLength(0);
  });

  it('says at the phone that the patient already holds a token with this doctor, and refuses that doctor', async () => {
    desk = deskAt(120, 40, [{ op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450' }]);
    const d = desk;
    await d.press('b');
    await d.press('asha');
    await d.press(KEYS.enter, (f) => f.includes('▸ Phone'));
    await d.press('98450');
    // SPEC §2 rule 9: the same patient (same phone, same name in any case) with the same doctor.
    let frame = await d.press(KEYS.enter, (f) => f.includes('▸ Doctor'));
    expect(frame).toMatch(/ Phone +98450 +✗ Asha already holds SHR-001 with Dr\. Sharma \(seated in 09:00-10:00\)/);
    frame = await d.press(KEYS.enter, (f) => f.includes('▸ Doctor') && /Doctor Dr\. Sharma +✗/.test(f));
    expect(frame).toContain('▸ Doctor Dr. Sharma  ✗ Asha already holds SHR-001');
    // Another doctor is fine: the note goes, and the booking goes through.
    frame = await d.press(`${KEYS.down}${KEYS.enter}`, (f) => f.includes('▸ Source'));
    expect(frame).not.toContain('✗');
    await d.press(KEYS.enter.repeat(2), (f) => !f.includes('Book a patient'));
    expect(d.store.getState().day.tokens.map((t) => t.id)).toEqual(['SHR-001', 'RED-001']);
  });

  it('keeps what was typed when the engine refuses, and says why next to the field in the counter’s words', async () => {
    desk = deskAt(120, 40);
    const d = desk;
    await d.press('b');
    await d.press(`asha${KEYS.enter}98450${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('▸ Slot'));
    // Another desk books the same patient meanwhile.
    d.dispatch({ op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450' });
    const frame = await d.press(KEYS.enter, (f) => f.includes('✗'));
    expect(frame).toMatch(/▸ Phone +98450 +✗ Asha already holds SHR-001 with Dr\. Sharma \(seated in 09:00-10:00\)/);
    expect(frame).toContain('asha');
    expect(d.store.getState().day.tokens).toHaveLength(1);
  });

  it('takes a name typed and entered in one burst, as from a paste or a scanner', async () => {
    desk = deskAt(120, 40);
    await desk.press('b');
    const frame = await desk.press(`Meena Iyer${KEYS.enter}`, (f) => f.includes('▸ Phone'));
    expect(frame).toContain('Name   Meena Iyer');
    expect(frame).not.toContain('✗');
  });
});
