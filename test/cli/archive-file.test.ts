/**
 * The temporary file export keeps archived tokens in (src/cli/archive-file.ts): every token's
 * bytes come back exactly, nothing is left in the folder, and a folder that refuses (missing,
 * or failing mid-way) costs memory, never a token.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TempFileArchiveStore } from '../../src/cli/archive-file.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const folder = () => mkdtempSync(join(tmpdir(), 'opd-desk-archive-'));

/** Entries of every size: small ones, ones past the 512-byte read window, ones past the 64 KiB buffer. */
const entries = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 5000 }),
    fc.oneof({ weight: 8, arbitrary: fc.uint8Array({ maxLength: 80 }) }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 500, maxLength: 3000 }) }),
  ),
  { maxLength: 3000 },
);

function expectKept(store: TempFileArchiveStore, kept: Map<number, Uint8Array>): void {
  for (const [position, bytes] of kept) expect([...store.get(position).subarray(0, bytes.length)]).toEqual([...bytes]);
}

describe('the temporary archive file', () => {
  it('gives back every entry exactly, whether still buffered, on file or kept in memory', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const store = new TempFileArchiveStore(folder());
        const kept = new Map<number, Uint8Array>();
        for (const [position, bytes] of list) {
          store.put(position, bytes);
          kept.set(position, bytes);
        }
        expectKept(store, kept);
        store.close();
      }),
      { numRuns: 40 },
    );
    const store = new TempFileArchiveStore(folder());
    const huge = new Uint8Array(200_000).map((_, i) => i % 251);
    store.put(7, huge);
    expect([...store.get(7).subarray(0, huge.length)]).toEqual([...huge]);
    store.close();
  });

  it('leaves nothing in its folder, even while open', () => {
    const where = folder();
    const store = new TempFileArchiveStore(where);
    store.put(0, new Uint8Array([1, 2, 3]));
    expect(readdirSync(where)).toEqual([]);
    store.close();
  });

  it('keeps entries in memory when the folder cannot be written, from the start or mid-way', () => {
    const missing = new TempFileArchiveStore(join(folder(), 'no-such-folder'));
    const failing = new TempFileArchiveStore(folder());
    const kept = new Map<number, Uint8Array>();
    for (let position = 0; position < 3000; position++) {
      const bytes = new Uint8Array(60).fill(position % 256);
      // Writes fail under the second store after two flushes (as on a full disk); what is on file stays readable.
      if (position === 2500) {
        const handle = failing as unknown as { fd: number };
        handle.fd = openSync(`/proc/self/fd/${handle.fd}`, 'r');
      }
      missing.put(position, bytes);
      failing.put(position, bytes);
      kept.set(position, bytes);
    }
    expectKept(missing, kept);
    expectKept(failing, kept);
  });

  it('export lists the same day when the temporary folder is missing', () => {
    const data = join(folder(), 'desk.db');
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ op: 'book', doctor: 'sharma', patient: `Patient ${i}` }));
    const script = [...lines, JSON.stringify({ op: 'cancel', token: 'SHR-002' }), JSON.stringify({ op: 'clock', time: '18:00' })].join('\n');
    expect(spawnSync(process.execPath, [CLI, 'apply', '-', '--data', data, '--date', '2026-03-02'], { input: script }).status).toBe(0);
    const exportWith = (tmp: string) =>
      spawnSync(process.execPath, [CLI, 'export', '--data', data, '--date', '2026-03-02', '--format', 'csv'], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: tmp },
      });
    const usual = folder();
    const normal = exportWith(usual);
    const missing = exportWith(join(folder(), 'gone'));
    expect(normal.status).toBe(0);
    expect(normal.stdout.split('\n')).toHaveLength(42);
    expect(normal.stdout).toContain('SHR-002,Patient 1,,sharma,09:00-10:00,WALK_IN,CANCELLED');
    expect(missing).toMatchObject({ status: 0, stdout: normal.stdout, stderr: '' });
    expect(readdirSync(usual)).toEqual([]);
  });
});
