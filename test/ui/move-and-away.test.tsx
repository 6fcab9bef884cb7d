/**
 * The move form, undo and the doctor-away dialog on the rendered desk, as a receptionist uses
 * them: book, move, undo; a doctor away from 11:00 with the preview read before saying yes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster, findToken, snapshot, type BookCommand, type Command, type Roster } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

/** The default three doctors, Sharma and Reddy in one department (they take each other's patients). */
function clinic(): Roster {
  const roster = defaultRoster();
  return { ...roster, doctors: roster.doctors.map((d) => (d.id === 'kapoor' ? d : { ...d, department: 'General Medicine' })) };
}

const at0900: Command = { op: 'clock', time: '09:00' };
const withPhone = (command: Command, phone: string): Command => ({ ...(command as BookCommand), phone });
const reddyFull = ['Gopal Rao', 'Vikram Singh', 'Omar Ali', 'Lata Menon'].map((name) => book(name, 'walk-in', '09:00', 'reddy'));
/** Reddy's 11:00 patients, one of them checked in, and an emergency waiting for 12:00. */
const reddyLater: Command[] = [
  book('Gopal Rao', 'walk-in', '11:00', 'reddy'),
  book('Vikram Singh', 'online', '11:00', 'reddy'),
  book('Omar Ali', 'paid', '12:00', 'reddy'),
  { op: 'check-in', token: 'RED-001' },
];

describe('booking, then moving, then undoing the move', () => {
  it('book with keys, m moves the new patient to Dr. Reddy after a question, u takes it back', async () => {
    desk = deskAt(120, 40, [at0900]);
    const d = desk;
    await d.press('b', (f) => f.includes('Book a patient'));
    await d.press(`Meena Iyer${KEYS.enter}${KEYS.enter}${KEYS.enter}${KEYS.enter}${KEYS.enter}`, (f) => f.includes('SHR-001 Meena Iyer WALK_IN'));

    const form = await d.press('m', (f) => f.includes('Move a patient'));
    expect(form).toContain('Patient SHR-001 Meena Iyer · Dr. Sharma 09:00-10:00 · BOOKED');
    await d.press(KEYS.down, (f) => f.includes('Doctor  Dr. Reddy'));
    const slots = await d.press(KEYS.enter, (f) => f.includes('▸ Slot'));
    expect(slots).toContain('Next available: 09:00-10:00, 4 free');
    expect(slots).toContain('Would: SHR-001 Meena Iyer → Dr. Reddy 09:00-10:00 as RED-001 (4 free)');
    const question = await d.press(KEYS.enter, (f) => f.includes('Move SHR-001 Meena Iyer?'));
    expect(findToken(d.store.getState().day, 'SHR-001')!.status).toBe('BOOKED');
    expect(question).toMatchSnapshot();

    const moved = await d.press('y', (f) => f.includes('moved as RED-001'));
    expect(moved).toContain('SHR-001 Meena Iyer moved as RED-001 → 09:00-10:00');
    expect(findToken(d.store.getState().day, 'SHR-001')!.status).toBe('MOVED');

    const undo = await d.press('u', (f) => f.includes('Undo '));
    expect(undo).toContain('Undo moving SHR-001 Meena Iyer to Dr. Reddy 09:00-10:00 as RED-001?');
    await d.press('y', (f) => f.includes('undid move SHR-001'));
    const day = d.store.getState().day;
    expect([findToken(day, 'SHR-001')!.status, findToken(day, 'RED-001')!.status]).toEqual(['BOOKED', 'VOIDED']);
  });

  it('the slot list previews each choice as the engine would do it', async () => {
    desk = deskAt(120, 40, [at0900, ...reddyFull, book('Ravi Kumar', 'emergency', '10:00'), book('Asha Rao', 'walk-in', '10:00')]);
    for (let i = 0; i < 3; i++) await desk.press(KEYS.down);
    await desk.press('m', (f) => f.includes('Patient SHR-002 Asha Rao'));
    await desk.press(KEYS.down);
    const walkIn = await desk.press(KEYS.enter, (f) => f.includes('▸ Slot'));
    expect(walkIn).toContain('09:00-10:00  full — waitlist #1');
    await desk.press(KEYS.escape, (f) => f.includes('▸ Doctor'));
    await desk.press(KEYS.escape, (f) => !f.includes('Move a patient'));
    await desk.press(KEYS.up);
    await desk.press('m', (f) => f.includes('Patient SHR-001 Ravi Kumar'));
    await desk.press(KEYS.down);
    const emergency = await desk.press(KEYS.enter, (f) => f.includes('▸ Slot'));
    expect(emergency).toContain('09:00-10:00  full — will displace RED-004 Lata Menon');
    expect(emergency).toMatchSnapshot();
  });

  it('a move the engine refuses puts its reason beside the field, and nothing moves', async () => {
    desk = deskAt(120, 40, [
      at0900,
      withPhone(book('Asha Rao', 'walk-in', '09:00'), '9845012345'),
      withPhone(book('Asha Rao', 'walk-in', '10:00', 'reddy'), '9845012345'),
    ]);
    await desk.press(KEYS.down);
    await desk.press('m', (f) => f.includes('Move a patient'));
    await desk.press(KEYS.down);
    const slots = await desk.press(KEYS.enter, (f) => f.includes('▸ Slot'));
    expect(slots).toContain('✗ Asha Rao (phone 9845012345) already has active token RED-001 with Dr. Reddy');
    const refused = await desk.press(KEYS.enter, (f) => f.includes('▸ Doctor') && f.includes('Dr. Reddy  ✗'));
    expect(refused).toContain('Doctor  Dr. Reddy  ✗ Asha Rao (phone 9845012345) already has active token RED-001 with Dr. Reddy');
    expect(findToken(desk.store.getState().day, 'SHR-001')!.status).toBe('BOOKED');
  });

  it('m on a patient in consultation says why at once', async () => {
    desk = deskAt(120, 40, [at0900, book('Asha Rao', 'walk-in', '09:00'), { op: 'check-in', token: 'SHR-001' }, { op: 'call', doctor: 'sharma' }]);
    await desk.press(KEYS.down);
    const frame = await desk.press('m', (f) => f.includes('Cannot move'));
    expect(frame).toContain('Cannot move: SHR-001 is in consultation: it cannot be moved');
    expect(frame).not.toContain('Move a patient');
  });

  it('Esc backs out step by step and nothing moves; Ctrl+C asks to quit and n comes back to the form', async () => {
    desk = deskAt(120, 40, [at0900, book('Asha Rao', 'walk-in', '09:00')]);
    const before = snapshot(desk.store.getState().day);
    await desk.press(KEYS.down);
    await desk.press('m', (f) => f.includes('Move a patient'));
    await desk.press(KEYS.enter, (f) => f.includes('▸ Slot'));
    await desk.press(KEYS.ctrlC, (f) => f.includes('Quit opd-desk?'));
    await desk.press('n', (f) => f.includes('▸ Slot'));
    await desk.press(KEYS.escape, (f) => f.includes('▸ Doctor'));
    await desk.press(KEYS.escape, (f) => !f.includes('Move a patient'));
    expect(snapshot(desk.store.getState().day)).toBe(before);
  });
});

describe('a doctor who is away', () => {
  it('a, from 11:00: the preview says who goes where before anything changes; y rebooks them and says so', async () => {
    desk = deskAt(120, 40, [at0900, ...reddyLater], clinic());
    const d = desk;
    await d.press(KEYS.right);
    await d.press('a', (f) => f.includes('A doctor is away'));
    await d.press(KEYS.enter, (f) => f.includes('▸ From'));
    await d.press('11:00');
    const before = snapshot(d.store.getState().day);
    await d.press(KEYS.enter, (f) => f.includes('▸ To'));
    const preview = await d.press(KEYS.enter, (f) => f.includes('Mark Dr. Reddy away'));
    expect(preview).toContain('Dr. Reddy away 11:00-17:00, 5 slots: 3 rebooked');
    // In queue order (paid, online, walk-in), each into the first open slot from their own on.
    expect(preview).toContain('RED-003 Omar Ali → Dr. Sharma 12:00-13:00 as SHR-001');
    expect(preview).toContain('RED-001 Gopal Rao → Dr. Sharma 11:00-12:00 as SHR-003');
    expect(snapshot(d.store.getState().day)).toBe(before);
    expect(preview).toMatchSnapshot();

    const done = await d.press('y', (f) => f.includes('Done: Dr. Reddy away'));
    expect(done).toContain('RED-002 Vikram Singh → Dr. Sharma 11:00-12:00 as SHR-002');
    const board = await d.press(KEYS.enter, (f) => !f.includes('A doctor is away'));
    expect(board).toContain('SHR-003 Gopal Rao');
    expect(board).toContain('3 rebooked');
    expect(board).toMatch(/11:00-12:00 □□□□ 0\/4 away/);
    expect(findToken(d.store.getState().day, 'RED-001')).toMatchObject({ status: 'MOVED', movedTo: 'SHR-003' });
    expect(findToken(d.store.getState().day, 'SHR-003')!.checkedIn).not.toBeNull();
  });

  it('a time the engine cannot read stays on its field with the reason; n at the preview changes nothing', async () => {
    desk = deskAt(120, 40, [at0900, ...reddyLater], clinic());
    const before = snapshot(desk.store.getState().day);
    await desk.press(KEYS.right);
    await desk.press('a', (f) => f.includes('A doctor is away'));
    await desk.press(KEYS.enter, (f) => f.includes('▸ From'));
    await desk.press('11.30');
    const refused = await desk.press(KEYS.enter, (f) => f.includes('✗'));
    expect(refused).toContain('From   11.30');
    expect(refused).toContain('✗ invalid from time "11.30" (write it as HH:MM)');
    await desk.press('\u007F\u007F\u007F:30', (f) => f.includes('11:30') && !f.includes('✗'));
    await desk.press(KEYS.enter, (f) => f.includes('▸ To'));
    await desk.press(KEYS.enter, (f) => f.includes('Mark Dr. Reddy away'));
    await desk.press('n', (f) => f.includes('▸ To'));
    expect(snapshot(desk.store.getState().day)).toBe(before);
  });
});

describe('keys sent in one burst', () => {
  it('m, a doctor, Enter, Enter, y in one burst move exactly as typed one by one', async () => {
    const commands = [at0900, book('Asha Rao', 'walk-in', '09:00')];
    desk = deskAt(120, 40, commands);
    await desk.press(KEYS.down);
    await desk.press('mj\r\ry', (f) => f.includes('moved as RED-001'));
    const burst = snapshot(desk.store.getState().day);
    desk.unmount();

    desk = deskAt(120, 40, commands);
    await desk.press(KEYS.down);
    for (const key of ['m', 'j', '\r', '\r']) await desk.press(key);
    await desk.press('y', (f) => f.includes('moved as RED-001'));
    expect(snapshot(desk.store.getState().day)).toBe(burst);
  });

  it('a, Enter, a time, Enter, Enter, y, Enter in one burst mark the doctor away and close the dialog', async () => {
    desk = deskAt(120, 40, [at0900, ...reddyLater], clinic());
    await desk.press(KEYS.right);
    const board = await desk.press('a\r11:00\r\ry\r', (f) => f.includes('3 rebooked') && !f.includes('A doctor is away'));
    expect(board).toContain('SHR-003 Gopal Rao');
    expect(desk.store.getState().day.doctors[1]!.slots.filter((slot) => slot.off)).toHaveLength(5);
  });
});

describe('at 80x24', () => {
  it('the move form and the away preview fit', async () => {
    desk = deskAt(80, 24, [at0900, ...reddyLater, book('Asha Rao', 'walk-in', '09:00')], clinic());
    await desk.press(KEYS.down);
    await desk.press('m', (f) => f.includes('Move a patient'));
    await desk.press(KEYS.down);
    const form = await desk.press(KEYS.enter, (f) => f.includes('▸ Slot'));
    expect(form).toMatchSnapshot();
    await desk.press(KEYS.escape, (f) => f.includes('▸ Doctor'));
    await desk.press(KEYS.escape, (f) => !f.includes('Move a patient'));
    await desk.press(KEYS.right);
    const preview = await desk.press('a\r11:00\r\r', (f) => f.includes('Mark Dr. Reddy away'));
    expect(preview).toMatchSnapshot();
  });
});
