/** Issuing a token: a new booking, or a move to another doctor (SPEC §1, §5). */
import { registerActive, releaseActive } from './allocation.js';
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
 * Issues the doctor's next token number. Undone, the token stays listed as VOIDED and its
 * number is never issued again (SPEC §5). Nothing may fail after a token is issued.
 */
export function issueToken(day: Day, doctor: Doctor, spec: TokenSpec): Token {
  const seq = doctor.nextSeq++;
  const from = spec.from;
  const token: Token = {
    id: `${doctor.code}-${String(seq).padStart(3, '0')}`,
    seq,
    arrival: from ? from.arrival : day.tokens.length,
    doctor,
    patient: spec.patient,
    phone: spec.phone,
    phoneKey: spec.phoneKey,
    source: spec.source,
    priority: spec.priority,
    slot: spec.slot,
    status: 'WAITLISTED',
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
  day.tokens.push(token);
  doctor.tokens.push(token);
  registerActive(token);
  day.trail?.push(() => voidToken(day, token));
  return token;
}

function voidToken(day: Day, token: Token): void {
  // Every later change to the token was taken back first: it is active and placed nowhere.
  releaseActive(token);
  token.status = 'VOIDED';
  token.endedAt = day.clock;
}
