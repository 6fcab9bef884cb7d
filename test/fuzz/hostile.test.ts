/**
 * Fuzz: random bytes and random JSON fed to apply's line reader and parser, the roster loader
 * and the journal reader. Never an exception other than the refusals they are meant to give,
 * never an escape byte in what would reach a terminal, and apply as a process never crashes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute } from '../../src/engine/index.js';
import { resultOfLine, scriptLines } from '../../src/cli/script-input.js';
import { checkedCommand, checkedResult, checkedRoster } from '../../src/journal/entry-check.js';
import { JournalError } from '../../src/journal/journal.js';
import { parseRosterText } from '../../src/schema/roster.js';
import { resultLine } from '../../src/script/text-report.js';
import { terminalSafe } from '../../src/text/terminal-safe.js';

const ESCAPES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');

/** Bytes that look like scripts: JSON fragments, controls, invalid UTF-8, line endings. */
const scriptBytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc
        .constantFrom(
          '{"op":"book","doctor":"sharma","patient":"',
          '"}',
          '\n',
          '\r',
          '\r\n',
          '\u001b]0;x\u0007',
          '\u009b',
          '\u202e',
          '{"op":',
          '[[[[',
          '"toString"',
        )
        .map((s) => Buffer.from(s)),
      fc.jsonValue().map((value) => Buffer.from(`${JSON.stringify(value)}\n`)),
      fc
        .record(
          {
            op: fc.constantFrom('book', 'cancel', 'no-show', 'clock', 'x'),
            doctor: fc.string(),
            patient: fc.string(),
            slot: fc.string(),
            token: fc.string(),
            time: fc.string(),
          },
          { requiredKeys: ['op'] },
        )
        .map((v) => Buffer.from(`${JSON.stringify(v)}\n`)),
    ),
    { maxLength: 30 },
  )
  .map((parts) => Buffer.concat(parts.map((p) => Buffer.from(p))));

async function* chunked(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    yield bytes.subarray(at, at + size);
    at += size;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

describe('fuzz', () => {
  it("apply's reader and parser: any bytes, in any chunks, give results whose text is terminal-safe", async () => {
    await fc.assert(
      fc.asyncProperty(scriptBytes, fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 20 }), async (bytes, sizes) => {
        const day = createDay(defaultRoster());
        for await (const line of scriptLines(chunked(bytes, sizes))) {
          const result = resultOfLine(line, (command) => execute(day, command, { events: false }).result);
          if (result) expect(terminalSafe(`line ${result.line} ${result.op ?? '?'} ${resultLine(result)}`)).not.toMatch(ESCAPES);
        }
      }),
    );
  });

  it('the roster loader: any text or JSON is a roster or a message, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.constant(JSON.stringify(defaultRoster())),
        ),
        (text) => {
          const parsed = parseRosterText(text);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
    );
  });

  it('the journal reader: any stored command, result or roster is accepted or refused with a JournalError', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anything, anything, anything, (command, result, roster) => {
        for (const read of [() => checkedCommand('f', 'd', 1, command), () => checkedResult('f', 'd', 1, result), () => checkedRoster('f', 'd', roster)]) {
          try {
            read();
          } catch (error) {
            expect(error).toBeInstanceOf(JournalError);
          }
        }
      }),
    );
  });

  it('apply as a process: random scripts never crash or hang, and nothing it prints holds an escape byte', () => {
    for (const bytes of fc.sample(scriptBytes, { numRuns: 6, seed: 42 })) {
      for (const json of [false, true]) {
        const run = spawnSync(process.execPath, [CLI, 'apply', '-', ...(json ? ['--json'] : [])], { input: bytes, encoding: 'utf8', timeout: 5000 });
        expect(run.signal).toBeNull();
        expect([0, 1]).toContain(run.status);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.stdout + run.stderr).not.toMatch(ESCAPES);
      }
    }
  });
});
