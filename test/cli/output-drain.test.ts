/** Long outputs wait for a slow stream to drain instead of piling the whole output into its buffer. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkedOutput } from '../../src/cli/chunked-output.js';

const CHUNK = 64 * 1024;

/** A stream that takes one write per `tick()` (a reader slower than the writer), buffering 16 KiB. */
function slowStream() {
  const received: string[] = [];
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      received.push(chunk);
      pending.push(callback);
    },
  });
  const tick = () => pending.shift()?.();
  return { stream, received, tick };
}

/** Takes writes on a timer until stopped, as a reader would. */
function readSlowly(tick: () => void): () => void {
  const timer = setInterval(tick, 1);
  return () => clearInterval(timer);
}

describe('ChunkedOutput and a slow stream', () => {
  it('says it must wait when the stream refuses more, and stops waiting on drain', async () => {
    const { stream, tick } = slowStream();
    const out = new ChunkedOutput(stream, () => false);
    expect(out.mustWait).toBe(false);
    out.write('x'.repeat(CHUNK));
    expect(out.mustWait).toBe(true);
    let drained = false;
    const waiting = out.drained().then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    tick();
    await waiting;
    expect(drained).toBe(true);
    expect(out.mustWait).toBe(false);
  });

  it('a loop that awaits it holds at most one chunk beyond the stream buffer, and the text arrives whole', async () => {
    const { stream, received, tick } = slowStream();
    const out = new ChunkedOutput(stream, () => false);
    const stop = readSlowly(tick);
    const lines = Array.from({ length: 100_000 }, (_, i) => `row ${i} of a big export,with,some,columns\n`);
    let mostBuffered = 0;
    for (const line of lines) {
      out.write(line);
      mostBuffered = Math.max(mostBuffered, stream.writableLength);
      if (out.mustWait) await out.drained();
    }
    await out.end();
    await new Promise<void>((resolve) => stream.end(resolve));
    stop();
    expect(received.join('')).toBe(lines.join(''));
    expect(lines.join('').length).toBeGreaterThan(40 * CHUNK);
    expect(mostBuffered).toBeLessThan(2 * CHUNK);
  });

  it('does not wait forever for a stream that closed instead of draining (the reader went away)', async () => {
    const { stream } = slowStream();
    const out = new ChunkedOutput(stream, () => false);
    out.write('x'.repeat(CHUNK));
    expect(out.mustWait).toBe(true);
    stream.destroy();
    await out.drained();
    expect(out.mustWait).toBe(false);
  });

  it('never waits on a stream that takes everything at once', async () => {
    const received: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk.toString());
        callback();
      },
      highWaterMark: 1 << 30,
    });
    const out = new ChunkedOutput(stream, () => false);
    for (let i = 0; i < 10_000; i++) out.write(`line ${i}\n`);
    expect(out.mustWait).toBe(false);
    await out.end();
    expect(received.join('')).toBe(Array.from({ length: 10_000 }, (_, i) => `line ${i}\n`).join(''));
  });
});
