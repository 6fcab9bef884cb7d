/** Issuing a token: a new booking, or a move to another doctor (SPEC §1, §5). */
import { recordIssue, registerActive } from './allocation.js';
import { tokenId } from './archive.js';
import type { Day, Doctor, Slot, Token } from './model.js';
import type { Priority, Source } from './sources.js';

export interface TokenSpec {
  patient: string;
  phone: string | null;
  phoneKey: string | null;
  source: Source;
  priority: Priority;
  slot: Slot;
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
  const token: Token = {
    id: tokenId(doctor, seq),
    seq,
    arrival: from ? from.arrival : day.tokens.length,
    doctor,
    patient: spec.patient,
    phone: spec.phone,
    phoneKey: spec.phoneKey,
    source: spec.source,
    priority: spec.priority,
    slot: spec.slot,
    // Placing the token sets its status; taking the booking back restores this one.
    status: 'VOIDED',
    bumps: 0,
    issuedAt: day.clock,
    seatedAt: null,
    endedAt: null,
    checkedIn: from ? from.checkedIn : null,
    calledAt: null,
    movedTo: null,
    transferred: from !== undefined,
    heapIndex: -1,
  };
  if (from && day.archive) day.archive.noteMovedIn(token, day.tokens.length);
  day.tokens.push(token);
  doctor.tokens.push(token);
  registerActive(token);
  recordIssue(day, token);
  return token;
}
