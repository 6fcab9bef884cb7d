/**
 * The allocation rules of SPEC §2, as operations on a Day. Every function here assumes its
 * command was already validated: from here on nothing can fail, so a command either errors
 * before any change or completes.
 */
import type { DayEvent, SeatVia, WaitVia } from './events.js';

/** Where events go; undefined when the caller does not want them (they are then never built). */
export type EventSink = DayEvent[] | undefined;
import { servedBefore, type Day, type Doctor, type Slot, type Token } from './model.js';
import { nameKey, patientKey } from './patient.js';
import { isActive, isBooked } from './status.js';
import type { Priority } from './sources.js';

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

export function isFull(slot: Slot): boolean {
  return slot.booked.length >= slot.capacity;
}

/**
 * Rule 3's victim: the lowest-priority token that has been displaced fewer than `maxBumps`
 * times and ranks strictly below the newcomer (so never an emergency); among equals the latest
 * arrival. `booked` is in service order, so the first match from the end is the one.
 */
export function findVictim(day: Day, slot: Slot, newcomer: Priority): Token | undefined {
  for (let i = slot.booked.length - 1; i >= 0; i--) {
    const candidate = slot.booked[i] as Token;
    if (candidate.priority <= newcomer) return undefined;
    if (candidate.bumps < day.policy.maxBumps) return candidate;
  }
  return undefined;
}

/**
 * Decides where a token of `priority` goes in `slot` (rules 2–5) without changing anything.
 * `newBooking` is false for roll-forward, which always may enter the overflow queue.
 */
export function planPlacement(day: Day, slot: Slot, priority: Priority, newBooking: boolean): Placement {
  if (!isFull(slot)) return { kind: 'seat' };
  const mayDisplace = priority === 1 || day.policy.displacement === 'any-higher';
  if (mayDisplace) {
    const victim = findVictim(day, slot, priority);
    if (victim) return { kind: 'displace', victim };
  }
  if (priority === 1 && slot.booked.length < slot.capacity + day.policy.emergencyOverbook) {
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

/** Rule 7: the slot a booking without one goes to, or undefined when every slot has ended. */
export function defaultSlot(doctor: Doctor, priority: Priority): Slot | undefined {
  const earliest = doctor.slots[doctor.firstOpenSlot];
  if (priority === 1) return earliest;
  for (let i = doctor.firstOpenSlot; i < doctor.slots.length; i++) {
    const slot = doctor.slots[i] as Slot;
    if (!isFull(slot)) return slot;
  }
  return earliest;
}

/** Places a token in `slot` as planned; `via` tells the events how it got here. */
export function place(day: Day, token: Token, slot: Slot, placement: Placement, via: 'booking' | 'roll-forward', events: EventSink): void {
  token.slot = slot;
  switch (placement.kind) {
    case 'seat':
      seat(day, token, slot, via, events);
      return;
    case 'overbook':
      seat(day, token, slot, 'overbook', events);
      return;
    case 'displace': {
      const victim = placement.victim;
      unseat(slot, victim);
      victim.bumps += 1;
      events?.push({ kind: 'displaced', token: victim.id, by: token.id, slot: slot.label, doctor: slot.doctor.id, at: day.clock });
      seat(day, token, slot, via === 'booking' ? 'displacement' : via, events);
      enqueue(day, victim, slot, 'displaced', events);
      return;
    }
    case 'wait':
      enqueue(day, token, slot, via, events);
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

function seat(day: Day, token: Token, slot: Slot, via: SeatVia, events: EventSink): void {
  const booked = slot.booked;
  const at = serviceIndex(booked, token);
  if (at === booked.length) booked.push(token);
  else booked.splice(at, 0, token);
  token.status = 'BOOKED';
  token.slot = slot;
  token.seatedAt = day.clock;
  events?.push({ kind: 'seated', token: token.id, slot: slot.label, doctor: slot.doctor.id, via, at: day.clock });
}

function unseat(slot: Slot, token: Token): void {
  slot.booked.splice(serviceIndex(slot.booked, token), 1);
}

/** 1-based place in the doctor's overflow queue (priority, then arrival) in O(log n). */
export function queuePosition(token: Token): number {
  const doctor = token.doctor;
  let ahead = 0;
  for (let p = 1; p < token.priority; p++) ahead += doctor.waitingByPriority[p] as number;
  return ahead + (doctor.waitingBySeq[token.priority] as { prefix(n: number): number }).prefix(token.seq);
}

function enqueue(day: Day, token: Token, slot: Slot, via: WaitVia, events: EventSink): void {
  const doctor = slot.doctor;
  token.status = 'WAITLISTED';
  token.slot = slot;
  slot.waiting.push(token);
  doctor.waitingCount += 1;
  (doctor.waitingByPriority[token.priority] as number) += 1;
  doctor.waitingBySeq[token.priority]?.add(token.seq, 1);
  events?.push({
    kind: 'waitlisted',
    token: token.id,
    slot: slot.label,
    doctor: doctor.id,
    position: queuePosition(token),
    via,
    at: day.clock,
  });
}

function dequeue(token: Token): void {
  const doctor = token.doctor;
  token.slot.waiting.remove(token);
  doctor.waitingCount -= 1;
  (doctor.waitingByPriority[token.priority] as number) -= 1;
  doctor.waitingBySeq[token.priority]?.add(token.seq, -1);
}

/** Rule 6: fills free seats of `slot` from the overflow queue; returns whom it promoted. */
function promoteInto(day: Day, slot: Slot, events: EventSink): Token | undefined {
  let first: Token | undefined;
  while (!isFull(slot) && slot.waiting.size > 0) {
    const next = slot.waiting.peek() as Token;
    dequeue(next);
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

function releaseActive(token: Token): void {
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


/**
 * Ends a BOOKED or WAITLISTED token as CANCELLED or NO_SHOW; a freed seat is refilled from the
 * overflow queue (rule 6), a removed overflow entry promotes nobody. Returns whom it promoted.
 */
export function release(day: Day, token: Token, status: 'CANCELLED' | 'NO_SHOW', events: EventSink): Token | undefined {
  const wasBooked = isBooked(token);
  if (wasBooked) unseat(token.slot, token);
  else dequeue(token);
  finish(day, token, status);
  const doctor = token.doctor.id;
  if (status === 'NO_SHOW') events?.push({ kind: 'no-show', token: token.id, doctor, at: day.clock });
  else events?.push({ kind: 'cancelled', token: token.id, was: wasBooked ? 'BOOKED' : 'WAITLISTED', doctor, at: day.clock });
  return wasBooked ? promoteInto(day, token.slot, events) : undefined;
}

function finish(day: Day, token: Token, status: 'CANCELLED' | 'NO_SHOW' | 'COMPLETED' | 'UNSERVED'): void {
  token.status = status;
  token.endedAt = day.clock;
  releaseActive(token);
}

/**
 * Rule 8: closes every slot that ends at or before `time`, one by one in closing order. Seated
 * patients are COMPLETED; overflow entries for the slot move, in queue order, to the doctor's
 * next slot under rules 2–4, or end UNSERVED after the doctor's last slot.
 */
export function closeSlotsUntil(day: Day, time: number, events: EventSink): void {
  while (day.nextToClose < day.closingOrder.length) {
    const slot = day.closingOrder[day.nextToClose] as Slot;
    if (slot.end > time) break;
    day.nextToClose += 1;
    closeSlot(day, slot, events);
  }
}

function closeSlot(day: Day, slot: Slot, events: EventSink): void {
  const doctor = slot.doctor;
  slot.closed = true;
  doctor.firstOpenSlot = slot.index + 1;
  events?.push({ kind: 'slot-closed', slot: slot.label, doctor: doctor.id, at: day.clock });
  for (const token of slot.booked) {
    finish(day, token, 'COMPLETED');
    events?.push({ kind: 'completed', token: token.id, slot: slot.label, doctor: doctor.id, at: day.clock });
  }
  slot.booked.length = 0;
  const next = doctor.slots[slot.index + 1];
  while (slot.waiting.size > 0) {
    const token = slot.waiting.peek() as Token;
    dequeue(token);
    if (next) {
      place(day, token, next, planPlacement(day, next, token.priority, false), 'roll-forward', events);
    } else {
      finish(day, token, 'UNSERVED');
      events?.push({ kind: 'unserved', token: token.id, doctor: doctor.id, at: day.clock });
    }
  }
}
