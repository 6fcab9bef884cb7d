/** Each doctor's column: who is in consultation and who waits, in call order, how long, who is overdue. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster, type Command } from '../../src/engine/index.js';
import { book, busyDay, checkIns, deskAt, expectFits, type DeskOnScreen } from '../support/desk.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

/** The busy day at 08:20 with four of Dr. Sharma's 09:00 patients checked in, one called at 09:05. */
const counterDay: Command[] = [
  ...busyDay,
  { op: 'clock', time: '08:20' },
  ...checkIns('SHR-001', 'SHR-002'),
  { op: 'clock', time: '08:50' },
  ...checkIns('SHR-003', 'SHR-005'),
  { op: 'clock', time: '09:05' },
  { op: 'call', doctor: 'sharma' },
  { op: 'clock', time: '09:12' },
];

describe('the waiting list in each column', () => {
  it('shows the patient in consultation, then the checked-in patients in call order with their minutes, at 120x40', () => {
    desk = deskAt(120, 40, counterDay);
    const frame = desk.frame();
    expectFits(frame, 120, 40);
    const lines = frame.split('\n');
    // Ravi (emergency) was called first; Dev (online) before the walk-ins Asha and Kiran; minutes since check-in.
    const at = lines.findIndex((line) => line.includes('▶ SHR-005 Ravi Kumar'));
    expect(lines[at]).toMatch(/▶ SHR-005 Ravi Kumar\s+in 7m/);
    expect(lines[at + 1]).toMatch(/ 1 SHR-003 Dev Patel\s+22m /);
    expect(lines[at + 2]).toMatch(/ 2 SHR-001 Asha Rao\s+52m!/);
    expect(lines[at + 3]).toMatch(/ 3 SHR-002 Kiran Shah\s+52m!/);
    expect(frame).toMatchSnapshot();
  });

  it('draws an overdue patient in red, in the list and at their chip', () => {
    desk = deskAt(120, 40, counterDay);
    const raw = desk.rawFrame();
    // The list's lines: red from the number on for Asha (52 minutes), plain for Dev (22).
    expect(raw).toMatch(/\u001B\[1m\u001B\[31m 2 \u001B\[22mSHR-001 Asha Rao/);
    expect(raw).toMatch(/\u001B\[1m 1 \u001B\[22mSHR-003 Dev Patel/);
    // Her chip's check mark is red too; Dev's is green.
    expect(raw).toMatch(/\u001B\[1m\u001B\[31m✓\u001B\[39m\u001B\[22mSHR-001 Asha Rao/);
    expect(raw).toMatch(/\u001B\[1m\u001B\[32m✓\u001B\[39m\u001B\[22mSHR-003 Dev Patel/);
  });

  it('the roster sets the threshold: at 60 minutes nobody is overdue yet', () => {
    desk = deskAt(120, 40, counterDay, { ...defaultRoster(), waitAlertMinutes: 60 });
    expect(desk.frame()).toMatch(/2 SHR-001 Asha Rao\s+52m /);
    expect(desk.frame()).not.toContain('m!');
  });

  it('keeps the frame inside 80x24, the list shortened with the rest counted', () => {
    const more: Command[] = [...counterDay, book('Usha Khan', 'walk-in', '09:00'), ...checkIns('SHR-006', 'SHR-004')];
    desk = deskAt(80, 24, more);
    const frame = desk.frame();
    expectFits(frame, 80, 24);
    expect(frame).toContain('+2 more checked in');
    expect(frame).toMatchSnapshot();
  });

  it('a chip marked ▶ or ✓ keeps its source tag in line with the unmarked chips, on narrow and wide columns', () => {
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
      [200, 50],
    ] as const) {
      desk = deskAt(columns, rows, counterDay);
      const chips = desk
        .frame()
        .split('\n')
        .filter((line) => /^ {1,2}[▶✓]?SHR-\d{3} /.test(line));
      expect(chips.some((line) => /[▶✓]SHR/.test(line)) && chips.some((line) => / {2}SHR/.test(line)), `${columns}x${rows}`).toBe(true);
      const tagColumns = new Set(chips.map((line) => /(EMR|PAY|F\/U|ONL|WLK)/.exec(line)!.index));
      expect([...tagColumns], `${columns}x${rows}`).toHaveLength(1);
      desk.unmount();
    }
  });

  it('moves on as the clock moves', () => {
    desk = deskAt(120, 40, counterDay);
    desk.dispatch({ op: 'clock', time: '09:30' });
    expect(desk.frame()).toMatch(/▶ SHR-005 Ravi Kumar\s+in 25m/);
    expect(desk.frame()).toMatch(/1 SHR-003 Dev Patel\s+40m!/);
  });
});
