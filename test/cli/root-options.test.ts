/** Options written before a command are that command's: `opd-desk --data x.db log` logs x.db. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const SCRIPT = join(import.meta.dirname, '../../examples/spec-script.jsonl');
const ROSTER = join(import.meta.dirname, '../../examples/spec-roster.json');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'opd-desk-xdg-')) } });

describe('options before the command', () => {
  it('--data and --date before log, export and apply reach them', () => {
    const data = join(mkdtempSync(join(tmpdir(), 'opd-desk-root-')), 'day.db');
    // The spec's script has one line in error (an unknown doctor): apply ends with status 1.
    expect(run('--data', data, '--date', '2026-03-02', 'apply', SCRIPT, '--roster', ROSTER).status).toBe(1);
    const log = run('--data', data, '--date', '2026-03-02', 'log');
    expect(log.status).toBe(0);
    expect(log.stdout.split('\n')[0]).toBe(`${data} · 2026-03-02 · Dr. Sharma, Dr. Reddy, Dr. Kapoor · 7 commands`);
    expect(run('--data', data, 'export', '--date', '2026-03-02', '--format', 'csv').stdout).toContain('SHR-001');
  });

  it('an option the command does not take, or one given twice with two values, is refused by name', () => {
    const wrong = run('--roster', ROSTER, 'log');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('opd-desk: --roster does not apply to log (opd-desk log --help lists its options)\n');
    const twice = run('--data', 'a.db', 'log', '--data', 'b.db');
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe('opd-desk: --data is given twice, before and after log: give it once\n');
  });
});
