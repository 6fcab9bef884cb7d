/** Hostile scripts, rosters and models given to the built command: a line's ERROR or a usage error, never a crash. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');

function opdDesk(args: string[], input?: string | Buffer) {
  const run = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const folder = () => mkdtempSync(join(tmpdir(), 'opd-desk-hostile-'));
function tempFile(name: string, content: string | Buffer): string {
  const path = join(folder(), name);
  writeFileSync(path, content);
  return path;
}
const book = (patient: string) => JSON.stringify({ op: 'book', doctor: 'sharma', patient });
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |TypeError|RangeError/);

describe('apply on hostile scripts', () => {
  it("an op that is an object or a 10,000-deep array is that line's ERROR; the rest of the script runs", () => {
    const deep = `{"op":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const script = tempFile('s.jsonl', ['{"op":{"toString":1}}', deep, book('Asha')].join('\n'));
    for (const json of [false, true]) {
      const run = opdDesk(['apply', script, ...(json ? ['--json'] : [])]);
      expect(run.status).toBe(1);
      noStackTrace(run.stderr);
      expect(run.stderr).toContain(':1: "op" must be text');
      expect(run.stderr).toContain(':2: "op" must be text');
      expect(run.stdout).toContain('SHR-001');
    }
  });

  it("a line over 64 KiB is that line's ERROR", () => {
    const script = tempFile('s.jsonl', `${book('x'.repeat(70_000))}\n${book('Asha')}\n`);
    const run = opdDesk(['apply', script]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(':1: line longer than 64 KiB');
    expect(run.stdout).toContain('line 2  book      ALLOCATED SHR-001');
  });

  it("invalid UTF-8 is that line's ERROR; a leading BOM is skipped; a lone CR ends a line", () => {
    const bad = Buffer.concat([Buffer.from('{"op":"book","doctor":"sharma","patient":"A'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const script = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${book('Asha')}\r`), bad, Buffer.from(book('Ravi'))]);
    for (const args of [[tempFile('s.jsonl', script)], ['-']]) {
      const run = opdDesk(['apply', ...args], script);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('line 1  book      ALLOCATED SHR-001');
      expect(run.stderr).toMatch(/:2: not valid UTF-8 text/);
      expect(run.stdout).toContain('line 3  book      ALLOCATED SHR-002');
    }
  });

  it('a device, a FIFO or a folder is refused as script, roster or model, in words', () => {
    const dir = folder();
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    const script = tempFile('s.jsonl', book('Asha'));
    const cases: [string[], RegExp][] = [
      [['apply', '/dev/zero'], /cannot read script \/dev\/zero: it is a device/],
      [['apply', join(dir, 'fifo')], /it is a pipe \(FIFO\)/],
      [['apply', script, '--roster', join(dir, 'fifo')], /cannot read roster .*it is a pipe/],
      [['apply', script, '--roster', '/dev/zero'], /cannot read roster \/dev\/zero: it is a device/],
      [['simulate', '--headless', '--model', join(dir, 'fifo')], /cannot read model .*it is a pipe/],
      [['apply', script, '--roster', dir], /it is a folder/],
      [['apply', join(dir, 'missing.jsonl')], /no such file/],
    ];
    for (const [args, message] of cases) {
      const run = opdDesk(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      noStackTrace(run.stderr);
    }
  });

  it('a roster over the size cap is refused before it is read', () => {
    const roster = tempFile('big.json', Buffer.alloc(9 * 1024 * 1024, 0x20));
    const run = opdDesk(['apply', tempFile('s.jsonl', book('A')), '--roster', roster]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/more than the \d+ a roster may be/);
  });

  it('a closed stdout ends apply quietly', () => {
    const script = tempFile('s.jsonl', Array.from({ length: 3000 }, (_, i) => book(`P${i}`)).join('\n'));
    for (const pipeline of [`| head -1`, `--json | head -c 10`]) {
      const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" apply "${script}" ${pipeline} >/dev/null`], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
    }
  });
});
