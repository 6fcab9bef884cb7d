/**
 * Tamper evidence: every entry's hash covers its content and the previous entry's hash; the
 * first entry's previous hash is the day's own (date and roster). Editing, removing or adding a
 * row breaks the chain from that row on. It is evidence against edits made with a database
 * tool, not a signature: whoever recomputes every hash can forge a day (see README).
 */
import * as crypto from 'node:crypto';

export interface ChainedRow {
  date: string;
  seq: number;
  command: string;
  result: string;
  at: string;
  desk: string;
}

/**
 * SHA-256 as hex. `crypto.hash` (Node 20.12+) hashes in one call without a Hash object per row,
 * which a replay of a million rows notices; older Node 20 releases fall back to createHash.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function genesisHash(date: string, rosterText: string): string {
  return sha256Hex(`opd-desk day\n${date}\n${rosterText}`);
}

export function chainHash(previous: string, row: ChainedRow): string {
  // Lengths before each field: no two different rows hash the same text.
  // One string, one update: the hash is the cost of every replayed row.
  const { date, seq, command, result, at, desk } = row;
  const text = `${previous}\n${date.length}:${date}\n${seq}\n${command.length}:${command}\n${result.length}:${result}\n${at.length}:${at}\n${desk.length}:${desk}`;
  return sha256Hex(text);
}
