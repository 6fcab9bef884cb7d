/**
 * Where archive mode (archive.ts) keeps its tokens' bytes: in memory by default; a reader of a
 * very large day may give a store on disk (the command line's export does).
 */
export interface ArchiveStore {
  /** Keeps the bytes of the token at issue position `position` (put again, they replace the first). */
  put(position: number, bytes: Uint8Array): void;
  /** The bytes kept for `position`; may run on past them (the reader knows where they end). */
  get(position: number): Uint8Array;
}

const CHUNK_BYTES = 1 << 20;

/** Tokens' bytes packed one after another into 1 MiB chunks, found by position. */
export class MemoryArchiveStore implements ArchiveStore {
  private readonly chunks: Uint8Array[] = [];
  private used = CHUNK_BYTES;
  /** Per position: its chunk and offset. */
  private where = new Uint32Array(2 * 4096);

  put(position: number, bytes: Uint8Array): void {
    if (this.used + bytes.length > (this.chunks.at(-1)?.length ?? 0)) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK_BYTES, bytes.length)));
      this.used = 0;
    }
    this.chunks.at(-1)!.set(bytes, this.used);
    if (2 * position + 1 >= this.where.length) {
      const grown = new Uint32Array(Math.max(2 * this.where.length, 2 * position + 2));
      grown.set(this.where);
      this.where = grown;
    }
    this.where[2 * position] = this.chunks.length - 1;
    this.where[2 * position + 1] = this.used;
    this.used += bytes.length;
  }

  get(position: number): Uint8Array {
    return this.chunks[this.where[2 * position]!]!.subarray(this.where[2 * position + 1]!);
  }
}
