/**
 * Long outputs (a day's log, an export, apply's report of a million lines) written in chunks of
 * about 64 KiB rather than one write per line (a million small writes cost more than the rows
 * themselves) and never built as one string (which would hold the whole output in memory).
 * When the stream asks the writer to wait (its buffer is full: a slow reader on a socket, a
 * stream that writes asynchronously), `mustWait` says so and `drained()` resolves on its
 * `drain`: loops that await it hold at most one chunk beyond what the stream buffers. Once the
 * reader has gone (`| head`) nothing more is produced.
 */
import { outputClosed } from './closed-output.js';

const CHUNK = 64 * 1024;

export class ChunkedOutput {
  private parts: string[] = [];
  private size = 0;
  private waiting: Promise<void> | undefined;

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly closed: () => boolean = outputClosed,
  ) {}

  /** True once the reader has gone: long loops stop producing. */
  get done(): boolean {
    return this.closed();
  }

  /** True while the stream has refused more until it drains: await `drained()` before writing on. */
  get mustWait(): boolean {
    return this.waiting !== undefined;
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  /** Writes what is held; call it at the end (and before anything else writes to the stream). */
  flush(): void {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.closed()) return;
    if (!this.stream.write(text) && this.waiting === undefined) {
      this.waiting = new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off('drain', done);
          this.stream.off('close', done);
          this.waiting = undefined;
          resolve();
        };
        this.stream.on('drain', done);
        this.stream.on('close', done); // a reader that went away never drains
      });
    }
  }

  /** Resolves once the stream has drained what it refused (at once when it refused nothing). */
  drained(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }

  /** Writes what is held and waits until the stream has taken it. */
  async end(): Promise<void> {
    this.flush();
    await this.drained();
  }
}
