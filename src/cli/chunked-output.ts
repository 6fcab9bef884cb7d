/**
 * Long outputs (a day's log, an export, apply's report of a million lines) written in chunks of
 * about 64 KiB rather than one write per line (a million small writes cost more than the rows
 * themselves) and never built as one string (which would hold the whole output in memory).
 * On Linux, writes to a file, a pipe or a terminal complete before `write` returns, so at most
 * one chunk is ever held; once the reader has gone (`| head`) nothing more is produced.
 */
import { outputClosed } from './closed-output.js';

const CHUNK = 64 * 1024;

export class ChunkedOutput {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly closed: () => boolean = outputClosed,
  ) {}

  /** True once the reader has gone: long loops stop producing. */
  get done(): boolean {
    return this.closed();
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
    if (!this.closed()) this.stream.write(text);
  }
}
