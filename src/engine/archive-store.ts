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

/** `array` when it has `length` entries, else a copy at least twice as long: arrays indexed by position. */
export function withRoom<T extends Uint32Array | Float64Array>(array: T, length: number): T {
  if (array.length >= length) return array;
  const grown = new (array.constructor as new (size: number) => T)(Math.max(2 * array.length, length));
  grown.set(array);
  return grown;
}

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
    this.where = withRoom(this.where, 2 * position + 2);
    this.where[2 * position] = this.chunks.length - 1;
    this.where[2 * position + 1] = this.used;
    this.used += bytes.length;
  }

  get(position: number): Uint8Array {
    return this.chunks[this.where[2 * position]!]!.subarray(this.where[2 * position + 1]!);
  }
}
