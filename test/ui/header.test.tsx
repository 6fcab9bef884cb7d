/** The date and the "not today" warning stay in the header down to 80 columns. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { titlesOf } from '../../src/cli/dashboard.js';
import { deskAt, type DeskOnScreen } from '../support/desk.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const headerAt = (columns: number, today: boolean) => {
  const [title, ...shortTitles] = titlesOf('2026-03-02', today);
  desk = deskAt(columns, 24, [], defaultRoster(), { title, shortTitles });
  return desk.frame().split('\n')[0]!;
};

describe('the header', () => {
  it('keeps the date and "not today" at 80 columns, with the totals', () => {
    const header = headerAt(80, false);
    expect(header).toContain('Mon, 2 Mar 2026 (not today)');
    expect(header).toContain('08:00');
    expect(header).toMatch(/seat 0 wait 0/);
  });

  it('says it all at 120 columns', () => {
    expect(headerAt(120, false)).toContain('OPD desk · Mon, 2 Mar 2026 (not today: t moves the clock)');
  });

  it('keeps the date at 60 columns', () => {
    expect(headerAt(60, false)).toContain('2 Mar 2026 not today');
    desk?.unmount();
    expect(headerAt(60, true)).toContain('Mon, 2 Mar 2026');
  });
});
