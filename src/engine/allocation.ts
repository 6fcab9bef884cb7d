/**
 * The allocation rules of SPEC §2, as operations on a Day. Every change goes through the few
 * primitives here, and each records how to take itself back on `day.trail` while a command
 * runs: that is how `undo` is exact (undo.ts) and how a command that fails half-way changes
 * nothing.
 */
import type { DayEvent, SeatVia, WaitVia } from './events.js';
import type { Day, Doctor, Slot, Token } from './model.js';
import type { Priority } from './sources.js';
import { isBooked, type Status } from './status.js';
import { insertSeat, joinQueue, leaveQueue, queuePosition, releaseActive, removeSeat } from './structures.js';
import { assign, record, setSlot, setStatus, REGISTER_ACTIVE, REMOVE_SEAT, INSERT_SEAT, LEAVE_QUEUE, JOIN_QUEUE } from './trail.js';

export { activeTokensNamed, queuePosition, registerActive, releaseActive } from './structures.js';
export { assign, recordIssue, unwind } from './trail.js';

/** Where events go; undefined when the caller does not want them (they are then never built). */
export type EventSink = DayEvent[] | undefined;

export type Placement =
  /** Rule 2: a free seat. */
  | { kind: 'seat' }
  /** Rules 3–4: takes the seat of `victim`, who goes to the overflow queue. */
  | { kind: 'displace'; victim: Token }
  /** Rule 3: an emergency admitted over capacity under `emergencyOverbook`. */
  | { kind: 'overbook' }
  /** Rules 3–5: the overflow queue. */
  | { kind: 'wait' }
  /** Rule 5: a new booking that would overfill the overflow queue. */
  | { kind: 'reject'; reason: string };

/** Seats taken: held (BOOKED) and used (seen before the slot closed), SPEC §5. */
export function seatsTaken(slot: Slot): number {
  return slot.booked.length + slot.used;
}

export function isFull(slot: Slot): boolean {
  return seatsTaken(slot) >= slot.capacity;
}

/** A slot that can still take patients: not closed, and its doctor is not away. */
export function isOpen(slot: Slot): boolean {
  return !slot.closed && !slot.off;
}

/** Called in and still BOOKED: never displaced or moved (SPEC §5). */
export function inConsultation(token: Token): boolean {
  return token.doctor.inConsultation === token;
}

/**
 * Rule 3's victim: the lowest-priority token that has been displaced fewer than `maxBumps`
 * times, is not in consultation, and ranks strictly below the newcomer (so never an
 * emergency); among equals the latest arrival. `booked` is in service order.
 */
export function findVictim(day: Day, slot: Slot, newcomer: Priority): Token | undefined {
  for (let i = slot.booked.length - 1; i >= 0; i--) {
    const candidate = slot.booked[i] as Token;
    if (candidate.priority <= newcomer) return undefined;
    if (candidate.bumps < day.policy.maxBumps && !inConsultation(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Decides where a token of `priority` goes in `slot` (rules 2–5) without changing anything.
 * `newBooking` is false for roll-forward and rebooking, which always may enter the queue.
 */
export function planPlacement(day: Day, slot: Slot, priority: Priority, newBooking: boolean): Placement {
  if (!isFull(slot)) return { kind: 'seat' };
  const mayDisplace = priority === 1 || day.policy.displacement === 'any-higher';
  if (mayDisplace) {
    const victim = findVictim(day, slot, priority);
    if (victim) return { kind: 'displace', victim };
  }
  if (priority === 1 && seatsTaken(slot) < slot.capacity + day.policy.emergencyOverbook) {
    return { kind: 'overbook' };
  }
  const limit = day.policy.overflowLimit;
  if (newBooking && limit !== null && slot.doctor.waitingCount + 1 > limit) {
    return {
      kind: 'reject',
      reason: `${slot.label} is full and ${slot.doctor.name}'s overflow queue is at its limit of ${limit}`,
    };
  }
  return { kind: 'wait' };
}

/** The doctor's first slot from `index` on that is open (not closed, not off). */
export function nextOpenSlot(doctor: Doctor, index: number): Slot | undefined {
  for (let i = Math.max(index, doctor.firstOpenSlot); i < doctor.slots.length; i++) {
    const slot = doctor.slots[i] as Slot;
    if (!slot.off) return slot;
  }
  return undefined;
}

/** Rule 7: the slot a booking without one goes to, or undefined when no open slot is left. */
export function defaultSlot(doctor: Doctor, priority: Priority): Slot | undefined {
  const earliest = nextOpenSlot(doctor, 0);
  if (priority === 1 || earliest === undefined) return earliest;
  for (let i = earliest.index; i < doctor.slots.length; i++) {
    const slot = doctor.slots[i] as Slot;
    if (!slot.off && !isFull(slot)) return slot;
  }
  return earliest;
}

export type PlaceVia = 'booking' | 'roll-forward' | 'move';

/** Places a token in `slot` as planned; `via` tells the events how it got here. */
export function place(day: Day, token: Token, slot: Slot, placement: Placement, via: PlaceVia, events: EventSink): void {
  const wait: WaitVia = via === 'move' ? 'booking' : via;
  switch (placement.kind) {
    case 'seat':
      seat(day, token, slot, wait, events);
      return;
    case 'overbook':
      seat(day, token, slot, 'overbook', events);
      return;
    case 'displace': {
      const victim = placement.victim;
      unseat(day, slot, victim);
      assign(day, victim, 'bumps', victim.bumps + 1);
      events?.push({ kind: 'displaced', token: victim.id, by: token.id, slot: slot.label, doctor: slot.doctor.id, at: day.clock });
      seat(day, token, slot, via === 'roll-forward' ? via : 'displacement', events);
      enqueue(day, victim, slot, 'displaced', events);
      return;
    }
    case 'wait':
      enqueue(day, token, slot, wait, events);
      return;
    case 'reject':
      throw new Error('a rejected booking has no token to place');
  }
}

function seat(day: Day, token: Token, slot: Slot, via: SeatVia, events: EventSink): void {
  insertSeat(slot, token);
  record(day, REMOVE_SEAT, slot, token);
  setStatus(day, token, 'BOOKED');
  setSlot(day, token, slot);
  if (day.recording) record(day, 'seatedAt', token, token.seatedAt);
  token.seatedAt = day.clock;
  events?.push({ kind: 'seated', token: token.id, slot: slot.label, doctor: slot.doctor.id, via, at: day.clock });
}

/** Takes a token out of its seat (its status is the caller's to set). */
export function unseat(day: Day, slot: Slot, token: Token): void {
  removeSeat(slot, token);
  record(day, INSERT_SEAT, slot, token);
}

function enqueue(day: Day, token: Token, slot: Slot, via: WaitVia, events: EventSink): void {
  setStatus(day, token, 'WAITLISTED');
  setSlot(day, token, slot);
  joinQueue(token);
  record(day, LEAVE_QUEUE, token, undefined);
  events?.push({
    kind: 'waitlisted',
    token: token.id,
    slot: slot.label,
    doctor: slot.doctor.id,
    position: queuePosition(token),
    via,
    at: day.clock,
  });
}

/** Takes a token out of the overflow queue (its status is the caller's to set). */
export function dequeue(day: Day, token: Token): void {
  leaveQueue(token);
  record(day, JOIN_QUEUE, token, undefined);
}

/** Gives up a token's seat or queue place; returns the slot whose seat it freed, if any. */
export function vacate(day: Day, token: Token): Slot | undefined {
  if (isBooked(token)) {
    unseat(day, token.slot, token);
    if (inConsultation(token)) assign(day, token.doctor, 'inConsultation', null);
    return token.slot;
  }
  dequeue(day, token);
  return undefined;
}

/** Rule 6: fills free seats of `slot` from the overflow queue; returns whom it promoted. */
export function promoteInto(day: Day, slot: Slot, events: EventSink): Token | undefined {
  let first: Token | undefined;
  while (!slot.off && !isFull(slot) && slot.waiting.size > 0) {
    const next = slot.waiting.peek() as Token;
    dequeue(day, next);
    seat(day, next, slot, 'promotion', events);
    first ??= next;
  }
  return first;
}

/** Ends an active token whose seat or queue place is already given up. */
export function finish(day: Day, token: Token, status: Exclude<Status, 'BOOKED' | 'WAITLISTED'>): void {
  setStatus(day, token, status);
  if (day.recording) record(day, 'endedAt', token, token.endedAt);
  token.endedAt = day.clock;
  releaseActive(token);
  record(day, REGISTER_ACTIVE, token, undefined);
  day.archive?.noteFinished(token);
}

/**
 * Ends a BOOKED or WAITLISTED token as CANCELLED or NO_SHOW; a freed seat is refilled from the
 * overflow queue (rule 6), a removed overflow entry promotes nobody. Returns whom it promoted.
 */
export function release(day: Day, token: Token, status: 'CANCELLED' | 'NO_SHOW', events: EventSink): Token | undefined {
  const wasBooked = isBooked(token);
  const freed = vacate(day, token);
  finish(day, token, status);
  const doctor = token.doctor.id;
  if (status === 'NO_SHOW') events?.push({ kind: 'no-show', token: token.id, doctor, at: day.clock });
  else events?.push({ kind: 'cancelled', token: token.id, was: wasBooked ? 'BOOKED' : 'WAITLISTED', doctor, at: day.clock });
  return freed ? promoteInto(day, freed, events) : undefined;
}

/** Finishes the doctor's patient in consultation (COMPLETED); the seat stays used (SPEC §5). */
export function completeConsultation(day: Day, doctor: Doctor, events: EventSink): Token | undefined {
  const token = doctor.inConsultation;
  if (token === null) return undefined;
  const slot = token.slot;
  unseat(day, slot, token);
  assign(day, slot, 'used', slot.used + 1);
  assign(day, doctor, 'inConsultation', null);
  finish(day, token, 'COMPLETED');
  events?.push({ kind: 'completed', token: token.id, slot: slot.label, doctor: doctor.id, at: day.clock });
  return token;
}
