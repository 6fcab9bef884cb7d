/**
 * The counter as a receptionist reads it: who is with the doctor, who is checked in and waiting
 * (in call order, how long, who has waited too long), and when a patient can expect to go in.
 * Views only: nothing here changes the day.
 */
import { callQueue } from './flow.js';
import type { Day, Doctor, Slot, Token } from './model.js';
import { DEFAULT_WAIT_ALERT_MINUTES } from './roster.js';
import type { Minutes } from './time.js';

export interface WaitingPatient {
  token: Token;
  /** Minutes since check-in (for the patient in consultation: since they were called). */
  minutes: number;
  /** Checked in and waiting longer than the roster's `waitAlertMinutes`. */
  overdue: boolean;
}

export interface WaitingList {
  /** The patient with the doctor now, and for how long. */
  consulting: WaitingPatient | null;
  /** Checked-in patients not yet called, in call order (SPEC §5: slot time, then service order). */
  queue: WaitingPatient[];
}

export function waitAlertMinutes(day: Day): number {
  return day.roster.waitAlertMinutes ?? DEFAULT_WAIT_ALERT_MINUTES;
}

/** Who is in consultation and who waits for a doctor, at the day's clock. */
export function waitingList(day: Day, doctor: Doctor): WaitingList {
  const alert = waitAlertMinutes(day);
  const consulting = doctor.inConsultation;
  return {
    consulting: consulting === null ? null : { token: consulting, minutes: Math.max(0, day.clock - (consulting.calledAt ?? day.clock)), overdue: false },
    queue: callQueue(doctor).map((token) => {
      const minutes = Math.max(0, day.clock - (token.checkedIn ?? day.clock));
      return { token, minutes, overdue: minutes > alert };
    }),
  };
}

/** Minutes one consultation takes in a slot: the roster's `consultMinutes`, else the slot's length ÷ its seats. */
export function consultMinutes(day: Day, slot: Slot): number {
  return day.roster.consultMinutes ?? (slot.end - slot.start) / slot.capacity;
}

/**
 * When a seated patient can expect to go in (minutes since midnight), or null for a token that
 * is not seated or has already been called. The doctor is free at the latest of the slot's
 * start, the clock, and the end of the consultation under way (called at + one consultation);
 * every patient seated ahead in the same slot who has not been called yet takes one
 * consultation more. Rounded up to the minute.
 */
export function expectedTime(day: Day, token: Token): Minutes | null {
  if (token.status !== 'BOOKED' || token.calledAt !== null) return null;
  const slot = token.slot;
  const consult = consultMinutes(day, slot);
  const current = token.doctor.inConsultation;
  const consultEnd = current?.calledAt != null ? current.calledAt + consultMinutes(day, current.slot) : 0;
  const free = Math.max(slot.start, day.clock, consultEnd);
  let ahead = 0;
  for (const other of slot.booked) {
    if (other === token) break;
    if (other.calledAt === null) ahead++;
  }
  return Math.ceil(free + ahead * consult);
}
