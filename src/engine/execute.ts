import { place, planPlacement, defaultSlot, queuePosition, release, unwind, type EventSink } from './allocation.js';
import { TokenArchive } from './archive.js';
import type { ArchiveStore } from './archive-store.js';
import { closeSlotsUntil } from './closing.js';
import type { BookCommand, ClockCommand, Command, Result } from './commands.js';
import { DeskError } from './errors.js';
import type { DayEvent } from './events.js';
import { checkIn, call, done } from './flow.js';
import { issueToken } from './issue.js';
import { buildDay, type CommandReference, type Day, type Slot } from './model.js';
import { absent, move } from './move.js';
import { checkPhone, normaliseName, normalisePhone, patientKey, phoneKey } from './patient.js';
import { noSlotLeft, resolveDoctor, resolveSlot, resolveToken } from './resolve.js';
import type { Roster } from './roster.js';
import { PRIORITY, parseSource } from './sources.js';
import { isActive, isBooked } from './status.js';
import { formatTime, parseTime } from './time.js';
import { forgetOldest, undo, UNDO_DEPTH } from './undo.js';

export interface Outcome {
  result: Result;
  events: readonly DayEvent[];
  /**
   * For an ERROR, the command field it concerns (`phone`, `patient`, `slot`, ...) when there is
   * one. Kept beside the result, never in it: stored results are compared byte for byte.
   */
  field?: string;
}

export interface CreateDayOptions {
  /** Archive mode (archive.ts), for reading a whole day once, in memory or in the store given: not for a desk. */
  archive?: boolean | ArchiveStore;
}

/** A fresh day at 08:00 on a validated roster. */
export function createDay(roster: Roster, options: CreateDayOptions = {}): Day {
  const day = buildDay(roster);
  if (options.archive) day.archive = new TokenArchive(options.archive === true ? undefined : options.archive);
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
  /**
   * How `undo` names this command: a script passes its line, a journal its seq. Default: the
   * day's own count of commands, which is the journal's seq when every command is journaled.
   */
  ref?: CommandReference;
}

/**
 * Runs one command against the day. A rule error comes back as an ERROR result and leaves the
 * day untouched: most checks happen before the first change, and a command that fails later
 * (a move whose rule-7 slot turns out to be its own) takes its changes back from its trail.
 */
export function execute(day: Day, command: Command, options: ExecuteOptions = {}): Outcome {
  const events: EventSink = options.events === false ? undefined : [];
  day.commandCount += 1;
  const start = day.trail.length;
  // The clock is never undone (and closing slots would make long trails); undo records nothing.
  day.recording = command.op !== 'clock' && command.op !== 'undo';
  try {
    const result = run(day, command, events);
    day.recording = false;
    if (day.trail.length > start) {
      const token = 'token' in result && typeof result.token === 'string' ? result.token : undefined;
      const ref = options.ref;
      day.history.push({ op: command.op, token, refKey: ref?.key ?? 'seq', refValue: ref?.value ?? day.commandCount, start });
      if (day.history.length >= 2 * UNDO_DEPTH) {
        forgetOldest(day);
        day.archive?.archiveOutOfReach(day);
      }
    }
    if (day.trail.length === 0 && day.archive?.pending) day.archive.archiveOutOfReach(day);
    if (events === undefined ? result.status !== 'REJECTED' : events.length > 0) day.version += 1;
    return { result, events: events ?? NO_EVENTS };
  } catch (error) {
    day.recording = false;
    unwind(day, start);
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
    case 'check-in':
      return checkIn(day, command, events);
    case 'call':
      return call(day, command, events);
    case 'done':
      return done(day, command, events);
    case 'move':
      return move(day, command, events);
    case 'absent':
      return absent(day, command, events);
    case 'undo':
      return undo(day, command, events);
    default:
      throw new DeskError(`unknown op "${(command as { op: unknown }).op}" (known: ${OPS_TEXT})`);
  }
}

const OPS_TEXT = 'book, cancel, no-show, clock, check-in, call, done, move, absent, undo';

export { resolveDoctor, resolveSlot };

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
    if (!slot) throw noSlotLeft(day, doctor);
  }
  const placement = planPlacement(day, slot, priority, true);
  if (placement.kind === 'reject') {
    events?.push({ kind: 'rejected', patient, doctor: doctor.id, reason: placement.reason, at: day.clock });
    return { op: 'book', status: 'REJECTED', slot: slot.label, reason: placement.reason, ...(warning !== undefined && { warning }) };
  }

  const token = issueToken(day, doctor, { patient, phone, phoneKey: key, source, priority, slot });
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
        op: 'book',
        status: 'ALLOCATED',
        token: id,
        slot: label,
        warning: `admitted over capacity (${slot.booked.length + slot.used}/${slot.capacity}) under emergencyOverbook`,
      };
    case 'displace':
      return { op: 'book', status: 'REALLOCATED', token: id, slot: label, displaced: placement.victim.id, ...(warning !== undefined && { warning }) };
    case 'wait':
      return { op: 'book', status: 'WAITLISTED', token: id, slot: label, position: queuePosition(token), ...(warning !== undefined && { warning }) };
  }
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
