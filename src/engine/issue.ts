/** Issuing a token: a new booking, or a move to another doctor (SPEC §1, §5). */
import { recordIssue, registerActive } from './allocation.js';
import { tokenId } from './archive.js';
import type { Day, Doctor, Slot, Token } from './model.js';
import type { Status } from './status.js';
import type { Minutes } from './time.js';
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
 * A token's object. Its id is derived from the doctor's code and the number, not stored: a large
 * day holds hundreds of thousands of tokens, and a stored id string cost 40 bytes each.
 */
class IssuedToken implements Token {
  readonly seq: number;
  readonly arrival: number;
  readonly doctor: Doctor;
  readonly patient: string;
  readonly phone: string | null;
  readonly phoneKey: string | null;
  readonly source: Source;
  readonly priority: Priority;
  slot: Slot;
  // Placing the token sets its status; taking the booking back restores this one.
  status: Status = 'VOIDED';
  bumps = 0;
  readonly issuedAt: Minutes;
  seatedAt: Minutes | null = null;
  endedAt: Minutes | null = null;
  checkedIn: Minutes | null;
  calledAt: Minutes | null = null;
  movedTo: string | null = null;
  readonly transferred: boolean;
  heapIndex = -1;

  constructor(day: Day, doctor: Doctor, seq: number, spec: TokenSpec) {
    const from = spec.from;
    this.seq = seq;
    this.arrival = from ? from.arrival : day.tokens.length;
    this.doctor = doctor;
    this.patient = spec.patient;
    this.phone = spec.phone;
    this.phoneKey = spec.phoneKey;
    this.source = spec.source;
    this.priority = spec.priority;
    this.slot = spec.slot;
    this.issuedAt = day.clock;
    this.checkedIn = from ? from.checkedIn : null;
    this.transferred = from !== undefined;
  }

  get id(): string {
    return tokenId(this.doctor, this.seq);
  }
}

/**
 * Issues the doctor's next token number; the caller places it at once. Undone, the token stays
 * listed as VOIDED and its number is never issued again (SPEC §5). Nothing may fail after a
 * token is issued.
 */
export function issueToken(day: Day, doctor: Doctor, spec: TokenSpec): Token {
  const seq = doctor.nextSeq++;
  const from = spec.from;
  const token = new IssuedToken(day, doctor, seq, spec);
  if (from && day.archive) day.archive.noteMovedIn(token, day.tokens.length);
  day.tokens.push(token);
  doctor.tokens.push(token);
  registerActive(token);
  recordIssue(day, token);
  return token;
}
