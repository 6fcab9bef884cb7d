import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDay, execute } from '../../src/engine/index.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { selectColumns } from '../../src/store/selectors.js';
import { paging, rowsFor } from '../../src/ui/board-layout.js';
import { layoutColumn } from '../../src/ui/column-layout.js';
import { lineWidth } from '../../src/ui/lines.js';
import { selectableRows } from '../../src/ui/selection.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';

const sizes = fc.record({ width: fc.integer({ min: 36, max: 80 }), height: fc.integer({ min: 6, max: 60 }) });

describe('column layout', () => {
  it('never draws a column taller or wider than its space, and keeps the cursor in view', () => {
    fc.assert(
      fc.property(scenarioArbitrary, sizes, fc.nat(), ({ roster, commands }, { width, height }, pick) => {
        const day = createDay(roster);
        for (const command of commands) execute(day, resolveClock(command, day.clock));
        const columns = selectColumns(createDeskStore(day).getState());
        for (const column of columns) {
          const rows = selectableRows(column);
          const selected = rows.length > 0 ? rows[pick % rows.length]! : null;
          const lines = layoutColumn({ column, width, height, selected, highlights: {} });
          expect(lines.length).toBeLessThanOrEqual(height);
          for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
          // With room for the title, summary, its slot header and itself, the cursor is drawn.
          if (selected && height >= 12) {
            const text = lines.map((line) => line.map((s) => s.text).join('')).join('\n');
            const marker = selected.kind === 'token' ? selected.token : column.slots[selected.slot]!.label;
            const inOverflowTail = column.overflow.findIndex((o) => o.token === marker) >= 4;
            if (!inOverflowTail) expect(text).toContain(marker);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives up detail in order: folded ended slots first, then two patients a line', () => {
    const day = createDay({
      doctors: [
        {
          id: 'sharma',
          name: 'Dr. Sharma',
          code: 'SHR',
          slots: [9, 10, 11, 12].map((h) => ({ start: `${h}:00`.padStart(5, '0'), end: `${h + 1}:00`.padStart(5, '0'), capacity: 4 })),
        },
      ],
    });
    for (let i = 0; i < 16; i++) execute(day, { op: 'book', doctor: 'sharma', patient: `P${i}` });
    execute(day, { op: 'clock', time: '11:00' });
    const column = selectColumns(createDeskStore(day).getState())[0]!;
    const text = (height: number) => layoutColumn({ column, width: 40, height, selected: null, highlights: {} }).map((l) => l.map((s) => s.text).join(''));
    // Title, summary, two ended slots, two open slots of four: 14 lines with nothing given up.
    expect(text(14)).toContain(' 09:00-10:00 ended · 4 seen');
    const folded = text(13);
    expect(folded).toContain(' 09:00-11:00 2 slots ended · 8 seen');
    expect(folded.filter((line) => line.includes('SHR-0')).length).toBe(8);
    const tight = text(9);
    expect(tight.length).toBeLessThanOrEqual(9);
    expect(tight.some((line) => (line.match(/SHR-0/g) ?? []).length === 2)).toBe(true);
  });
});

describe('board layout', () => {
  it.each([
    [80, 3, 2],
    [120, 3, 3],
    [160, 3, 3],
    [160, 12, 4],
    [36, 3, 1],
  ])('at %i columns with %i doctors shows %i a page', (width, doctors, perPage) => {
    expect(paging(width, doctors, 0).perPage).toBe(perPage);
  });

  it('keeps the frame one row short of the terminal and drops the ticker when short', () => {
    expect(rowsFor(40)).toEqual({ frame: 39, header: 1, status: 2, ticker: 6, board: 30 });
    expect(rowsFor(24)).toEqual({ frame: 23, header: 1, status: 2, ticker: 0, board: 20 });
  });
});
