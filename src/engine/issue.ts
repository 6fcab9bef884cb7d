/** Issuing a token: a new booking, or a move to another doctor (SPEC §1, §5). */
import { recordIssue, registerActive } from './allocation.js';
import { Token, type Day, type Doctor, type TokenFacts } from './model.js';

export interface TokenSpec extends TokenFacts {
  /** A moved token keeps its original arrival order and check-in. */
  from?: Token;
}

/**
 * Issues the doctor's next token number; the caller places it at once. Undone, the token stays
 * listed as VOIDED and its number is never issued again (SPEC §5). Nothing may fail after a
 * token is issued.
 */
export function issueToken(day: Day, doctor: Doctor, spec: TokenSpec): Token {
  const seq = doctor.nextSeq++;
  const from = spec.from;
  const token = new Token(doctor, seq, spec, {
    arrival: from ? from.arrival : day.tokens.length,
    issuedAt: day.clock,
    checkedIn: from ? from.checkedIn : null,
    transferred: from !== undefined,
  });
  if (from && day.archive) day.archive.noteMovedIn(token, day.tokens.length);
  day.tokens.push(token);
  doctor.tokens.push(token);
  registerActive(token);
  recordIssue(day, token);
  return token;
}
