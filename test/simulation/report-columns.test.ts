/** The report's call-back rows line up, however many there are and whatever the names hold. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { DEFAULT_ARRIVAL_MODEL } from '../../src/simulation/arrival-model.js';
import { reportText } from '../../src/simulation/report.js';
import { simulateDay } from '../../src/simulation/simulate.js';

describe('the call-back rows of the report', () => {
  it('keep their columns past the ninth row, with a wide name among them', () => {
    const report = simulateDay(defaultRoster(), DEFAULT_ARRIVAL_MODEL, 7);
    expect(report.unserved.length).toBeGreaterThan(9);
    report.unserved[3] = { ...report.unserved[3]!, patient: 'Priya 🙏🏽 Nair-Subramanian' };
    const lines = reportText(report);
    const rows = lines.slice(lines.findIndex((line) => line.startsWith('Call back')) + 1);
    expect(rows).toHaveLength(report.unserved.length);
    const sourceAt = rows.map((row) => stringWidth(row.slice(0, row.search(/(EMERGENCY|PAID|FOLLOW_UP|ONLINE|WALK_IN)$/))));
    const phoneAt = rows.map((row) => stringWidth(row.slice(0, row.search(/\d{6,}|no phone/))));
    expect(new Set(sourceAt).size).toBe(1);
    expect(new Set(phoneAt).size).toBe(1);
  });

  it('line up 200,000 of them (a big day; their widths once overflowed the stack)', () => {
    const report = simulateDay(defaultRoster(), DEFAULT_ARRIVAL_MODEL, 7);
    const one = report.unserved[0]!;
    report.unserved = Array.from({ length: 200_000 }, (_, i) => ({ ...one, patient: `Patient ${i}` }));
    const lines = reportText(report);
    const rows = lines.slice(lines.findIndex((line) => line.startsWith('Call back')) + 1);
    expect(rows).toHaveLength(200_000);
    expect(new Set(rows.map((row) => row.indexOf(one.doctor))).size).toBe(1);
  });
});
