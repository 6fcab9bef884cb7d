/**
 * The bytes of one archived token (see archive.ts): a fixed part, then its four strings. A string
 * whose characters all fit a byte is stored a byte each, any other as UTF-16 code units, so any
 * string comes back exactly, lone surrogates included; each is preceded by a varint header
 * (0 for null, else 2 x length + 1 for a wide string, + 1).
 */
export class ByteWriter {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  /** Room for `size` more bytes. */
  private room(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + size));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  reset(): void {
    this.length = 0;
  }

  uint8(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  uint16(value: number): void {
    this.room(2);
    this.view.setUint16(this.length, value, true);
    this.length += 2;
  }

  int16(value: number): void {
    this.room(2);
    this.view.setInt16(this.length, value, true);
    this.length += 2;
  }

  uint32(value: number): void {
    this.room(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  string(value: string | null): void {
    const narrow = value === null || !/[^\u0000-\u00ff]/.test(value);
    let header = value === null ? 0 : 2 * value.length + (narrow ? 0 : 1) + 1;
    this.room(5 + (value === null ? 0 : 2 * value.length));
    const bytes = this.bytes;
    do {
      const low = header % 128;
      header = Math.floor(header / 128);
      bytes[this.length++] = low | (header > 0 ? 0x80 : 0);
    } while (header > 0);
    if (value === null) return;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (narrow) bytes[this.length++] = code;
      else {
        bytes[this.length++] = code & 0xff;
        bytes[this.length++] = code >> 8;
      }
    }
  }

  /** What was written since the last reset (a view, valid until the next write). */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

export class ByteReader {
  private readonly view: DataView;
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  uint8(): number {
    return this.bytes[this.at++]!;
  }

  uint16(): number {
    const value = this.view.getUint16(this.at, true);
    this.at += 2;
    return value;
  }

  int16(): number {
    const value = this.view.getInt16(this.at, true);
    this.at += 2;
    return value;
  }

  uint32(): number {
    const value = this.view.getUint32(this.at, true);
    this.at += 4;
    return value;
  }

  string(): string | null {
    let header = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.bytes[this.at++]!;
      header += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (header === 0) return null;
    const length = Math.floor((header - 1) / 2);
    const wide = (header - 1) % 2 === 1;
    const start = this.at;
    this.at += wide ? 2 * length : length;
    return wide ? readWide(this.bytes, start, length) : readNarrow(this.bytes, start, length);
  }
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
