/** At 80x24 a full day shows fewer doctors a page rather than names cut to `Priy…`. */
import { afterEach, describe, expect, it } from 'vitest';
import { selectColumns } from '../../src/store/selectors.js';
import { formatTime, type Roster } from '../../src/engine/index.js';
import { rowsFor } from '../../src/ui/board-layout.js';
import { readablePaging } from '../../src/ui/readable-paging.js';
import { book, busyDay, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const FIRST = ['Priya Raghunathan', 'Asha Venkataraman', 'Kiran Shah', 'Dev Patel', 'Meena Iyer', 'Ravi Kumar', 'Lata Menon', 'Arjun Das'];
const MORE = ['Sita Ram', 'Gopal Rao', 'Nisha Jain', 'Omar Ali', 'Farah Khan', 'Zoya Mir', 'Hari Nair', 'Vikram Singh'];
const SLOTS = ['09:00', '10:00', '11:00', '12:00'];

/** Four patients in each of four slots for Dr. Sharma and Dr. Reddy: too many for one a line at 24 rows. */
const fullDay = ['sharma', 'reddy'].flatMap((doctor) => [...FIRST, ...MORE].map((name, i) => book(name, 'walk-in', SLOTS[Math.floor(i / 4)], doctor)));

describe('a readable name at 80x24', () => {
  it('shows one doctor a page on a full day, every name at least 10 columns', () => {
    desk = deskAt(80, 24, fullDay);
    const frame = desk.frame();
    expect(frame).not.toMatch(/[A-Za-z]{1,4}… WLK/);
    expect(frame).toContain('◀ 1/3 ▶');
    expect(frame).toContain('SHR-001 Priya Raghunathan');
    expect(frame).toContain('SHR-002 Asha Venkataraman');
    expect(frame).not.toContain('Dr. Reddy');
    expect(frame).toMatchSnapshot();
  });

  it('turns to Dr. Reddy alone with Right', async () => {
    desk = deskAt(80, 24, fullDay);
    const frame = await desk.press(KEYS.right, (f) => f.includes('◀ 2/3 ▶'));
    expect(frame).toContain('Dr. Reddy');
    expect(frame).toContain('RED-001 Priya Raghunathan');
    expect(frame).not.toContain('Dr. Sharma');
  });

  it('keeps two doctors a page at 80x24 while one a line fits', () => {
    desk = deskAt(80, 24, busyDay);
    const frame = desk.frame();
    expect(frame).toContain('◀ 1/2 ▶');
    expect(frame).toContain('Dr. Reddy');
  });

  it('keeps three doctors a page at 120x40 on the same day, where one patient a line fits', () => {
    desk = deskAt(120, 40, fullDay);
    const frame = desk.frame();
    expect(frame).toContain('Dr. Kapoor');
    expect(frame).toContain('SHR-001 Priya Raghunathan');
  });

  it('pages by the whole day, so turning a page keeps its size', () => {
    desk = deskAt(80, 24, fullDay);
    const columns = selectColumns(desk.store.getState());
    // Dr. Kapoor's column is empty, yet his page holds one doctor like the others.
    expect(readablePaging(80, 21, columns, 2)).toMatchObject({ perPage: 1, first: 2, pages: 3, columnWidth: 80 });
    // Without the full days, two doctors a page again.
    expect(readablePaging(80, 21, columns.slice(2).concat(columns.slice(2)), 0)).toMatchObject({ perPage: 2 });
  });

  it('still shows three doctors a page at 160x50 on the fullest day, names at 11 columns', () => {
    const roster: Roster = {
      doctors: Array.from({ length: 6 }, (_, i) => ({
        id: `doc-${i}`,
        name: `Dr. Number ${i}`,
        code: `D${String.fromCharCode(65 + i)}A`,
        slots: [9, 10, 11, 12, 14, 15, 16].map((h) => ({ start: formatTime(h * 60), end: formatTime((h + 1) * 60), capacity: 4 })),
      })),
    };
    const everySeat = roster.doctors.flatMap((doctor) =>
      Array.from({ length: 32 }, (_, i) => book(`Patient ${doctor.id} ${i}`, 'walk-in', undefined, doctor.id)),
    );
    desk = deskAt(160, 50, everySeat, roster);
    expect(readablePaging(160, rowsFor(50).board, selectColumns(desk.store.getState()), 0)).toMatchObject({ perPage: 3, columnWidth: 52 });
    expect(desk.frame()).toContain('◀ 1/2 ▶');
    expect(desk.frame()).toMatch(/DAA-001 Patient do… WLK/);
  });
});
