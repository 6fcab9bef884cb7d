/** `opd-desk lobby` as a process: it follows what another process writes to the day's journal. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const DATE = '2026-03-02';

function journal(): string {
  return join(mkdtempSync(join(tmpdir(), 'opd-desk-lobby-')), 'desk.db');
}

/** Runs `apply` on the journal, as a second desk would. */
function apply(file: string, lines: object[]): void {
  const script = join(mkdtempSync(join(tmpdir(), 'opd-desk-lobby-')), 'script.jsonl');
  writeFileSync(script, lines.map((line) => JSON.stringify(line)).join('\n'));
  const run = spawnSync(process.execPath, [CLI, 'apply', '--data', file, '--date', DATE, '--desk', 'counter-2', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}

/** Starts the lobby in a 120x40 pseudo-terminal (util-linux `script`). */
function lobbyInTerminal(file: string, date: string) {
  const env = { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' };
  const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${process.execPath} ${CLI} lobby --data ${file} --date ${date}`, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, seen: () => stripVTControlCharacters(output) };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error('timed out');
}

describe('opd-desk lobby', () => {
  it('follows another process: a call made there shows on the board, names never do', async () => {
    const file = journal();
    apply(file, [
      { op: 'book', doctor: 'sharma', patient: 'Asha Rao', slot: '09:00', phone: '9845012345' },
      { op: 'book', doctor: 'sharma', patient: 'Kiran Shah', slot: '09:00' },
      { op: 'check-in', token: 'SHR-001' },
      { op: 'check-in', token: 'SHR-002' },
    ]);
    const { child, exited, seen } = lobbyInTerminal(file, DATE);
    await until(() => seen().includes('2 waiting'));
    apply(file, [{ op: 'call', doctor: 'sharma' }]);
    await until(() => seen().includes('Now seeing SHR-001'));
    apply(file, [{ op: 'call', doctor: 'sharma' }]);
    await until(() => seen().includes('Now seeing SHR-002'));
    child.stdin.write('q');
    expect(await exited).toBe(0);
    expect(seen()).not.toContain('Asha');
    expect(seen()).not.toContain('98450');
  });

  it('in a terminal, waits for a desk to start the day, then shows it', async () => {
    const file = journal();
    apply(file, [{ op: 'book', doctor: 'sharma', patient: 'Asha Rao' }]);
    const { child, exited, seen } = lobbyInTerminal(file, '2026-03-03');
    await until(() => seen().includes('waiting for a desk to start 2026-03-03'));
    spawnSync(process.execPath, [CLI, 'apply', '--data', file, '--date', '2026-03-03', '-'], {
      input: ['{"op":"book","doctor":"reddy","patient":"Omar Ali"}', '{"op":"check-in","token":"RED-001"}'].join('\n'),
    });
    await until(() => seen().includes('RED-001') && seen().includes('1 waiting'));
    child.stdin.write('q');
    expect(await exited).toBe(0);
  });

  it('without a terminal, refuses a day that has not started, naming the days the file has, and writes nothing', () => {
    const file = journal();
    apply(file, [{ op: 'book', doctor: 'sharma', patient: 'Asha Rao' }]);
    const before = readFileSync(file);
    const run = spawnSync(process.execPath, [CLI, 'lobby', '--data', file, '--date', '2026-03-03'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(run.stderr).toContain('has no day 2026-03-03 (it has: 2026-03-02)');
  });

  it('prints the board as text when it is not in a terminal', () => {
    const file = journal();
    apply(file, [
      { op: 'book', doctor: 'sharma', patient: 'Asha Rao' },
      { op: 'check-in', token: 'SHR-001' },
    ]);
    const run = spawnSync(process.execPath, [CLI, 'lobby', '--data', file, '--date', DATE], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dr. Sharma: now — · next SHR-001 · 1 waiting');
    expect(run.stderr).toContain('the lobby board needs a terminal');
  });
});
