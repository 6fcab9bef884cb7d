/** Runs the built `opd-desk report` as a process on a day recorded by `opd-desk apply --data`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const DATE = '2026-03-02';

function opdDesk(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const SCRIPT = [
  { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00' },
  { op: 'book', doctor: 'sharma', patient: 'Ravi', slot: '09:00' },
  { op: 'book', doctor: 'sharma', patient: 'Meena', slot: '09:00' },
  { op: 'book', doctor: 'sharma', patient: 'Kiran', slot: '09:00' },
  { op: 'book', doctor: 'sharma', patient: 'Dev', slot: '09:00', source: 'emergency' },
  { op: 'move', token: 'SHR-002', doctor: 'reddy' },
  { op: 'book', doctor: 'kapoor', patient: 'Lata' },
  { op: 'undo' },
  { op: 'cancel', token: 'SHR-003' },
  { op: 'clock', time: '24:00' },
]
  .map((command) => JSON.stringify(command))
  .join('\n');

describe('opd-desk report', () => {
  it('prints the end-of-day report of a recorded day, with moved and voided, conserved', () => {
    const data = join(mkdtempSync(join(tmpdir(), 'opd-desk-report-')), 'desk.db');
    expect(opdDesk(['apply', '-', '--data', data, '--date', DATE], SCRIPT).status).toBe(0);
    const run = opdDesk(['report', '--data', data, '--date', DATE, '--json']);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.date).toBe(DATE);
    const [sharma, reddy, kapoor] = document.doctors;
    expect(sharma).toMatchObject({ id: 'sharma', issued: 5, completed: 3, cancelled: 1, moved: 1, voided: 0, displaced: 1, promoted: 1 });
    expect(reddy).toMatchObject({ issued: 1, completed: 1 });
    expect(kapoor).toMatchObject({ issued: 1, voided: 1, completed: 0 });
    for (const c of [...document.doctors, document.totals]) {
      expect(c.issued).toBe(c.completed + c.cancelled + c.noShow + c.unserved + c.moved + c.voided);
    }
    const text = opdDesk(['report', '--data', data, '--date', DATE]);
    expect(text.stdout.split('\n')[0]).toBe(`End of day · ${DATE}`);
    expect(text.stdout).toMatch(/moved +voided/);
  });

  it('refuses a day that was not recorded, naming the days there are', () => {
    const data = join(mkdtempSync(join(tmpdir(), 'opd-desk-report-')), 'desk.db');
    opdDesk(['apply', '-', '--data', data, '--date', DATE], SCRIPT);
    const run = opdDesk(['report', '--data', data, '--date', '2026-03-03']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`has no day 2026-03-03 (it has: ${DATE})`);
  });
});
