/** SPEC §5 at the counter: check-in, call, done. */
import { assign, completeConsultation, inConsultation, type EventSink } from './allocation.js';
import type { CallCommand, CheckInCommand, DoneCommand, Result } from './commands.js';
import { DeskError } from './errors.js';
import { findToken, type Day, type Doctor, type Slot, type Token } from './model.js';
import { resolveDoctor, resolveToken } from './resolve.js';
import { isActive, isBooked } from './status.js';
import { formatTime } from './time.js';

export function checkIn(day: Day, command: CheckInCommand, events: EventSink): Result {
  const token = resolveToken(day, command, 'check in');
  if (!isActive(token)) {
    throw new DeskError(`${token.id} is ${token.status}: only a BOOKED or WAITLISTED token can be checked in`, 'token');
  }
  if (token.checkedIn !== null) throw new DeskError(`${token.id} already checked in at ${formatTime(token.checkedIn)}`, 'token');
  assign(day, token, 'checkedIn', day.clock);
  events?.push({ kind: 'checked-in', token: token.id, doctor: token.doctor.id, at: day.clock });
  return { op: 'check-in', status: 'CHECKED_IN', token: token.id };
}

/** Call order: slot time, then service order; the first BOOKED, checked-in, not yet called token. */
export function nextToCall(doctor: Doctor): Token | undefined {
  for (let i = doctor.firstOpenSlot; i < doctor.slots.length; i++) {
    for (const token of (doctor.slots[i] as Slot).booked) {
      if (token.checkedIn !== null && token.calledAt === null) return token;
    }
  }
  return undefined;
}

/** The checked-in patients of a doctor in call order (a view for desks and displays). */
export function callQueue(doctor: Doctor): Token[] {
  const queue: Token[] = [];
  for (let i = doctor.firstOpenSlot; i < doctor.slots.length; i++) {
    for (const token of (doctor.slots[i] as Slot).booked) if (token.checkedIn !== null && token.calledAt === null) queue.push(token);
  }
  return queue;
}

export function call(day: Day, command: CallCommand, events: EventSink): Result {
  let token: Token;
  if (command.token !== undefined && command.token.trim() !== '') {
    const found = findToken(day, command.token);
    if (!found) throw new DeskError(`unknown token "${command.token}"`, 'token');
    if (!isBooked(found)) throw new DeskError(`${found.id} is ${found.status}: only a BOOKED token can be called`, 'token');
    if (inConsultation(found)) throw new DeskError(`${found.id} is already in consultation`, 'token');
    token = found;
  } else {
    const doctor = resolveDoctor(day, command.doctor);
    const next = nextToCall(doctor);
    if (!next) throw new DeskError(`nobody checked in is waiting for ${doctor.name}`, 'doctor');
    token = next;
  }
  const completed = completeConsultation(day, token.doctor, events);
  if (token.checkedIn === null) assign(day, token, 'checkedIn', day.clock);
  assign(day, token, 'calledAt', day.clock);
  assign(day, token.doctor, 'inConsultation', token);
  events?.push({ kind: 'called', token: token.id, slot: token.slot.label, doctor: token.doctor.id, at: day.clock });
  return { op: 'call', status: 'CALLED', token: token.id, slot: token.slot.label, ...(completed && { completed: completed.id }) };
}

export function done(day: Day, command: DoneCommand, events: EventSink): Result {
  let doctor: Doctor;
  if (command.token !== undefined && command.token.trim() !== '') {
    const token = findToken(day, command.token);
    if (!token) throw new DeskError(`unknown token "${command.token}"`, 'token');
    if (!inConsultation(token)) throw new DeskError(`${token.id} is not in consultation`, 'token');
    doctor = token.doctor;
  } else {
    doctor = resolveDoctor(day, command.doctor);
    if (doctor.inConsultation === null) throw new DeskError(`${doctor.name} has no one in consultation`, 'doctor');
  }
  const completed = completeConsultation(day, doctor, events) as Token;
  return { op: 'done', status: 'COMPLETED', token: completed.id };
}
