/**
 * A command script read line by line in bounded memory, whatever it holds: a line longer than
 * 64 KiB is that line's error (the rest of it is skipped, never held), invalid UTF-8 is that
 * line's error, a leading BOM is skipped, and `\n`, `\r\n` and a lone `\r` all end a line.
 */
import { createReadStream } from 'node:fs';
import { runLine, type CommandRunner, type LineResult } from '../script/run-script.js';
import { openRegularFile } from './read-file.js';

export const MAX_SCRIPT_LINE_BYTES = 64 * 1024;

export type ScriptLine = { number: number; ok: true; text: string } | { number: number; ok: false; error: string };

const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

/** Splits a byte stream into numbered lines (blank lines included, so numbers stay true). */
export async function* scriptLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<ScriptLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let afterCR = false;
  let atStart = true;
  let number = 0;

  const finish = (): ScriptLine => {
    number += 1;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    const wasTooLong = tooLong;
    parts = [];
    length = 0;
    tooLong = false;
    if (wasTooLong) return { number, ok: false, error: `line longer than ${MAX_SCRIPT_LINE_BYTES / 1024} KiB` };
    try {
      return { number, ok: true, text: decoder.decode(bytes) };
    } catch {
      return { number, ok: false, error: 'not valid UTF-8 text' };
    }
  };
  const keep = (chunk: Buffer, from: number, to: number) => {
    if (to <= from || tooLong) return;
    if (length + (to - from) > MAX_SCRIPT_LINE_BYTES) {
      tooLong = true;
      parts = [];
      length = 0;
      return;
    }
    parts.push(chunk.subarray(from, to));
    length += to - from;
  };

  for await (const piece of input) {
    let chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (atStart && chunk.length > 0) {
      // A BOM split across chunks is rare enough to ignore; a whole one is skipped.
      if (chunk.length >= 3 && BOM.every((byte, i) => chunk[i] === byte)) chunk = chunk.subarray(3);
      atStart = false;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== LF && byte !== CR) continue;
      if (byte === LF && afterCR && i === start && length === 0 && !tooLong) {
        // The LF of a CRLF whose CR ended the previous line.
        afterCR = false;
        start = i + 1;
        continue;
      }
      keep(chunk, start, i);
      yield finish();
      afterCR = byte === CR;
      start = i + 1;
    }
    if (start < chunk.length) afterCR = false;
    keep(chunk, start, chunk.length);
  }
  if (length > 0 || tooLong) yield finish();
}

/** The script's bytes: standard input for `-`, else a regular file (never a FIFO or a device). */
export function openScript(file: string): AsyncIterable<Buffer> {
  if (file === '-') return process.stdin;
  const { fd } = openRegularFile('script', file);
  return createReadStream('', { fd, highWaterMark: 64 * 1024 });
}

/** One line's result: a parse error, or what `run` made of the command; never an exception. */
export function resultOfLine(line: ScriptLine, run: CommandRunner): LineResult | undefined {
  if (!line.ok) return { line: line.number, status: 'ERROR', error: line.error };
  try {
    return runLine(line.text, line.number, run);
  } catch (error) {
    const message = error instanceof RangeError ? 'nested too deeply' : `could not be applied: ${(error as Error).message}`;
    return { line: line.number, status: 'ERROR', error: message };
  }
}
