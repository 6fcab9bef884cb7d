/** What a failed PostgreSQL call means for the journal: unavailable (retry later) or a problem to report. */
import { JournalUnavailableError } from '../async-journal.js';
import { JournalError } from '../journal.js';

/** SQLSTATE classes and codes that mean the server went away or is not ready: retry later. */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_CLASSES = ['08']; // connection exceptions
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENOENT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof JournalUnavailableError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_CODES.has(code) || SOCKET_CODES.has(code)) return true;
    if (UNAVAILABLE_CLASSES.some((prefix) => code.length === 5 && code.startsWith(prefix))) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|not queryable/i.test(
    message,
  );
}

/** The error as the journal reports it: a JournalUnavailableError, a JournalError, or as it was. */
export function explainPg(error: unknown, location: string): unknown {
  if (error instanceof JournalError) return error;
  if (isUnavailable(error)) {
    return new JournalUnavailableError(`the journal at ${location} cannot be reached (${(error as Error).message}); nothing was changed, try again`);
  }
  const code = (error as { code?: unknown }).code;
  if (code === '55P03') return new JournalError(`the journal at ${location} stayed locked by another server for too long; try again`);
  if (code === '28P01' || code === '28000')
    return new JournalError(`the journal at ${location} refused the login (${(error as Error).message}); check the user and password in --data`);
  if (code === '3D000') return new JournalError(`the journal at ${location}: ${(error as Error).message}; create the database first (createdb)`);
  if (code === '42501')
    return new JournalError(
      `the journal at ${location}: ${(error as Error).message}; the database user needs to own the database (see README, Running on PostgreSQL)`,
    );
  if (typeof code === 'string' && code.length === 5) return new JournalError(`the journal at ${location}: ${(error as Error).message}`);
  return error;
}

/** The connection string without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable address)';
  }
}
