/**
 * The command line on a PostgreSQL journal (a real server started for this file): apply, log,
 * export, report and keys take `--data postgres://…` and answer as they do on a file; the
 * commands that need a file refuse with a message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const DATE = '2026-03-02';
let postgres: TestPostgres;
let databases = 0;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const freshDatabase = () => postgres.createDatabase(`cli_${++databases}`);
const opdDesk = (args: string[], input = '') => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 30_000 });
const script = (...commands: object[]) => commands.map((c) => JSON.stringify(c)).join('\n');

const DAY = [
  script(
    { op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450 11111' },
    { op: 'book', doctor: 'sharma', patient: 'Ravi', source: 'online' },
    { op: 'book', doctor: 'reddy', patient: 'Meena', source: 'emergency' },
  ),
  script({ op: 'cancel', token: 'SHR-002' }, { op: 'clock', time: '10:05' }, { op: 'book', doctor: 'kapoor', patient: 'Bina' }),
];

describe('apply, log, export and report on PostgreSQL', () => {
  it('answer as on a journal file for the same commands, each apply carrying on from the last', async () => {
    const url = await freshDatabase();
    const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-pgcli-')), 'desk.db');
    for (const data of [url, file]) {
      for (const part of DAY) expect(opdDesk(['apply', '-', '--data', data, '--date', DATE, '--desk', 'front'], part).status).toBe(0);
    }
    for (const args of [['export', '--format', 'csv'], ['export', '--format', 'json'], ['export', '--unserved'], ['report'], ['report', '--json']]) {
      const onPostgres = opdDesk([...args, '--data', url, '--date', DATE]);
      const onFile = opdDesk([...args, '--data', file, '--date', DATE]);
      expect(onPostgres.stderr).toBe('');
      expect(onPostgres.status).toBe(0);
      expect(onPostgres.stdout).toBe(onFile.stdout);
    }
    expect(opdDesk(['export', '--format', 'csv', '--data', url, '--date', DATE]).stdout).toContain('SHR-002,Ravi,,sharma,09:00-10:00,ONLINE,CANCELLED');
  });

  it('log prints every command with its desk and result, under the address without its password', async () => {
    const url = await freshDatabase();
    opdDesk(['apply', '-', '--data', url, '--date', DATE, '--desk', 'front'], DAY[0]);
    const withPassword = url.replace('opd@', 'opd:hunter2@');
    const log = opdDesk(['log', '--data', withPassword, '--date', DATE, '--replay']);
    expect(log.status).toBe(0);
    const lines = log.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^postgres:\/\/opd:\*\*\*@127\.0\.0\.1:\d+\/cli_\d+ · 2026-03-02 · Dr\. Sharma, Dr\. Reddy, Dr\. Kapoor · 3 commands$/);
    expect(lines.slice(1).map((line) => line.replace(/ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}/, ' | '))).toEqual([
      '    1 | front  book doctor="sharma" patient="Asha" phone="98450 11111"  →  ALLOCATED SHR-001 09:00-10:00',
      '    2 | front  book doctor="sharma" patient="Ravi" source="online"  →  ALLOCATED SHR-002 09:00-10:00',
      '    3 | front  book doctor="reddy" patient="Meena" source="emergency"  →  ALLOCATED RED-001 09:00-10:00',
    ]);
    expect(log.stdout + log.stderr).not.toContain('hunter2');
  });

  it('refuse a day that was never started, naming the days there are (exit 2)', async () => {
    const url = await freshDatabase();
    opdDesk(['apply', '-', '--data', url, '--date', DATE], DAY[0]);
    for (const command of [['log'], ['export', '--format', 'csv'], ['report']]) {
      const run = opdDesk([...command, '--data', url, '--date', '2026-03-03']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^opd-desk: postgres:\/\/opd@127\.0\.0\.1:\d+\/cli_\d+ has no day 2026-03-03 \(it has: 2026-03-02\)\n$/);
    }
  });

  it('apply refuses another roster for a day already started, changing nothing', async () => {
    const url = await freshDatabase();
    opdDesk(['apply', '-', '--data', url, '--date', DATE], DAY[0]);
    const run = opdDesk(['apply', '-', '--data', url, '--date', DATE, '--roster', join(import.meta.dirname, '../../examples/spec-roster.json')], DAY[1]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/was started with another roster/);
    expect(opdDesk(['log', '--data', url, '--date', DATE]).stdout.split('\n')[0]).toMatch(/· 3 commands$/);
  });
});

describe('keys on PostgreSQL', () => {
  it('adds a key (printed once), lists names and roles without keys, revokes by name, and reuses a revoked name', async () => {
    const url = await freshDatabase();
    const added = opdDesk(['keys', 'add', 'counter-2', '--role', 'desk', '--data', url]);
    expect(added.status).toBe(0);
    const key = added.stdout.trim();
    expect(key).toMatch(/^opd_[A-Za-z0-9_-]{43}$/);
    const listed = opdDesk(['keys', 'list', '--data', url]);
    expect(listed.stdout).toMatch(/^counter-2\tdesk\t\d{4}-/);
    expect(listed.stdout).not.toContain(key);
    expect(opdDesk(['keys', 'add', 'counter-2', '--role', 'desk', '--data', url]).stderr).toMatch(/already a key named "counter-2"/);
    expect(opdDesk(['keys', 'revoke', 'counter-2', '--data', url]).stdout).toBe('revoked counter-2\n');
    expect(opdDesk(['keys', 'list', '--data', url]).stdout).toMatch(/no keys/);
    expect(opdDesk(['keys', 'revoke', 'counter-2', '--data', url]).stderr).toMatch(/no key named "counter-2"/);
    expect(opdDesk(['keys', 'add', 'counter-2', '--role', 'booking', '--data', url]).status).toBe(0);
    expect(opdDesk(['keys', 'list', '--data', url]).stdout).toMatch(/^counter-2\tbooking\t/);
  });

  it('refuses an unknown role before connecting (exit 2)', () => {
    const run = opdDesk(['keys', 'add', 'x', '--role', 'nurse', '--data', 'postgres://opd@127.0.0.1:1/none']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--role takes one of desk, booking, display, admin, not "nurse"/);
  });
});

describe('commands that need a file', () => {
  it('refuse a PostgreSQL address with a message (exit 2), and --data refuses other kinds of address', () => {
    const url = 'postgres://opd@127.0.0.1:1/none';
    expect(opdDesk(['--data', url]).stderr).toMatch(/^opd-desk: the dashboard works on a journal file, not on PostgreSQL \(on PostgreSQL, run `opd-desk serve/);
    expect(opdDesk(['simulate', '--headless', '--data', url]).stderr).toMatch(/^opd-desk: simulate works on a journal file, not on PostgreSQL/);
    expect(opdDesk(['verify', '--data', url]).stderr).toMatch(/^opd-desk: verify works on a journal file, not on PostgreSQL/);
    const other = opdDesk(['serve', '--port', '0', '--data', 'mysql://root:pw@db/opd']);
    expect(other.status).toBe(2);
    expect(other.stderr).toBe('opd-desk: --data takes a journal file or a postgres:// connection string, not mysql://root:***@db/opd\n');
  });
});
