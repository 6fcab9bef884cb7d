import { readRegularFile } from './read-file.js';
import { UsageError } from './usage-error.js';

/** The most a roster or a model file may hold (a roster of thousands of doctors fits easily). */
export const MAX_CHECKED_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Reads and checks a file named on the command line (a roster, an arrival model). Any problem
 * is a usage error (exit 2) naming the file and what is wrong with it.
 */
export function loadCheckedFile<T>(what: string, file: string, check: (text: string) => { ok: true; value: T } | { ok: false; error: string }): T {
  const text = readRegularFile(what, file, MAX_CHECKED_FILE_BYTES);
  let checked: ReturnType<typeof check>;
  try {
    checked = check(text);
  } catch (error) {
    // A document too deep for the checker is as invalid as any other.
    checked = { ok: false, error: error instanceof RangeError ? 'nested too deeply' : (error as Error).message };
  }
  if (!checked.ok) throw new UsageError(`invalid ${what} ${file}: ${checked.error}`);
  return checked.value;
}
