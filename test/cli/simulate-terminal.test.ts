/** simulate in a pseudo-terminal (util-linux `script`): the report the film ends on stays after q. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const ROSTER = join(import.meta.dirname, '../../examples/spec-roster.json');
const LEAVE_ALTERNATE = '\u001B[?1049l';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error('timed out');
}

describe('opd-desk simulate in a terminal', () => {
  it('prints the end-of-day report on the normal screen after q', async () => {
    const env = { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' };
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${process.execPath} ${CLI} simulate --roster ${ROSTER}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env,
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await until(() => output.includes('Dr. Kapoor'));
    child.stdin!.write('+++');
    await until(() => output.includes('The day has closed'));
    child.stdin!.write('q');
    expect(await exited).toBe(0);
    const after = output.slice(output.lastIndexOf(LEAVE_ALTERNATE));
    expect(after).toContain('End of day · seed 7');
    expect(after).toContain('All doctors');
  });
});
