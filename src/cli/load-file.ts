import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/**
 * Reads and checks a file named on the command line (a roster, an arrival model). Any problem
 * is a usage error (exit 2) naming the file and what is wrong with it.
 */
export function loadCheckedFile<T>(what: string, file: string, check: (text: string) => { ok: true; value: T } | { ok: false; error: string }): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const checked = check(text);
  if (!checked.ok) throw new UsageError(`invalid ${what} ${file}: ${checked.error}`);
  return checked.value;
}
