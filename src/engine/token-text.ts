/**
 * The text of archived tokens (see archive.ts), packed into large byte chunks: a string costs
 * its characters and a length byte or two instead of a heap object each. Exact for any string,
 * lone surrogates included: a string whose characters all fit a byte is stored a byte each,
 * any other as UTF-16 code units.
 */
const CHUNK_BYTES = 1 << 20;

export interface TextAt {
  chunk: number;
  offset: number;
}

export class TextStore {
  private readonly chunks: Uint8Array[] = [];
  private used = CHUNK_BYTES;

  /** Stores the strings (null kept as null) one after another; where they start. */
  write(values: readonly (string | null)[]): TextAt {
    let worst = 0;
    for (const value of values) worst += 5 + (value === null ? 0 : 2 * value.length);
    if (this.used + worst > (this.chunks.at(-1)?.length ?? 0)) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK_BYTES, worst)));
      this.used = 0;
    }
    const bytes = this.chunks.at(-1)!;
    const at = { chunk: this.chunks.length - 1, offset: this.used };
    let pos = this.used;
    for (const value of values) pos = writeString(bytes, pos, value);
    this.used = pos;
    return at;
  }

  /** The `count` strings stored at `at`. */
  read(at: TextAt, count: number): (string | null)[] {
    const bytes = this.chunks[at.chunk]!;
    const values: (string | null)[] = [];
    let pos = at.offset;
    for (let i = 0; i < count; i++) {
      let header = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[pos++]!;
        header += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      if (header === 0) {
        values.push(null);
        continue;
      }
      const length = Math.floor((header - 1) / 2);
      const wide = (header - 1) % 2 === 1;
      values.push(wide ? readWide(bytes, pos, length) : readNarrow(bytes, pos, length));
      pos += wide ? 2 * length : length;
    }
    return values;
  }
}

function writeString(bytes: Uint8Array, start: number, value: string | null): number {
  let pos = start;
  const narrow = value === null || !/[^\u0000-\u00ff]/.test(value);
  let header = value === null ? 0 : 2 * value.length + (narrow ? 0 : 1) + 1;
  do {
    const low = header % 128;
    header = Math.floor(header / 128);
    bytes[pos++] = low | (header > 0 ? 0x80 : 0);
  } while (header > 0);
  if (value === null) return pos;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (narrow) bytes[pos++] = code;
    else {
      bytes[pos++] = code & 0xff;
      bytes[pos++] = code >> 8;
    }
  }
  return pos;
}

// Built in pieces: String.fromCharCode takes its characters as arguments, and arguments are limited.
const PIECE = 4096;

function readNarrow(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let from = start; from < start + length; from += PIECE) {
    text += String.fromCharCode(...bytes.subarray(from, Math.min(from + PIECE, start + length)));
  }
  return text;
}

function readWide(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  const codes: number[] = [];
  for (let i = 0; i < length; i++) {
    codes.push(bytes[start + 2 * i]! | (bytes[start + 2 * i + 1]! << 8));
    if (codes.length === PIECE || i === length - 1) {
      text += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return text;
}
