/** SPEC §5: moving a token to another slot or doctor, and a doctor who is away. */
import {
  assign,
  completeConsultation,
  finish,
  inConsultation,
  isFull,
  isOpen,
  defaultSlot,
  place,
  planPlacement,
  promoteInto,
  queuePosition,
  vacate,
  type EventSink,
  type Placement,
} from './allocation.js';
import type { AbsentCommand, MoveCommand, Placed, Rebooked, Result } from './commands.js';
import { DeskError } from './errors.js';
import { issueToken } from './issue.js';
import { findToken, servedBefore, type Day, type Doctor, type Slot, type Token } from './model.js';
import { patientKey } from './patient.js';
import { noSlotLeft, resolveDoctor, resolveSlot } from './resolve.js';
import { isActive } from './status.js';
import { formatTime, parseTime } from './time.js';

const PLACED: Record<Exclude<Placement['kind'], 'reject'>, Placed> = {
  seat: 'ALLOCATED',
  overbook: 'ALLOCATED',
  displace: 'REALLOCATED',
  wait: 'WAITLISTED',
};

function alreadyWith(doctor: Doctor, token: Token): Token | undefined {
  return token.phoneKey === null ? undefined : doctor.activeByPatient.get(patientKey(token.phoneKey, token.patient));
}

/**
 * Places an active token, already out of its seat or queue place, into `slot`: it keeps its id
 * with its own doctor; with another doctor it becomes MOVED and a new token is issued.
 */
function relocate(day: Day, token: Token, slot: Slot, placement: Placement, events: EventSink): Token {
  if (slot.doctor === token.doctor) {
    place(day, token, slot, placement, 'move', events);
    return token;
  }
  const fresh = issueToken(day, slot.doctor, { ...token, slot, from: token });
  finish(day, token, 'MOVED');
  assign(day, token, 'movedTo', fresh.id);
  events?.push({ kind: 'moved', token: token.id, to: fresh.id, doctor: token.doctor.id, at: day.clock });
  place(day, fresh, slot, placement, 'move', events);
  return fresh;
}

export function move(day: Day, command: MoveCommand, events: EventSink): Result {
  if (command.token === undefined || command.token.trim() === '') throw new DeskError('name the token to move', 'token');
  const token = findToken(day, command.token);
  if (!token) throw new DeskError(`unknown token "${command.token}"`, 'token');
  if (!isActive(token)) throw new DeskError(`${token.id} is ${token.status}: only a BOOKED or WAITLISTED token can be moved`, 'token');
  if (inConsultation(token)) throw new DeskError(`${token.id} is in consultation: it cannot be moved`, 'token');
  const doctor = command.doctor === undefined || command.doctor.trim() === '' ? token.doctor : resolveDoctor(day, command.doctor);
  const sameSlot = (slot: Slot) => new DeskError(`${token.id} already has slot ${slot.label} with ${doctor.name}`, 'slot');
  let slot: Slot | undefined;
  if (command.slot !== undefined && command.slot.trim() !== '') {
    slot = resolveSlot(day, doctor, command.slot);
    if (slot === token.slot) throw sameSlot(slot);
  }
  if (doctor !== token.doctor) {
    const existing = alreadyWith(doctor, token);
    if (existing) throw new DeskError(`${token.patient} (phone ${token.phone}) already has active token ${existing.id} with ${doctor.name}`, 'doctor');
  }
  const freed = vacate(day, token);
  const promoted = freed ? promoteInto(day, freed, events) : undefined;
  // Rule 7 runs after the seat is given up; an error from here on is taken back by execute.
  slot ??= defaultSlot(doctor, token.priority);
  if (!slot) throw noSlotLeft(day, doctor);
  if (slot === token.slot) throw sameSlot(slot);
  const placement = planPlacement(day, slot, token.priority, false);
  const placed = relocate(day, token, slot, placement, events);
  return {
    op: 'move',
    status: 'MOVED',
    token: token.id,
    ...(placed !== token && { newToken: placed.id }),
    slot: slot.label,
    placement: PLACED[placement.kind as keyof typeof PLACED],
    ...(placement.kind === 'displace' && { displaced: placement.victim.id }),
    ...(placement.kind === 'wait' && { position: queuePosition(placed) }),
    ...(promoted && { promoted: promoted.id }),
  };
}

/** Open slots of the doctor and of its department's doctors, from `start` on: start, roster, slot order. */
function candidateSlots(day: Day, doctor: Doctor, start: number, token: Token): Slot[] {
  const doctors =
    doctor.department === null ? [doctor] : day.doctors.filter((d) => d === doctor || (d.department === doctor.department && !alreadyWith(d, token)));
  const slots = doctors.flatMap((d) => d.slots.filter((s) => isOpen(s) && s.start >= start));
  return slots.sort((a, b) => a.start - b.start || a.doctor.index - b.doctor.index || a.index - b.index);
}

function readTime(text: string | undefined, fallback: number, field: 'from' | 'to'): number {
  if (text === undefined || text.trim() === '') return fallback;
  const time = parseTime(text);
  if (time === null) throw new DeskError(`invalid ${field} time "${text}" (write it as HH:MM)`, field);
  return time;
}

export function absent(day: Day, command: AbsentCommand, events: EventSink): Result {
  const doctor = resolveDoctor(day, command.doctor);
  const from = readTime(command.from, day.clock, 'from');
  const to = readTime(command.to, 24 * 60, 'to');
  if (to <= from) throw new DeskError(`"to" (${formatTime(to)}) must be after "from" (${formatTime(from)})`, 'to');
  const off = doctor.slots.filter((s) => isOpen(s) && s.start < to && s.end > from);
  if (off.length === 0) {
    throw new DeskError(`${doctor.name} has no open slot left between ${formatTime(from)} and ${formatTime(to)}`, 'from');
  }
  for (const slot of off) assign(day, slot, 'off', true);
  const completed = completeConsultation(day, doctor, events);
  const affected = off.flatMap((slot) => [...slot.booked, ...slot.waiting.values()]);
  affected.sort((a, b) => (servedBefore(a, b) ? -1 : 1));
  for (const token of affected) vacate(day, token);
  events?.push({ kind: 'absent', doctor: doctor.id, slots: off.map((s) => s.label), at: day.clock });
  const rebooked: Rebooked[] = [];
  for (const token of affected) {
    const candidates = candidateSlots(day, doctor, token.slot.start, token);
    const first = candidates[0];
    if (first === undefined) {
      finish(day, token, 'UNSERVED');
      events?.push({ kind: 'unserved', token: token.id, doctor: doctor.id, at: day.clock });
      rebooked.push({ token: token.id, slot: token.slot.label, placement: 'UNSERVED' });
      continue;
    }
    // As rule 7: an emergency into the first candidate (rules 2–4); anyone else into the first
    // with a free seat, or else to wait for the first (no displacement, no overflowLimit).
    const free = token.priority === 1 ? undefined : candidates.find((s) => !isFull(s));
    const slot = token.priority === 1 ? first : (free ?? first);
    const placement: Placement = token.priority === 1 || free ? planPlacement(day, slot, token.priority, false) : { kind: 'wait' };
    const placed = relocate(day, token, slot, placement, events);
    rebooked.push({
      token: token.id,
      ...(placed !== token && { newToken: placed.id }),
      slot: slot.label,
      placement: PLACED[placement.kind as keyof typeof PLACED],
    });
  }
  return {
    op: 'absent',
    status: 'ABSENT',
    slots: off.map((s) => s.label),
    ...(completed && { completed: completed.id }),
    rebooked,
  };
}
