import { afterEach, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/engine/index.js';
import { book, busyDay, deskAt, expectFits, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

function open(columns: number, rows: number, commands = busyDay, roster?: Roster) {
  desk = deskAt(columns, rows, commands, roster);
  return desk;
}

const fiveDoctors: Roster = {
  doctors: ['sharma', 'reddy', 'kapoor', 'iyer', 'menon'].map((id) => ({
    id,
    name: `Dr. ${id[0]!.toUpperCase()}${id.slice(1)}`,
    code: id.slice(0, 3).toUpperCase(),
    slots: [9, 10, 11].map((h) => ({ start: `${h}:00`.padStart(5, '0'), end: `${h + 1}:00`.padStart(5, '0'), capacity: 2 })),
  })),
};

describe('the board', () => {
  it('shows an empty day at 120x40', () => {
    const frame = open(120, 40, []).frame();
    expectFits(frame, 120, 40);
    expect(frame).toMatchSnapshot();
  });

  it('shows a busy day with a full slot and overflow at 120x40', () => {
    const frame = open(120, 40).frame();
    expectFits(frame, 120, 40);
    expect(frame).toContain('SHR-005 Ravi Kumar');
    expect(frame).toMatch(/Overflow \(2\)/);
    expect(frame).toMatchSnapshot();
  });

  it('names the displaced patient in the status line after a displacement', async () => {
    const d = open(120, 40, busyDay.slice(0, 4));
    d.dispatch(book('Ravi Kumar', 'emergency', '09:00'));
    const frame = await d.waitFor((f) => f.includes('displaced'));
    expect(frame).toContain('SHR-005 Ravi Kumar EMERGENCY → 09:00-10:00, displaced SHR-004 Meena Iyer to overflow #1');
    expect(frame).toMatchSnapshot();
  });

  it('fits 80x24: two doctors a page, compact header and hints', () => {
    const frame = open(80, 24).frame();
    expectFits(frame, 80, 24);
    expect(frame).toContain('◀ 1/2 ▶');
    expect(frame).toContain('q quit');
    expect(frame).toMatchSnapshot();
  });

  it('fits 160x50', () => {
    const frame = open(160, 50).frame();
    expectFits(frame, 160, 50);
    expect(frame).toMatchSnapshot();
  });

  it('pages five doctors with Left and Right', async () => {
    const d = open(120, 40, [], fiveDoctors);
    expect(d.frame()).toContain('◀ 1/2 ▶');
    expect(d.frame()).toContain('Dr. Kapoor');
    expect(d.frame()).not.toContain('Dr. Iyer');
    await d.press(KEYS.right);
    await d.press(KEYS.right);
    const second = await d.press(KEYS.right, (f) => f.includes('◀ 2/2 ▶'));
    expect(second).toContain('Dr. Iyer');
    expect(second).toContain('Dr. Menon');
    expect(second).not.toContain('Dr. Sharma');
    expect(second).toMatchSnapshot();
    const back = await d.press(KEYS.left, (f) => f.includes('◀ 1/2 ▶'));
    expect(back).toContain('Dr. Kapoor');
  });

  it('shows the help overlay with every key, and Esc closes it', async () => {
    const d = open(120, 40);
    const help = await d.press('?', (f) => f.includes('Keys'));
    for (const key of ['b ', 'c ', 'n ', 't ', '? ', 'Esc', 'q or Ctrl+C', '← →', '↑ ↓']) expect(help).toContain(key);
    expect(help).toMatchSnapshot();
    const board = await d.press(KEYS.escape, (f) => f.includes('Dr. Sharma'));
    expect(board).not.toContain('Keys');
  });

  it('colours an emergency chip red and a walk-in not', () => {
    const raw = open(120, 40).rawFrame();
    const red = '\u001B[31m';
    const emergencyLine = raw.split('\n').find((line) => line.includes('Ravi Kumar'))!;
    const walkInLine = raw.split('\n').find((line) => line.includes('Asha Rao'))!;
    expect(emergencyLine).toContain(`${red} EMR`);
    expect(walkInLine.slice(walkInLine.indexOf('Asha Rao'), walkInLine.indexOf('Asha Rao') + 40)).not.toContain(red);
  });

  it('follows a resize and stays inside the terminal', async () => {
    const d = open(120, 40);
    d.resize(90, 26);
    const frame = await d.waitFor((f) => f.split('\n').length <= 25 && f.includes('◀ 1/2 ▶'));
    expectFits(frame, 90, 26);
  });
});
