/** The dashboard as a process: started in a pseudo-terminal (util-linux `script`), as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const ENTER_ALTERNATE = '\u001B[?1049h';
const LEAVE_ALTERNATE = '\u001B[?1049l';

/** A journal of its own for each test, on a fixed day that is not today (no live clock). */
function dayArgs(): string {
  return `--data ${join(mkdtempSync(join(tmpdir(), 'opd-desk-')), 'desk.db')} --date 2026-03-02`;
}

/** Starts opd-desk in a 120x40 pseudo-terminal; resolves with everything it wrote once it exits. */
function inTerminal(args: string, act: (child: ReturnType<typeof spawn>, seen: () => string) => void): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    // Ink draws only a final frame when it believes it runs in CI; a desk's terminal is not CI.
    const env = { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' };
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${process.execPath} ${CLI} ${args}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env,
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ output, code }));
    act(child, () => output);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error('timed out');
}

describe('opd-desk (the dashboard)', () => {
  it('draws the board on the alternate screen and restores the terminal on SIGTERM', async () => {
    const args = dayArgs();
    const { output } = await inTerminal(args, async (child, seen) => {
      await until(() => seen().includes('Dr. Kapoor'));
      // Only this test's desk: its --data path is its own.
      spawnSync('pkill', ['-TERM', '-f', `^${process.execPath} ${CLI} ${args}`]);
      void child;
    });
    expect(output).toContain(ENTER_ALTERNATE);
    expect(output.lastIndexOf(LEAVE_ALTERNATE)).toBeGreaterThan(output.lastIndexOf('Dr. Kapoor'));
  });

  it('q then y quits with status 0 and the terminal restored', async () => {
    const { output, code } = await inTerminal(dayArgs(), async (child, seen) => {
      await until(() => seen().includes('Dr. Kapoor'));
      child.stdin!.write('q');
      await until(() => seen().includes('Quit opd-desk?'));
      child.stdin!.write('y');
    });
    expect(code).toBe(0);
    expect(output.lastIndexOf(LEAVE_ALTERNATE)).toBeGreaterThan(output.lastIndexOf('Quit opd-desk?'));
  });

  it('refuses an invalid roster with exit status 2 before drawing anything', () => {
    const folder = mkdtempSync(join(tmpdir(), 'opd-desk-'));
    const roster = join(folder, 'roster.json');
    writeFileSync(roster, '{"doctors":[{"id":"sharma","name":"Dr. Sharma","code":"SHR","slots":[]}]}');
    const run = spawnSync(process.execPath, [CLI, '--roster', roster, ...dayArgs().split(' ')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`opd-desk: invalid roster ${roster}: doctors[0].slots: must list at least one slot\n`);
    expect(run.stdout).not.toContain(ENTER_ALTERNATE);
  });

  it('prints the board as text when its output is not a terminal', () => {
    const run = spawnSync(process.execPath, [CLI, ...dayArgs().split(' ')], { encoding: 'utf8', input: '' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dr. Sharma\n  09:00-10:00  0/4');
    expect(run.stderr).toContain('the dashboard needs a terminal');
  });
});
