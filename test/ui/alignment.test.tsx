/** The ↯ mark has a column of its own: a displaced patient's chip and arrow stay in line with the others. */
import { afterEach, describe, expect, it } from 'vitest';
import { busyDay, deskAt, type DeskOnScreen } from '../support/desk.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

describe('alignment', () => {
  it('a displaced patient in the overflow list keeps the source chip and the arrow in line', () => {
    desk = deskAt(120, 40, busyDay);
    const rows = desk
      .frame()
      .split('\n')
      .filter((line) => /^\s+\d\. SHR-/.test(line));
    expect(rows.some((row) => row.includes('↯'))).toBe(true);
    expect(new Set(rows.map((row) => row.indexOf('WLK'))).size).toBe(1);
    expect(new Set(rows.map((row) => row.indexOf('→'))).size).toBe(1);
  });

  it('at 200 columns the source chip stays near the name', () => {
    desk = deskAt(200, 50, busyDay);
    const row = desk
      .frame()
      .split('\n')
      .find((line) => line.includes('SHR-001 Asha Rao'))!;
    const gap = row.indexOf('WLK') - (row.indexOf('Asha Rao') + 'Asha Rao'.length);
    expect(gap).toBeLessThanOrEqual(26);
  });

  it('the column header says seats used today, apart from the header’s seated now', () => {
    desk = deskAt(120, 40, busyDay);
    const frame = desk.frame();
    expect(frame).toContain('6/28 seats used · overflow 2');
    expect(frame.split('\n')[0]).toContain('seated 8');
  });
});
