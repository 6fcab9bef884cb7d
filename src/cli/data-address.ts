/** `--data`: a journal file, or a PostgreSQL connection string (`postgres://USER@HOST:PORT/DB`). */
import { redact } from '../journal/pg/errors.js';
import { UsageError } from './usage-error.js';

export type DataAddress = { kind: 'file'; file: string } | { kind: 'postgres'; url: string; shown: string };

/** What `--data` names; undefined (the default file) is a file. A URL of another kind is refused. */
export function dataAddress(data: string | undefined): DataAddress | undefined {
  if (data === undefined) return undefined;
  if (/^postgres(ql)?:\/\//i.test(data)) return { kind: 'postgres', url: data, shown: redact(data) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(data)) {
    throw new UsageError(`--data takes a journal file or a postgres:// connection string, not ${redact(data)}`);
  }
  return { kind: 'file', file: data };
}

/** True when `--data` is a PostgreSQL connection string. */
export function onPostgres(data: string | undefined): data is string {
  return dataAddress(data)?.kind === 'postgres';
}

/** For the commands that work on a file only: a clear refusal of a PostgreSQL address. */
export function refusePostgres(data: string | undefined, command: string, why: string): void {
  if (onPostgres(data)) throw new UsageError(`${command} works on a journal file, not on PostgreSQL (${why})`);
}
