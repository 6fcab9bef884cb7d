import {
  closeSlotsUntil,
  type EventSink,
  defaultSlot,
  activeTokensNamed,
  place,
  planPlacement,
  queuePosition,
  registerActive,
  release,
} from './allocation.js';
import type { BookCommand, ClockCommand, Command, Result, TokenTarget } from './commands.js';
import { DeskError } from './errors.js';
import type { DayEvent } from './events.js';
import { buildDay, findToken, type Day, type Doctor, type Slot, type Token } from './model.js';
import type { Roster } from './roster.js';
import { PRIORITY, parseSource } from './sources.js';
import { formatTime, parseSlotReference, parseTime } from './time.js';
import { checkPhone, normaliseName, normalisePhone, patientKey, phoneKey } from './patient.js';
import { isActive, isBooked } from './status.js';

export interface Outcome {
  result: Result;
  events: readonly DayEvent[];
  /**
   * For an ERROR, the command field it concerns (`phone`, `patient`, `slot`, ...) when there is
   * one. Kept beside the result, never in it: stored results are compared byte for byte.
   */
  field?: string;
}

/** A fresh day at 08:00 on a validated roster. */
export function createDay(roster: Roster): Day {
  const day = buildDay(roster);
  closeSlotsUntil(day, day.clock, []);
  return day;
}

const NO_EVENTS: readonly DayEvent[] = Object.freeze([]);

export interface ExecuteOptions {
  /**
   * Collect the events (default). Callers that only need results, such as a script, a replay or
   * a benchmark, pass false: the events are then never built.
   */
  events?: boolean;
}

/**
 * Runs one command against the day. A rule error (SPEC §2 rule 9) comes back as an ERROR result
 * and leaves the day untouched: every check happens before the first change.
 */
export function execute(day: Day, command: Command, options: ExecuteOptions = {}): Outcome {
  const events: EventSink = options.events === false ? undefined : [];
  try {
    const result = run(day, command, events);
    if (events === undefined ? result.status !== 'REJECTED' : events.length > 0) day.version += 1;
    return { result, events: events ?? NO_EVENTS };
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    const result: Result = { op: command.op, status: 'ERROR', error: error.message };
    return error.field === undefined ? { result, events: NO_EVENTS } : { result, events: NO_EVENTS, field: error.field };
  }
}

function run(day: Day, command: Command, events: EventSink): Result {
  switch (command.op) {
    case 'book':
      return book(day, command, events);
    case 'cancel': {
      const token = resolveToken(day, command, 'cancel');
      if (!isActive(token)) {
        throw new DeskError(`${token.id} is ${token.status}: only a BOOKED or WAITLISTED token can be cancelled`, 'token');
      }
      const promoted = release(day, token, 'CANCELLED', events);
      return { op: 'cancel', status: 'CANCELLED', token: token.id, ...(promoted && { promoted: promoted.id }) };
    }
    case 'no-show': {
      const token = resolveToken(day, command, 'mark as no-show');
      if (!isBooked(token)) {
        throw new DeskError(`${token.id} is ${token.status}: only a BOOKED token can be marked no-show`, 'token');
      }
      const promoted = release(day, token, 'NO_SHOW', events);
      return { op: 'no-show', status: 'NO_SHOW', token: token.id, ...(promoted && { promoted: promoted.id }) };
    }
    case 'clock':
      return moveClock(day, command, events);
    default:
      throw new DeskError(`unknown op "${(command as { op: unknown }).op}" (known: book, cancel, no-show, clock)`);
  }
}

/** Looks a doctor up by id or name, case-insensitively; the error lists the known ones. */
export function resolveDoctor(day: Day, reference: string | undefined): Doctor {
  const doctor =
    reference === undefined ? undefined : (day.doctorByKey.get(reference) ?? day.doctorByKey.get(reference.trim().toLowerCase()));
  if (doctor) return doctor;
  const known = day.doctors.map((d) => d.name).join(', ');
  if (reference === undefined || reference.trim() === '') throw new DeskError(`missing doctor (known: ${known})`, 'doctor');
  throw new DeskError(`unknown doctor "${reference}" (known: ${known})`, 'doctor');
}

/** Finds a doctor's slot by reference; an ended slot is an error (SPEC §2 rule 8). */
export function resolveSlot(day: Day, doctor: Doctor, reference: string): Slot {
  let slot = doctor.slotByReference.get(reference);
  if (!slot) {
    const wanted = parseSlotReference(reference);
    slot = doctor.slots.find((s) => s.start === wanted.start && (wanted.end === null || s.end === wanted.end));
    if (!slot) {
      const known = doctor.slots.map((s) => s.label).join(', ');
      throw new DeskError(`unknown slot "${reference}" for ${doctor.name} (slots: ${known})`, 'slot');
    }
    // Bounded by the distinct spellings a desk or script uses for this doctor's slots.
    if (doctor.slotByReference.size < 64 * doctor.slots.length) doctor.slotByReference.set(reference, slot);
  }
  if (slot.closed) throw new DeskError(`slot ${slot.label} of ${doctor.name} has ended (clock ${formatTime(day.clock)})`, 'slot');
  return slot;
}

function book(day: Day, command: BookCommand, events: EventSink): Result {
  const doctor = resolveDoctor(day, command.doctor);
  const patient = normaliseName(command.patient ?? '');
  if (patient === '') throw new DeskError('missing patient name', 'patient');
  const { source, warning } = parseSource(command.source);
  const priority = PRIORITY[source];
  const phone = normalisePhone(command.phone);
  checkPhone(phone);
  const key = phone === null ? null : phoneKey(phone, day.phoneRegion);
  const existing = key === null ? undefined : doctor.activeByPatient.get(patientKey(key, patient));
  if (existing) {
    throw new DeskError(
      `${existing.patient} (phone ${command.phone}) already has active token ${existing.id} (${existing.status}) with ${doctor.name}`,
      'phone',
    );
  }
  let slot: Slot | undefined;
  if (command.slot !== undefined && command.slot.trim() !== '') {
    slot = resolveSlot(day, doctor, command.slot);
  } else {
    slot = defaultSlot(doctor, priority);
    if (!slot) throw new DeskError(`every slot of ${doctor.name} has ended (clock ${formatTime(day.clock)})`, 'slot');
  }
  const placement = planPlacement(day, slot, priority, true);
  if (placement.kind === 'reject') {
    events?.push({ kind: 'rejected', patient, doctor: doctor.id, reason: placement.reason, at: day.clock });
    return { op: 'book', status: 'REJECTED', slot: slot.label, reason: placement.reason, ...(warning !== undefined && { warning }) };
  }

  const seq = doctor.nextSeq++;
  const token: Token = {
    id: `${doctor.code}-${String(seq).padStart(3, '0')}`,
    seq,
    arrival: day.tokens.length,
    doctor,
    patient,
    phone,
    phoneKey: key,
    source,
    priority,
    slot,
    status: 'WAITLISTED',
    bumps: 0,
    issuedAt: day.clock,
    seatedAt: null,
    endedAt: null,
    heapIndex: -1,
  };
  day.tokens.push(token);
  doctor.tokens.push(token);
  registerActive(token);
  place(day, token, slot, placement, 'booking', events);

  // Field order follows SPEC §3: op, status, token, slot, then what the status adds.
  const id = token.id;
  const label = slot.label;
  switch (placement.kind) {
    case 'seat':
      return warning === undefined
        ? { op: 'book', status: 'ALLOCATED', token: id, slot: label }
        : { op: 'book', status: 'ALLOCATED', token: id, slot: label, warning };
    case 'overbook':
      return {
        op: 'book', status: 'ALLOCATED', token: id, slot: label,
        warning: `admitted over capacity (${slot.booked.length}/${slot.capacity}) under emergencyOverbook`,
      };
    case 'displace':
      return { op: 'book', status: 'REALLOCATED', token: id, slot: label, displaced: placement.victim.id, ...(warning !== undefined && { warning }) };
    case 'wait':
      return { op: 'book', status: 'WAITLISTED', token: id, slot: label, position: queuePosition(token), ...(warning !== undefined && { warning }) };
  }
}

function resolveToken(day: Day, target: TokenTarget, action: string): Token {
  if (target.token !== undefined && target.token.trim() !== '') {
    const token = findToken(day, target.token);
    if (!token) throw new DeskError(`unknown token "${target.token}"`, 'token');
    return token;
  }
  if (target.doctor === undefined || target.patient === undefined || target.patient.trim() === '') {
    throw new DeskError(`name a token, or a doctor and a patient, to ${action}`);
  }
  const doctor = resolveDoctor(day, target.doctor);
  const matches = activeTokensNamed(doctor, target.patient);
  if (matches.length === 0) {
    throw new DeskError(`no active token for patient "${target.patient}" with ${doctor.name}`, 'patient');
  }
  if (matches.length > 1) {
    const ids = [...matches].sort((a, b) => a.arrival - b.arrival).map((t) => t.id).join(', ');
    throw new DeskError(`${matches.length} active tokens for "${target.patient}" with ${doctor.name} (${ids}): name the token`, 'patient');
  }
  return matches[0] as Token;
}

function moveClock(day: Day, command: ClockCommand, events: EventSink): Result {
  const time = parseTime(command.time ?? '');
  if (time === null) throw new DeskError(`invalid time "${command.time}" (write it as HH:MM)`, 'time');
  if (time < day.clock) {
    throw new DeskError(`the clock cannot move backwards (it is ${formatTime(day.clock)}, asked for ${formatTime(time)})`, 'time');
  }
  if (time > day.clock) {
    day.clock = time;
    events?.push({ kind: 'clock', time: formatTime(time), at: time });
    closeSlotsUntil(day, time, events);
  }
  return { op: 'clock', status: 'OK', time: formatTime(time) };
}
