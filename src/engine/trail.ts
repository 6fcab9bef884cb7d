/**
 * The undo trail (SPEC §5): while a command that may be undone runs, every change records how to
 * take itself back. See undo.ts for how undo uses it.
 */
import type { Day, Slot, Token } from './model.js';
import type { Status } from './status.js';
import { insertSeat, joinQueue, leaveQueue, registerActive, releaseActive, removeSeat } from './structures.js';

// What a trail record (code, target, value) takes back; a string code is a field to restore.
export const REMOVE_SEAT = 1;
export const INSERT_SEAT = 2;
export const LEAVE_QUEUE = 3;
export const JOIN_QUEUE = 4;
export const RELEASE_ACTIVE = 5;
export const REGISTER_ACTIVE = 6;

/** Records how to take a change back, while a command that may be undone runs. */
export function record(day: Day, code: string | number, target: object, value: unknown): void {
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
export function setStatus(day: Day, token: Token, status: Status): void {
  if (day.recording) record(day, 'status', token, token.status);
  token.status = status;
}

export function setSlot(day: Day, token: Token, slot: Slot): void {
  if (token.slot === slot) return;
  if (day.recording) record(day, 'slot', token, token.slot);
  token.slot = slot;
}

/** A token just issued: undone, it leaves the active indexes (its status is set by the caller's records). */
export function recordIssue(day: Day, token: Token): void {
  record(day, RELEASE_ACTIVE, token, undefined);
}
