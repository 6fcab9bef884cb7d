/** Long outputs are written in chunks, never built whole: same text, fewer writes, stop when the reader goes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ChunkedOutput } from '../../src/cli/chunked-output.js';
import { createDay, defaultRoster, execute } from '../../src/engine/index.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');

class Collector {
  writes: string[] = [];
  write(text: string) {
    this.writes.push(text);
    return true;
  }
}

const collected = (closed: () => boolean = () => false) => {
  const stream = new Collector();
  return { stream, out: new ChunkedOutput(stream as unknown as NodeJS.WritableStream, closed) };
};

describe('ChunkedOutput', () => {
  it('writes the same text in chunks of about 64 KiB, the rest at flush', () => {
    const { stream, out } = collected();
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} of a long output\n`);
    for (const line of lines) out.write(line);
    const beforeFlush = stream.writes.length;
    out.flush();
    expect(stream.writes.join('')).toBe(lines.join(''));
    expect(beforeFlush).toBeGreaterThan(0);
    expect(stream.writes.length).toBe(beforeFlush + 1);
    expect(stream.writes.length).toBeLessThan(20);
    for (const chunk of stream.writes.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('holds a short output until flush, and flushing nothing writes nothing', () => {
    const { stream, out } = collected();
    out.flush();
    out.write('short\n');
    expect(stream.writes).toEqual([]);
    out.flush();
    expect(stream.writes).toEqual(['short\n']);
  });

  it('writes nothing more once the reader has gone, and says so', () => {
    let closed = false;
    const { stream, out } = collected(() => closed);
    out.write('x'.repeat(70 * 1024));
    expect(stream.writes).toHaveLength(1);
    closed = true;
    expect(out.done).toBe(true);
    out.write('y'.repeat(70 * 1024));
    out.flush();
    expect(stream.writes).toHaveLength(1);
  });
});

const book = (i: number) => JSON.stringify({ op: 'book', doctor: ['sharma', 'reddy', 'kapoor'][i % 3], patient: `Patient ${i}` });

function script(lines: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-long-output-')), 'day.jsonl');
  writeFileSync(file, [...Array.from({ length: lines }, (_, i) => book(i)), '{"op":"clock","time":"24:00"}'].join('\n'));
  return file;
}

describe('apply with a long report', () => {
  it('--json is one result and one token a line, whole, for 20,000 lines', () => {
    const run = spawnSync(process.execPath, [CLI, 'apply', script(20_000), '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.results).toHaveLength(20_001);
    expect(document.tokens).toHaveLength(20_000);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('{"results":[');
    expect(lines[1]).toBe('  {"line":1,"op":"book","status":"ALLOCATED","token":"SHR-001","slot":"09:00-10:00"},');
    expect(lines.filter((line) => line.startsWith('  {"token":')).length).toBe(20_000);
    expect(run.stdout.endsWith(']}\n')).toBe(true);
  });

  it('--json of an empty script keeps its empty lists', () => {
    const run = spawnSync(process.execPath, [CLI, 'apply', '-', '--json'], { input: '', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\{"results":\[\],\n"board":\{.*\},\n"tokens":\[\]\}\n$/);
  });

  it('the text report lists every line, then the summary and the board', () => {
    const run = spawnSync(process.execPath, [CLI, 'apply', script(20_000)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => /^line +\d+ {2}book/.test(line)).length).toBe(20_000);
    expect(lines[0]).toBe('line     1  book      ALLOCATED SHR-001 09:00-10:00');
    expect(run.stdout).toContain('20001 commands: 20001 applied, 0 failed\n\n');
  });

  it('into a closed pipe, a long report ends quietly', () => {
    const file = script(20_000);
    for (const pipeline of ['| head -1', '--json | head -c 10']) {
      const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" apply "${file}" ${pipeline} >/dev/null`], { encoding: 'utf8' });
      expect(run.stderr, pipeline).toBe('');
    }
  });
});

describe('log of a day with a damaged row', () => {
  it('shows the rows before it, then refuses the damaged one (exit 2)', () => {
    const data = join(mkdtempSync(join(tmpdir(), 'opd-desk-long-output-')), 'desk.db');
    const journal = SqliteJournal.open(data);
    journal.startDay({ date: '2026-03-02', roster: defaultRoster() }, 'x');
    const day = createDay(defaultRoster());
    journal.exclusive((locked) => {
      for (let seq = 1; seq <= 3; seq++) {
        const command = { op: 'book', doctor: 'sharma', patient: `P${seq}` } as const;
        locked.append('2026-03-02', { seq, command, result: execute(day, command, { events: false }).result, at: '2026-03-02T09:00:00.000Z', desk: 'x' });
      }
    });
    journal.close();
    const raw = new Database(data);
    raw.exec("UPDATE commands SET command = 'not json' WHERE seq = 3");
    raw.close();
    const run = spawnSync(process.execPath, [CLI, 'log', '--data', data, '--date', '2026-03-02'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^ {4}1 .*patient="P1"/m);
    expect(run.stdout).toMatch(/^ {4}2 .*patient="P2"/m);
    expect(run.stdout).not.toContain('P3');
    expect(run.stderr).toMatch(/seq 3/);
  });
});
