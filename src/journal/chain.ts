/**
 * Tamper evidence: every entry's hash covers its content and the previous entry's hash; the
 * first entry's previous hash is the day's own (date and roster). Editing, removing or adding a
 * row breaks the chain from that row on. It is evidence against edits made with a database
 * tool, not a signature: whoever recomputes every hash can forge a day (see README).
 */
import { createHash } from 'node:crypto';

export interface ChainedRow {
  date: string;
  seq: number;
  command: string;
  result: string;
  at: string;
  desk: string;
}

export function genesisHash(date: string, rosterText: string): string {
  return createHash('sha256').update(`opd-desk day\n${date}\n${rosterText}`).digest('hex');
}

export function chainHash(previous: string, row: ChainedRow): string {
  // Lengths before each field: no two different rows hash the same text.
  const fields = [row.date, String(row.seq), row.command, row.result, row.at, row.desk];
  const hash = createHash('sha256').update(previous);
  for (const field of fields) hash.update(`\n${field.length}:`).update(field);
  return hash.digest('hex');
}
