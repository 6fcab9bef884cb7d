import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'simulate', ...args], { encoding: 'utf8' });

describe('opd-desk simulate', () => {
  it('--headless --json --seed 7 prints the same bytes every time', () => {
    const first = run('--headless', '--json', '--seed', '7');
    expect(first.status).toBe(0);
    expect(run('--headless', '--json', '--seed', '7').stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout).seed).toBe(7);
  });

  it('uses seed 7 by default, and says so in the text report', () => {
    const text = run('--headless');
    expect(text.stdout.split('\n')[0]).toBe('End of day · seed 7');
    expect(text.stdout).toContain('By source');
    expect(text.stdout).toContain('Patients seen per slot');
    expect(JSON.parse(run('--headless', '--json').stdout).seed).toBe(7);
  });

  it('prints the report when its output is not a terminal', () => {
    const piped = run();
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('End of day · seed 7');
    expect(piped.stderr).toContain('printing the report instead');
  });

  it('refuses a bad seed or model with exit status 2', () => {
    expect(run('--headless', '--seed', 'abc')).toMatchObject({ status: 2, stderr: 'opd-desk: --seed takes a whole number from 0 to 999999999, not "abc"\n' });
    const model = join(mkdtempSync(join(tmpdir(), 'opd-desk-')), 'model.json');
    writeFileSync(model, '{"cancelRate":-1}');
    expect(run('--headless', '--model', model)).toMatchObject({ status: 2, stderr: `opd-desk: invalid model ${model}: cancelRate: must be between 0 and 1\n` });
  });
});
