/** The journal through the command line: log, export, refusals, and practice kept off the real day. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const DATE = '2026-03-02';

function opdDesk(args: string[], input = '', asUser?: number) {
  const command = asUser === undefined ? process.execPath : 'setpriv';
  const full = asUser === undefined ? [CLI, ...args] : [`--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath, CLI, ...args];
  return spawnSync(command, full, { encoding: 'utf8', input });
}

const fresh = () => join(mkdtempSync(join(tmpdir(), 'opd-desk-cli-')), 'desk.db');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const script = (...commands: object[]) => commands.map((c) => JSON.stringify(c)).join('\n');

describe('a journaled day from the command line', () => {
  it('apply --data records each command; the next process carries on from where it left off', () => {
    const data = fresh();
    const first = opdDesk(
      ['apply', '-', '--data', data, '--date', DATE, '--desk', 'front'],
      script({ op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450' }),
    );
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('line 1  book      ALLOCATED SHR-001 09:00-10:00');
    const second = opdDesk(
      ['apply', '-', '--data', data, '--date', DATE],
      script({ op: 'cancel', doctor: 'sharma', patient: 'asha' }, { op: 'book', doctor: 'sharma', patient: 'Ravi' }),
    );
    expect(second.stdout).toContain('line 1  cancel    CANCELLED SHR-001');
    expect(second.stdout).toContain('line 2  book      ALLOCATED SHR-002 09:00-10:00');
  });

  it('log prints every command with its time, desk and result', () => {
    const data = fresh();
    opdDesk(
      ['apply', '-', '--data', data, '--date', DATE, '--desk', 'front'],
      script({ op: 'book', doctor: 'sharma', patient: 'Asha' }, { op: 'book', doctor: 'nobody', patient: 'X' }),
    );
    const log = opdDesk(['log', '--data', data, '--date', DATE]);
    expect(log.status).toBe(0);
    const rows = log.stdout.trim().split('\n');
    expect(rows[0]).toBe(`${data} · ${DATE} · Dr. Sharma, Dr. Reddy, Dr. Kapoor · 2 commands`);
    expect(rows[1]).toMatch(/^ {4}1 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}front {2}book doctor="sharma" patient="Asha" {2}→ {2}ALLOCATED SHR-001 09:00-10:00$/);
    expect(rows[2]).toMatch(/front {2}book doctor="nobody" patient="X" {2}→ {2}ERROR unknown doctor "nobody"/);
  });

  it('export writes every token as CSV or JSON', () => {
    const data = fresh();
    opdDesk(
      ['apply', '-', '--data', data, '--date', DATE],
      script({ op: 'book', doctor: 'sharma', patient: 'Rao, Asha', phone: '98450', source: 'paid' }, { op: 'clock', time: '10:00' }),
    );
    const csv = opdDesk(['export', '--data', data, '--date', DATE, '--format', 'csv']);
    expect(csv.stdout).toBe(
      'token,patient,phone,doctor,slot,source,status,issued,seated,ended\nSHR-001,"Rao, Asha",98450,sharma,09:00-10:00,PAID,COMPLETED,08:00,08:00,10:00\n',
    );
    const json = JSON.parse(opdDesk(['export', '--data', data, '--date', DATE, '--format', 'json']).stdout);
    expect(json).toEqual([
      {
        token: 'SHR-001',
        patient: 'Rao, Asha',
        phone: '98450',
        doctor: 'sharma',
        slot: '09:00-10:00',
        source: 'PAID',
        status: 'COMPLETED',
        issued: '08:00',
        seated: '08:00',
        ended: '10:00',
      },
    ]);
    expect(opdDesk(['export', '--data', data, '--date', DATE])).toMatchObject({ status: 2, stderr: 'opd-desk: export needs --format csv or --format json\n' });
    expect(opdDesk(['export', '--data', data, '--date', DATE, '--format', 'xml'])).toMatchObject({
      status: 2,
      stderr: 'opd-desk: unknown export format "xml": use --format csv or --format json\n',
    });
    expect(opdDesk(['export', '--data', data, '--date', DATE, '--format', 'CSV'])).toMatchObject({ status: 0, stdout: csv.stdout });
  });

  it('log, export and verify name the days a journal has, and never create a journal', () => {
    const data = fresh();
    expect(opdDesk(['log', '--data', data])).toMatchObject({
      status: 2,
      stderr: `opd-desk: there is no journal at ${data} (give --data the file the desk uses)\n`,
    });
    expect(existsSync(data)).toBe(false);
    opdDesk(['apply', '-', '--data', data, '--date', DATE], script({ op: 'clock', time: '09:00' }));
    expect(opdDesk(['log', '--data', data, '--date', '2026-03-03']).stderr).toBe(`opd-desk: ${data} has no day 2026-03-03 (it has: ${DATE})\n`);
    expect(opdDesk(['verify', '--data', data, '--date', '2026-03-03']).stderr).toBe(`opd-desk: ${data} has no day 2026-03-03 (it has: ${DATE})\n`);
  });

  it('refuses a day started with another roster: exit 2, how to proceed, the file unchanged', () => {
    const data = fresh();
    opdDesk(['apply', '-', '--data', data, '--date', DATE], script({ op: 'book', doctor: 'sharma', patient: 'Asha' }));
    const roster = join(mkdtempSync(join(tmpdir(), 'opd-desk-roster-')), 'roster.json');
    writeFileSync(roster, JSON.stringify({ doctors: [{ id: 'iyer', name: 'Dr. Iyer', code: 'IYR', slots: [{ start: '09:00', end: '10:00', capacity: 2 }] }] }));
    const before = hash(data);
    const run = opdDesk(['apply', '-', '--data', data, '--date', DATE, '--roster', roster], script({ op: 'book', doctor: 'iyer', patient: 'X' }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('was started with another roster (Dr. Sharma, Dr. Reddy, Dr. Kapoor). Start without --roster');
    expect(hash(data)).toBe(before);
  });

  it('refuses a file that is not a journal, leaving it as it was', () => {
    const data = fresh();
    writeFileSync(data, 'not a journal\n');
    const run = opdDesk(['log', '--data', data, '--date', DATE]);
    expect(run).toMatchObject({ status: 2, stderr: `opd-desk: ${data} is not an opd-desk journal (not a database); it was left as it is\n` });
    expect(readFileSync(data, 'utf8')).toBe('not a journal\n');
  });

  it('says clearly when the journal folder cannot be written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'opd-desk-readonly-'));
    chmodSync(folder, 0o755);
    const locked = join(folder, 'locked');
    spawnSync('mkdir', [locked]);
    chmodSync(locked, 0o555);
    // Root may write anywhere, so as root the desk runs as the unprivileged user "nobody".
    const asUser = process.getuid?.() === 0 ? 65534 : undefined;
    const run = opdDesk(['apply', '-', '--data', join(locked, 'desk.db'), '--date', DATE], script({ op: 'clock', time: '09:00' }), asUser);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot create .*desk\.db: permission denied; give --data a file in a folder you can write/);
    expect(existsSync(join(locked, 'desk.db'))).toBe(false);
  });

  it('keeps practice off the real day: apply and simulate touch no journal without --data', () => {
    const home = mkdtempSync(join(tmpdir(), 'opd-desk-home-'));
    const env = { ...process.env, XDG_DATA_HOME: home };
    spawnSync(process.execPath, [CLI, 'apply', '-'], { input: script({ op: 'book', doctor: 'sharma', patient: 'A' }), env });
    spawnSync(process.execPath, [CLI, 'simulate', '--headless'], { env });
    expect(existsSync(join(home, 'opd-desk'))).toBe(false);
  });

  it('simulate --data records a practice day, but only on a day of its own', () => {
    const data = fresh();
    expect(opdDesk(['simulate', '--headless', '--json', '--data', data, '--date', DATE]).status).toBe(0);
    const log = opdDesk(['log', '--data', data, '--date', DATE]);
    expect(log.stdout.split('\n')[0]).toMatch(/· \d+ commands$/);
    const again = opdDesk(['simulate', '--headless', '--data', data, '--date', DATE]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already has \d+ commands; a simulation needs a day of its own/);
  });
});
