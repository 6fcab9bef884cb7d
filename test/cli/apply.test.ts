/** Runs the built `opd-desk apply` as a process, as a user or a script would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const EXAMPLES = join(import.meta.dirname, '../../examples');

function opdDesk(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'opd-desk-')), name);
  writeFileSync(path, text);
  return path;
}

/** `apply --json` on a script file of these lines: the run, and its parsed results and tokens. */
function applyJson(lines: string[]) {
  const run = opdDesk(['apply', tempFile('script.jsonl', lines.join('\n')), '--json']);
  const { results, tokens } = JSON.parse(run.stdout);
  return { run, results, tokens };
}

describe('opd-desk apply', () => {
  it('reproduces the SPEC §3 example results, board and token list', () => {
    const run = opdDesk(['apply', join(EXAMPLES, 'spec-script.jsonl'), '--roster', join(EXAMPLES, 'spec-roster.json'), '--json']);
    expect(run.status).toBe(1); // line 7 names an unknown doctor
    const document = JSON.parse(run.stdout);
    // Each of these is copied from SPEC §3.
    expect(document.results[3]).toEqual({ line: 4, op: 'book', status: 'REALLOCATED', token: 'SHR-004', slot: '09:00-10:00', displaced: 'SHR-002' });
    expect(document.results[4]).toEqual({ line: 5, op: 'book', status: 'WAITLISTED', token: 'SHR-005', slot: '09:00-10:00', position: 2 });
    expect(document.results[5]).toEqual({ line: 6, op: 'cancel', status: 'CANCELLED', token: 'SHR-001', promoted: 'SHR-002' });
    expect(document.results[6]).toEqual({
      line: 7,
      op: 'book',
      status: 'ERROR',
      error: 'unknown doctor "Dr. X" (known: Dr. Sharma, Dr. Reddy, Dr. Kapoor)',
    });
    expect(document.results[0]).toEqual({ line: 1, op: 'book', status: 'ALLOCATED', token: 'SHR-001', slot: '09:00-10:00' });
    const sharma = document.board.doctors[0];
    expect(document.board.clock).toBe('08:00');
    expect(sharma.id).toBe('sharma');
    expect(sharma.slots[0].slot).toBe('09:00-10:00');
    expect(sharma.slots[0].capacity).toBe(3);
    expect(sharma.slots[0].patients[0]).toEqual({ token: 'SHR-004', patient: 'Ravi', source: 'EMERGENCY', priority: 1 });
    expect(sharma.overflow).toEqual([{ token: 'SHR-005', patient: 'Meena', source: 'WALK_IN', priority: 5, slot: '09:00-10:00' }]);
    expect(document.tokens[0]).toEqual({
      token: 'SHR-001',
      patient: 'Asha',
      doctor: 'sharma',
      slot: '09:00-10:00',
      source: 'WALK_IN',
      status: 'CANCELLED',
      checkedIn: null,
      calledAt: null,
      movedTo: null,
    });
    expect(document.tokens.map((t: { token: string }) => t.token)).toEqual(['SHR-001', 'SHR-002', 'SHR-003', 'SHR-004', 'SHR-005']);
    expect(run.stderr).toContain('spec-script.jsonl:7: unknown doctor "Dr. X"');
  });

  it('lines up the result column for every op, check-in and no-show included (check-in stood one column out)', () => {
    const lines = [
      '{"op":"book","doctor":"sharma","patient":"Asha","slot":"09:00"}',
      '{"op":"check-in","token":"SHR-001"}',
      '{"op":"book","doctor":"sharma","patient":"Kiran","slot":"09:00"}',
      '{"op":"no-show","token":"SHR-002"}',
    ];
    const run = opdDesk(['apply', tempFile('ops.jsonl', lines.join('\n'))]);
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('line '));
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((row) => /[A-Z]/.exec(row)!.index))).toEqual(new Set([18]));
  });

  it('applies a valid script with exit status 0 and prints a readable board', () => {
    const script = tempFile('day.jsonl', ['{"op":"book","doctor":"sharma","patient":"Asha","source":"paid"}', '', '{"op":"clock","time":"10:00"}'].join('\n'));
    const run = opdDesk(['apply', script]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('line 1  book      ALLOCATED SHR-001 09:00-10:00');
    expect(run.stdout).toContain('line 3  clock     OK clock 10:00');
    expect(run.stdout).toContain('2 commands: 2 applied, 0 failed');
    expect(run.stdout).toContain('Dr. Sharma\n  09:00-10:00  ended\n  10:00-11:00  0/4');
    expect(run.stderr).toBe('');
  });

  it('keeps going past bad lines, reporting each with its line number', () => {
    const { run, results, tokens } = applyJson([
      '{"op":"book","doctor":"sharma","patient":"Asha"',
      '{"op":"dance"}',
      '{"op":"book","doctor":"Dr. Who","patient":"Clara"}',
      '{"op":"book","doctor":"reddy","patient":"Ravi"}',
    ]);
    expect(run.status).toBe(1);
    expect(results.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [1, 'ERROR'],
      [2, 'ERROR'],
      [3, 'ERROR'],
      [4, 'ALLOCATED'],
    ]);
    expect(results[0].error).toMatch(/^invalid JSON/);
    expect(results[1]).toEqual({
      line: 2,
      op: 'dance',
      status: 'ERROR',
      error: 'unknown op "dance" (known: book, cancel, no-show, clock, check-in, call, done, move, absent, undo)',
    });
    expect(results[2].error).toBe('unknown doctor "Dr. Who" (known: Dr. Sharma, Dr. Reddy, Dr. Kapoor)');
    expect(tokens).toEqual([
      {
        token: 'RED-001',
        patient: 'Ravi',
        doctor: 'reddy',
        slot: '09:00-10:00',
        source: 'WALK_IN',
        status: 'BOOKED',
        checkedIn: null,
        calledAt: null,
        movedTo: null,
      },
    ]);
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
  });

  it('reads the script from standard input with -', () => {
    const run = opdDesk(['apply', '-', '--json'], '{"op":"book","doctor":"kapoor","patient":"Meena","source":"emergency"}\n');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([{ line: 1, op: 'book', status: 'ALLOCATED', token: 'KAP-001', slot: '09:00-10:00' }]);
  });

  it('exits 2 naming a missing script file', () => {
    const run = opdDesk(['apply', 'no-such-script.jsonl']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('opd-desk: cannot read script no-such-script.jsonl: no such file\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 naming the bad field of an invalid roster', () => {
    const roster = tempFile(
      'roster.json',
      JSON.stringify({ doctors: [{ id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: [{ start: '09:00', end: '10:00', capacity: -1 }] }] }),
    );
    const run = opdDesk(['apply', '-', '--roster', roster], '');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`opd-desk: invalid roster ${roster}: doctors[0].slots[0].capacity: must be at least 1\n`);
  });

  it('exits 2 for a missing argument or an unknown option', () => {
    expect(opdDesk(['apply']).status).toBe(2);
    expect(opdDesk(['apply', '-', '--jsn'], '').status).toBe(2);
  });
});

describe('opd-desk apply: the front-desk flow (SPEC §5)', () => {
  it('answers check-in, call, done, move, absent and undo in the §3 shape; tokens carry checkedIn, calledAt, movedTo', () => {
    const { run, results, tokens } = applyJson([
      '{"op":"book","doctor":"sharma","patient":"Asha","slot":"09:00"}',
      '{"op":"book","doctor":"sharma","patient":"Ravi","slot":"09:00"}',
      '{"op":"clock","time":"09:05"}',
      '{"op":"check-in","token":"SHR-001"}',
      '{"op":"call","doctor":"sharma"}',
      '{"op":"done","doctor":"sharma"}',
      '{"op":"move","token":"SHR-002","doctor":"reddy","slot":"10:00"}',
      '',
      '{"op":"absent","doctor":"kapoor","from":"09:00","to":"11:00"}',
      '{"op":"book","doctor":"kapoor","patient":"Meena","slot":"09:00"}',
      '{"op":"undo","expect":9}',
      '{"op":"undo"}',
      '{"op":"call","doctor":"sharma"}',
    ]);
    expect(run.status).toBe(1);
    expect(results.slice(3)).toEqual([
      { line: 4, op: 'check-in', status: 'CHECKED_IN', token: 'SHR-001' },
      { line: 5, op: 'call', status: 'CALLED', token: 'SHR-001', slot: '09:00-10:00' },
      { line: 6, op: 'done', status: 'COMPLETED', token: 'SHR-001' },
      { line: 7, op: 'move', status: 'MOVED', token: 'SHR-002', newToken: 'RED-001', slot: '10:00-11:00', placement: 'ALLOCATED' },
      { line: 9, op: 'absent', status: 'ABSENT', slots: ['09:00-10:00', '10:00-11:00'], rebooked: [] },
      { line: 10, op: 'book', status: 'ERROR', error: 'Dr. Kapoor is away during 09:00-10:00: book another slot or doctor' },
      { line: 11, op: 'undo', status: 'UNDONE', undid: { op: 'absent', line: 9 } },
      { line: 12, op: 'undo', status: 'UNDONE', undid: { op: 'move', token: 'SHR-002', line: 7 } },
      { line: 13, op: 'call', status: 'ERROR', error: 'nobody checked in is waiting for Dr. Sharma' },
    ]);
    expect(tokens).toEqual([
      {
        token: 'SHR-001',
        patient: 'Asha',
        doctor: 'sharma',
        slot: '09:00-10:00',
        source: 'WALK_IN',
        status: 'COMPLETED',
        checkedIn: '09:05',
        calledAt: '09:05',
        movedTo: null,
      },
      {
        token: 'SHR-002',
        patient: 'Ravi',
        doctor: 'sharma',
        slot: '09:00-10:00',
        source: 'WALK_IN',
        status: 'BOOKED',
        checkedIn: null,
        calledAt: null,
        movedTo: null,
      },
      {
        token: 'RED-001',
        patient: 'Ravi',
        doctor: 'reddy',
        slot: '10:00-11:00',
        source: 'WALK_IN',
        status: 'VOIDED',
        checkedIn: null,
        calledAt: null,
        movedTo: null,
      },
    ]);
  });
});
