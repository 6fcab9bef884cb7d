/**
 * The allocation rules of SPEC §2, as operations on a Day. Every change goes through the few
 * primitives here, and each records how to take itself back on `day.trail` while a command
 * runs: that is how `undo` is exact (undo.ts) and how a command that fails half-way changes
 * nothing.
 */
import type { DayEvent, SeatVia, WaitVia } from './events.js';
import { servedBefore, type Day, type Doctor, type Slot, type Token } from './model.js';
import { nameKey, patientKey } from './patient.js';
import type { Priority } from './sources.js';
import { isActive, isBooked, type Status } from './status.js';

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

// What a trail record (code, target, value) takes back; a string code is a field to restore.
const REMOVE_SEAT = 1;
const INSERT_SEAT = 2;
const LEAVE_QUEUE = 3;
const JOIN_QUEUE = 4;
const RELEASE_ACTIVE = 5;
const REGISTER_ACTIVE = 6;

/** Records how to take a change back, while a command that may be undone runs. */
function record(day: Day, code: string | number, target: object, value: unknown): void {
  if (!day.recording) return;
  const trail = day.trail;
  const at = trail.length;
  trail[at] = code;
  trail[at + 1] = target;
  trail[at + 2] = value;
}

/**
 * Takes back every change recorded from `start` on, newest first, and drops those records.
 * Flat records rather than closures: a large day keeps thousands of commands undoable between
 * slot closings, and closures made the garbage collector the engine's largest cost.
 */
export function unwind(day: Day, start: number): void {
  const trail = day.trail;
  for (let i = trail.length - 3; i >= start; i -= 3) {
    const code = trail[i] as string | number;
    const target = trail[i + 1];
    if (typeof code === 'string') (target as Record<string, unknown>)[code] = trail[i + 2];
    else if (code === REMOVE_SEAT) removeSeat(target as Slot, trail[i + 2] as Token);
    else if (code === INSERT_SEAT) insertSeat(target as Slot, trail[i + 2] as Token);
    else if (code === LEAVE_QUEUE) leaveQueue(target as Token);
    else if (code === JOIN_QUEUE) joinQueue(target as Token);
    else if (code === RELEASE_ACTIVE) releaseActive(target as Token);
    else registerActive(target as Token);
  }
  if (trail.length > start) trail.length = start;
}

/** Sets a field, remembering its old value on the trail. */
export function assign<T extends object, K extends keyof T & string>(day: Day, target: T, key: K, value: T[K]): void {
  const old = target[key];
  if (old === value) return;
  target[key] = value;
  record(day, key, target, old);
}

// The hot fields, set with plain stores: `assign`'s keyed store is slow where it runs for every booking.
function setStatus(day: Day, token: Token, status: Status): void {
  if (day.recording) record(day, 'status', token, token.status);
  token.status = status;
}

function setSlot(day: Day, token: Token, slot: Slot): void {
  if (token.slot === slot) return;
  if (day.recording) record(day, 'slot', token, token.slot);
  token.slot = slot;
}

/** A token just issued: undone, it leaves the active indexes (its status is set by the caller's records). */
export function recordIssue(day: Day, token: Token): void {
  record(day, RELEASE_ACTIVE, token, undefined);
}

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

/** Where `token` stands, or would stand, in a slot's service order: binary search. */
function serviceIndex(booked: readonly Token[], token: Token): number {
  let low = 0;
  let high = booked.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (servedBefore(booked[mid] as Token, token)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSeat(slot: Slot, token: Token): void {
  const booked = slot.booked;
  const at = serviceIndex(booked, token);
  if (at === booked.length) booked.push(token);
  else booked.splice(at, 0, token);
}

function removeSeat(slot: Slot, token: Token): void {
  slot.booked.splice(serviceIndex(slot.booked, token), 1);
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

/** 1-based place in the doctor's overflow queue (priority, then arrival) in O(log n). */
export function queuePosition(token: Token): number {
  const doctor = token.doctor;
  let ahead = 0;
  for (let p = 1; p < token.priority; p++) ahead += doctor.waitingByPriority[p] as number;
  if (token.transferred) {
    // Rare: a token moved in from another doctor keeps an older arrival than its number says.
    for (const slot of doctor.slots) for (const other of slot.waiting.values()) if (other.priority === token.priority && !servedBefore(token, other)) ahead += 1;
    return ahead;
  }
  ahead += (doctor.waitingBySeq[token.priority] as { prefix(n: number): number }).prefix(token.seq);
  for (const other of doctor.waitingTransferred) if (other.priority === token.priority && other.arrival < token.arrival) ahead += 1;
  return ahead;
}

function joinQueue(token: Token): void {
  const doctor = token.doctor;
  token.slot.waiting.push(token);
  doctor.waitingCount += 1;
  (doctor.waitingByPriority[token.priority] as number) += 1;
  if (token.transferred) doctor.waitingTransferred.push(token);
  else doctor.waitingBySeq[token.priority]?.add(token.seq, 1);
}

function leaveQueue(token: Token): void {
  const doctor = token.doctor;
  token.slot.waiting.remove(token);
  doctor.waitingCount -= 1;
  (doctor.waitingByPriority[token.priority] as number) -= 1;
  if (token.transferred) doctor.waitingTransferred.splice(doctor.waitingTransferred.indexOf(token), 1);
  else doctor.waitingBySeq[token.priority]?.add(token.seq, -1);
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

export function registerActive(token: Token): void {
  const doctor = token.doctor;
  if (token.phoneKey !== null) doctor.activeByPatient.set(patientKey(token.phoneKey, token.patient), token);
  if (doctor.activeByName !== null) indexName(doctor.activeByName, token);
}

function indexName(byName: Map<string, Token | Token[]>, token: Token): void {
  const key = nameKey(token.patient);
  const sameName = byName.get(key);
  if (sameName === undefined) byName.set(key, token);
  else if (Array.isArray(sameName)) sameName.push(token);
  else byName.set(key, [sameName, token]);
}

export function releaseActive(token: Token): void {
  const doctor = token.doctor;
  if (token.phoneKey !== null) doctor.activeByPatient.delete(patientKey(token.phoneKey, token.patient));
  const byName = doctor.activeByName;
  if (byName === null) return;
  const key = nameKey(token.patient);
  const sameName = byName.get(key) as Token | Token[];
  if (!Array.isArray(sameName)) byName.delete(key);
  else if (sameName.length === 2) byName.set(key, sameName[0] === token ? sameName[1]! : sameName[0]!);
  else sameName.splice(sameName.indexOf(token), 1);
}

/** A doctor's active tokens with this name, building the name index on first use. */
export function activeTokensNamed(doctor: Doctor, patient: string): readonly Token[] {
  if (doctor.activeByName === null) {
    const byName = new Map<string, Token | Token[]>();
    for (const token of doctor.tokens) {
      if (isActive(token)) indexName(byName, token);
    }
    doctor.activeByName = byName;
  }
  const found = doctor.activeByName.get(nameKey(patient));
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

/** Ends an active token whose seat or queue place is already given up. */
export function finish(day: Day, token: Token, status: Exclude<Status, 'BOOKED' | 'WAITLISTED'>): void {
  setStatus(day, token, status);
  if (day.recording) record(day, 'endedAt', token, token.endedAt);
  token.endedAt = day.clock;
  releaseActive(token);
  record(day, REGISTER_ACTIVE, token, undefined);
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
