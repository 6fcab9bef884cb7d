/** Read models of a day: the board and token list of SPEC §3, and overflow queues in order. */
import { servedBefore, type Day, type Doctor, type Token } from './model.js';
import type { Priority, Source } from './sources.js';
import type { Status } from './model.js';
import { formatTime } from './time.js';

export interface BoardPatient {
  token: string;
  patient: string;
  source: Source;
  priority: Priority;
}

export interface BoardOverflowEntry extends BoardPatient {
  slot: string;
}

export interface BoardSlot {
  slot: string;
  capacity: number;
  patients: BoardPatient[];
}

export interface BoardDoctor {
  id: string;
  name: string;
  slots: BoardSlot[];
  overflow: BoardOverflowEntry[];
}

export interface Board {
  clock: string;
  doctors: BoardDoctor[];
}

export interface TokenRow {
  token: string;
  patient: string;
  doctor: string;
  slot: string;
  source: Source;
  status: Status;
  checkedIn: string | null;
  calledAt: string | null;
  movedTo: string | null;
}

/** A doctor's overflow queue in queue order: priority, then arrival (SPEC §2 rule 5). */
export function overflowQueue(doctor: Doctor): Token[] {
  const entries = doctor.slots.flatMap((slot) => slot.waiting.values());
  return entries.sort((a, b) => (servedBefore(a, b) ? -1 : servedBefore(b, a) ? 1 : 0));
}

function patientOf(token: Token): BoardPatient {
  return { token: token.id, patient: token.patient, source: token.source, priority: token.priority };
}

export function boardOf(day: Day): Board {
  return {
    clock: formatTime(day.clock),
    doctors: day.doctors.map((doctor) => ({
      id: doctor.id,
      name: doctor.name,
      slots: doctor.slots.map((slot) => ({
        slot: slot.label,
        capacity: slot.capacity,
        patients: slot.booked.map(patientOf),
      })),
      overflow: overflowQueue(doctor).map((token) => ({ ...patientOf(token), slot: token.slot.label })),
    })),
  };
}

export function tokenRows(day: Day): TokenRow[] {
  return day.tokens.map(tokenRow);
}

/** One token as `tokenRows` lists it. */
export function tokenRow(token: Token): TokenRow {
  return {
    token: token.id,
    patient: token.patient,
    doctor: token.doctor.id,
    slot: token.slot.label,
    source: token.source,
    status: token.status,
    checkedIn: token.checkedIn === null ? null : formatTime(token.checkedIn),
    calledAt: token.calledAt === null ? null : formatTime(token.calledAt),
    movedTo: token.movedTo,
  };
}

/**
 * Everything observable about a day, as one canonical string: two days that print the same
 * here are the same day. Replays are compared with it, byte for byte.
 */
export function snapshot(day: Day): string {
  return JSON.stringify({
    board: boardOf(day),
    slotsClosed: day.nextToClose,
    seats: day.doctors.map((d) => [d.inConsultation?.id ?? null, d.slots.map((s) => [s.used, s.off])]),
    tokens: day.tokens.map((t) => [
      t.id,
      t.arrival,
      t.doctor.id,
      t.slot.label,
      t.patient,
      t.phone,
      t.source,
      t.status,
      t.bumps,
      t.issuedAt,
      t.seatedAt,
      t.endedAt,
      t.checkedIn,
      t.calledAt,
      t.movedTo,
    ]),
  });
}
