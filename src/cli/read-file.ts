/**
 * Opening files named on the command line without surprises: a FIFO never hangs (it is opened
 * non-blocking and refused), a device such as /dev/zero or a folder is refused, and a file over
 * its size cap is refused before it is read. Every refusal is a usage error in words.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** What a failed open means, in words (never a bare ENOENT or EISDIR). */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (or a symbolic link where none is allowed)';
    case 'ENXIO':
      return 'it is a special file with nothing to read';
    default:
      return (error as Error).message;
  }
}

/** Opens `file` for reading and checks it is a regular file; returns the descriptor. */
export function openRegularFile(what: string, file: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${describeFileError(error)}`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    const kind = stats.isDirectory()
      ? 'a folder'
      : stats.isFIFO()
        ? 'a pipe (FIFO)'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
    throw new UsageError(`cannot read ${what} ${file}: it is ${kind}; give a regular file`);
  }
  return { fd, size: stats.size };
}

/** Reads a whole regular file of at most `maxBytes` as UTF-8 (a leading BOM skipped). */
export function readRegularFile(what: string, file: string, maxBytes: number): string {
  const { fd, size } = openRegularFile(what, file);
  try {
    if (size > maxBytes) throw new UsageError(`cannot read ${what} ${file}: it is ${size} bytes, more than the ${maxBytes} a ${what} may be`);
    // Read at most one byte past the cap: a file that grows while it is read is still bounded.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new UsageError(`cannot read ${what} ${file}: it is more than the ${maxBytes} bytes a ${what} may be`);
    }
    const bytes = buffer.subarray(0, length);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError(`invalid ${what} ${file}: it is not UTF-8 text`);
    }
  } finally {
    closeSync(fd);
  }
}
