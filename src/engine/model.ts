import { ARCHIVED, type TokenArchive } from './archive.js';
import { WaitingNumbers } from './waiting-numbers.js';
import { IndexedHeap, type HeapItem } from './indexed-heap.js';
import type { Policy, Roster } from './roster.js';
import { DEFAULT_POLICY } from './roster.js';
import type { Priority, Source } from './sources.js';
import { formatSlot, parseTime, type Minutes } from './time.js';
import { DEFAULT_PHONE_REGION } from './patient.js';

import type { Status } from './status.js';
export { STATUSES, type Status } from './status.js';

/** The day opens at 08:00 (SPEC §1). */
export const OPENING_TIME: Minutes = 8 * 60;

/** What a token is issued with, besides its doctor, number and origin. */
export type TokenFacts = Pick<Token, 'patient' | 'phone' | 'phoneKey' | 'source' | 'priority' | 'slot'>;

/** Where a token comes from: when, in what arrival order, and what a move carried over. */
export type TokenOrigin = Pick<Token, 'arrival' | 'issuedAt' | 'checkedIn' | 'transferred'>;

/**
 * A token. Its id is derived from the doctor's code and the number, not stored: a large day
 * holds hundreds of thousands of tokens, and a stored id string cost 40 bytes each.
 */
export class Token implements HeapItem {
  /** Order of first issue across the day; never changes (SPEC §1 "arrival order"). */
  readonly arrival: number;
  readonly patient: string;
  readonly phone: string | null;
  /** The phone as a number (E.164, or its digits), for telling patients apart (rule 9). */
  readonly phoneKey: string | null;
  readonly source: Source;
  readonly priority: Priority;
  /** The seat's slot while BOOKED, the target slot while WAITLISTED, the last one after. */
  slot: Slot;
  // Placing the token sets its status; taking the booking back restores this one.
  status: Status = 'VOIDED';
  /** How many times this token was displaced from a seat. */
  bumps = 0;
  readonly issuedAt: Minutes;
  /** When the token last took a seat (null if it never did). */
  seatedAt: Minutes | null = null;
  /** When the token reached its final status. */
  endedAt: Minutes | null = null;
  /** When the patient checked in (SPEC §5), null until then. */
  checkedIn: Minutes | null;
  /** When the doctor called the patient in (SPEC §5), null until then. */
  calledAt: Minutes | null = null;
  /** The token a MOVED token became (SPEC §5). */
  movedTo: string | null = null;
  /**
   * Issued by a move to another doctor, keeping an earlier arrival than its seq says: the
   * doctor's by-seq queue counters skip it (see queuePosition).
   */
  readonly transferred: boolean;
  heapIndex = -1;

  constructor(
    readonly doctor: Doctor,
    /** Per-doctor sequence number, the number in the token id. */
    readonly seq: number,
    facts: TokenFacts,
    origin: TokenOrigin,
  ) {
    this.arrival = origin.arrival;
    this.patient = facts.patient;
    this.phone = facts.phone;
    this.phoneKey = facts.phoneKey;
    this.source = facts.source;
    this.priority = facts.priority;
    this.slot = facts.slot;
    this.issuedAt = origin.issuedAt;
    this.checkedIn = origin.checkedIn;
    this.transferred = origin.transferred;
  }

  get id(): string {
    return tokenId(this.doctor, this.seq);
  }
}

/** A token id: the doctor's code and the number, at least three digits (`SHR-001`). */
export function tokenId(doctor: Doctor, seq: number): string {
  return `${doctor.code}-${String(seq).padStart(3, '0')}`;
}

export interface Slot {
  readonly doctor: Doctor;
  /** Position in the doctor's slot list (time order). */
  readonly index: number;
  readonly start: Minutes;
  readonly end: Minutes;
  readonly capacity: number;
  /** `09:00-10:00` */
  readonly label: string;
  /** BOOKED tokens in service order (priority, then arrival). Small: bounded by capacity. */
  readonly booked: Token[];
  /** Overflow entries targeting this slot, first to promote on top. */
  readonly waiting: IndexedHeap<Token>;
  closed: boolean;
  /** Seats used: tokens seen (COMPLETED) before the slot closed. They still count for rule 1. */
  used: number;
  /** The doctor is away (SPEC §5 `absent`): nothing is booked, promoted or rolled into it. */
  off: boolean;
}

export interface Doctor {
  /** Position in the roster. */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly code: string;
  /** Doctors of one department take each other's patients when one is away (SPEC §5). */
  readonly department: string | null;
  readonly slots: readonly Slot[];
  /** The patient in consultation: called, still BOOKED (SPEC §5); at most one. */
  inConsultation: Token | null;
  /** Transferred tokens in the overflow queue (see Token.transferred). Rare and small. */
  readonly waitingTransferred: Token[];
  /** Index of the first slot that has not closed (slots.length when all have). */
  firstOpenSlot: number;
  nextSeq: number;
  /** This doctor's tokens by sequence number: `tokens[seq - 1]`. */
  readonly tokens: Token[];
  /** Overflow entries per priority (index 1..5) and, per priority, by seq: for queue positions. */
  readonly waitingByPriority: number[];
  readonly waitingBySeq: WaitingNumbers[];
  waitingCount: number;
  /** Slots by every reference text already seen for them (`09:00`, `9-10`, ...): a lookup cache. */
  readonly slotByReference: Map<string, Slot>;
  /** Active tokens with a phone, by patient (phone number and name key): rule 9's duplicates. */
  readonly activeByPatient: Map<string, Token>;
  /**
   * Active tokens by lower-cased name: one token, or several when patients share a name.
   * Built on the first cancel or no-show by name and kept up to date from then on; until
   * then null, because keeping it costs as much as the rest of a booking and most desks
   * and scripts name tokens.
   */
  activeByName: Map<string, Token | Token[]> | null;
}

export interface Day {
  /** The roster the day was built from (the counter's settings, a replay of its journal). */
  readonly roster: Roster;
  readonly policy: Readonly<Policy>;
  /** The region a phone without a country code is read in (roster `phoneRegion`). */
  readonly phoneRegion: string;
  readonly doctors: readonly Doctor[];
  clock: Minutes;
  /** Every token issued, in issue order. */
  readonly tokens: Token[];
  /** Doctors by id and name, as written and lower-cased. */
  readonly doctorByKey: ReadonlyMap<string, Doctor>;
  /** Doctors by token code (`SHR`). */
  readonly doctorByCode: ReadonlyMap<string, Doctor>;
  /** All slots in closing order: end time, then roster order, then slot order (SPEC §2 rule 8). */
  readonly closingOrder: readonly Slot[];
  nextToClose: number;
  /** Bumped on every change, so views can cache by it. */
  version: number;
  /** Commands executed so far (errors included): the default reference `undo` names. */
  commandCount: number;
  /**
   * How to take back each change of the commands in `history`, in order, as flat records of
   * three slots (see allocation.ts `unwind`); a stack, emptied with the history.
   */
  readonly trail: unknown[];
  /** Whether changes are being recorded on the trail (not while the clock or undo runs). */
  recording: boolean;
  /** Commands that may still be undone, oldest first; emptied when a slot closes. */
  history: HistoryEntry[];
  /** The newest command put out of undo's reach, for the error message, and why. */
  undoBarrier: HistoryEntry | null;
  undoBarrierReason: 'slot' | 'depth';
  /** Archive mode (archive.ts): finished tokens out of undo's reach kept compact; null on a desk. */
  archive: TokenArchive | null;
}

export interface CommandReference {
  /** `line` for a script line, `seq` for a journal entry or the day's own count. */
  key: 'line' | 'seq';
  value: number;
}

export interface HistoryEntry {
  op: string;
  token: string | undefined;
  /** How the caller named the command (CommandReference, flattened: one object per entry). */
  readonly refKey: CommandReference['key'];
  readonly refValue: number;
  /** Where the command's records start on the day's trail. */
  start: number;
}

/**
 * The token with this id (`SHR-001`; case, leading zeros and the dash are forgiven, so `shr-1`
 * and `shr1` work),
 * found through its doctor code and sequence number without a day-wide index.
 */
export function findToken(day: Day, id: string): Token | undefined {
  const text = id.trim();
  // Without a dash, a doctor's code (letters only) runs straight into the number: `shr4`.
  const joined = /^([A-Za-z]{2,5})(\d{1,9})$/.exec(text);
  const dash = joined ? joined[1]!.length : text.lastIndexOf('-');
  const digits = joined ? joined[2]! : text.slice(dash + 1);
  if (dash < 1 || !/^\d{1,9}$/.test(digits)) return undefined;
  const code = text.slice(0, dash);
  const doctor = day.doctorByCode.get(code) ?? day.doctorByCode.get(code.toUpperCase());
  if (!doctor) return undefined;
  const seq = Number(digits);
  const token = doctor.tokens[seq - 1];
  return token === ARCHIVED ? day.archive!.rebuildOf(day, doctor, seq) : token;
}

/** Queue order (SPEC §2 rule 5) and service order in a slot: priority, then arrival. */
export function servedBefore(a: Token, b: Token): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.arrival < b.arrival);
}

function buildDoctor(spec: Roster['doctors'][number], index: number): Doctor {
  const slots: Slot[] = [];
  const doctor: Doctor = {
    index,
    id: spec.id,
    name: spec.name,
    code: spec.code,
    department: spec.department ?? null,
    slots,
    inConsultation: null,
    waitingTransferred: [],
    firstOpenSlot: 0,
    nextSeq: 1,
    tokens: [],
    waitingByPriority: [0, 0, 0, 0, 0, 0],
    waitingBySeq: [0, 1, 2, 3, 4, 5].map(() => new WaitingNumbers()),
    waitingCount: 0,
    slotByReference: new Map(),
    activeByPatient: new Map(),
    activeByName: null,
  };
  const ordered = [...spec.slots].sort((a, b) => (parseTime(a.start) ?? 0) - (parseTime(b.start) ?? 0));
  ordered.forEach((slotSpec, slotIndex) => {
    const start = parseTime(slotSpec.start);
    const end = parseTime(slotSpec.end);
    if (start === null || end === null) throw new Error(`invalid slot ${slotSpec.start}-${slotSpec.end}`);
    slots.push({
      doctor,
      index: slotIndex,
      start,
      end,
      capacity: slotSpec.capacity,
      label: formatSlot(start, end),
      booked: [],
      waiting: new IndexedHeap<Token>(servedBefore),
      closed: false,
      used: 0,
      off: false,
    });
  });
  return doctor;
}

/**
 * The structures of a fresh day at 08:00, on a roster that src/schema has already validated (unique ids, names and
 * codes; slots that do not overlap). Use createDay, which also closes slots that end by opening time.
 */
export function buildDay(roster: Roster): Day {
  const doctors = roster.doctors.map(buildDoctor);
  const doctorByKey = new Map<string, Doctor>();
  for (const doctor of doctors) {
    // Exact spellings first answer without lower-casing; lower-cased ones catch the rest.
    for (const key of [doctor.id, doctor.name, doctor.id.toLowerCase(), doctor.name.toLowerCase()]) doctorByKey.set(key, doctor);
  }
  const closingOrder = doctors.flatMap((doctor) => doctor.slots).sort((a, b) => a.end - b.end || a.doctor.index - b.doctor.index || a.index - b.index);
  return {
    roster,
    policy: Object.freeze({ ...DEFAULT_POLICY, ...roster.policy }),
    phoneRegion: roster.phoneRegion ?? DEFAULT_PHONE_REGION,
    doctors,
    clock: OPENING_TIME,
    tokens: [],
    doctorByKey,
    doctorByCode: new Map(doctors.map((doctor) => [doctor.code, doctor])),
    closingOrder,
    nextToClose: 0,
    version: 0,
    commandCount: 0,
    trail: [],
    recording: false,
    history: [],
    undoBarrier: null,
    undoBarrierReason: 'slot',
    archive: null,
  };
}
