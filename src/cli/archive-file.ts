/**
 * The store `export` and `report` give the engine's archive mode (src/engine/archive.ts): finished tokens'
 * bytes in a temporary file rather than in memory, so a day of a million commands is listed in
 * a bounded heap. The file is removed as soon as it is open, so nothing is left behind however
 * the process ends. Should the temporary folder refuse (unwritable, full), tokens are kept in
 * memory from then on: slower to fit, never lost.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryArchiveStore, withRoom, type ArchiveStore } from '../engine/index.js';

const BUFFER_BYTES = 1 << 16;
/** Where `offsets` says a position went to memory. */
const IN_MEMORY = -1;

export class TempFileArchiveStore implements ArchiveStore {
  private fd: number | null;
  /** False once a write has failed: what is on file stays readable, the rest goes to memory. */
  private writable: boolean;
  private readonly memory = new MemoryArchiveStore();
  /** Per position: 1 + where its entry (a 4-byte length, then the bytes) starts in the file; 0 for none. */
  private offsets = new Float64Array(4096);
  private readonly buffer = Buffer.alloc(BUFFER_BYTES);
  private buffered = 0;
  /** The file's length: what has been written out. */
  private written = 0;
  private window = Buffer.alloc(512);

  constructor(folder = tmpdir()) {
    try {
      const file = join(folder, `opd-desk-archive-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      this.fd = openSync(file, 'wx+', 0o600);
      unlinkSync(file);
    } catch {
      this.fd = null;
    }
    this.writable = this.fd !== null;
  }

  put(position: number, bytes: Uint8Array): void {
    this.offsets = withRoom(this.offsets, position + 1);
    const entry = 4 + bytes.length;
    if (this.writable && this.buffered + entry > BUFFER_BYTES) this.flush();
    if (!this.writable || entry > BUFFER_BYTES) {
      this.offsets[position] = IN_MEMORY;
      this.memory.put(position, bytes);
      return;
    }
    this.offsets[position] = 1 + this.written + this.buffered;
    this.buffer.writeUInt32LE(bytes.length, this.buffered);
    this.buffer.set(bytes, this.buffered + 4);
    this.buffered += entry;
  }

  get(position: number): Uint8Array {
    const stored = this.offsets[position]!;
    if (stored === IN_MEMORY) return this.memory.get(position);
    const offset = stored - 1;
    if (offset >= this.written) {
      const at = offset - this.written;
      return this.buffer.subarray(at + 4, at + 4 + this.buffer.readUInt32LE(at));
    }
    let length = this.readAt(offset, this.window.length);
    if (4 + length > this.window.length) {
      this.window = Buffer.alloc(4 + length);
      length = this.readAt(offset, 4 + length);
    }
    return this.window.subarray(4, 4 + length);
  }

  close(): void {
    try {
      if (this.fd !== null) closeSync(this.fd);
    } catch {
      // Already gone: nothing to give back.
    }
    this.fd = null;
    this.writable = false;
  }

  /** Reads up to `size` bytes of the entry at `offset` into the window; its length. */
  private readAt(offset: number, size: number): number {
    readSync(this.fd!, this.window, 0, Math.min(size, this.written - offset), offset);
    return this.window.readUInt32LE(0);
  }

  private flush(): void {
    if (this.buffered === 0 || !this.writable) return;
    try {
      let done = 0;
      while (done < this.buffered) done += writeSync(this.fd!, this.buffer, done, this.buffered - done, this.written + done);
    } catch {
      // The folder is full or gone: what was buffered moves to memory, as everything after it.
      this.moveBufferToMemory();
      this.writable = false;
      return;
    }
    this.written += this.buffered;
    this.buffered = 0;
  }

  private moveBufferToMemory(): void {
    for (let position = 0; position < this.offsets.length; position++) {
      const offset = this.offsets[position]! - 1;
      if (offset < this.written) continue; // on file already, in memory (-2) or never put (-1)
      const at = offset - this.written;
      this.memory.put(position, this.buffer.subarray(at + 4, at + 4 + this.buffer.readUInt32LE(at)));
      this.offsets[position] = IN_MEMORY;
    }
    this.buffered = 0;
  }
}
