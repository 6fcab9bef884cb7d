/** Rule 8 (SPEC §2): the clock closes slots, completes their patients and rolls the queue forward. */
import { finish, dequeue, nextOpenSlot, place, planPlacement, type EventSink } from './allocation.js';
import type { Day, Slot, Token } from './model.js';

/**
 * Closes every slot that ends at or before `time`, one by one in closing order. Seated patients
 * are COMPLETED (NO_SHOW under `noShowAtClose` when never checked in); overflow entries for the
 * slot move, in queue order, to the doctor's next open slot under rules 2–4, or end UNSERVED.
 * A closed slot puts every earlier command out of undo's reach.
 */
export function closeSlotsUntil(day: Day, time: number, events: EventSink): void {
  while (day.nextToClose < day.closingOrder.length) {
    const slot = day.closingOrder[day.nextToClose] as Slot;
    if (slot.end > time) break;
    day.nextToClose += 1;
    closeSlot(day, slot, events);
    const newest = day.history[day.history.length - 1];
    if (newest !== undefined) {
      day.undoBarrier = newest;
      day.undoBarrierReason = 'slot';
      day.history = [];
      day.trail.length = 0;
    }
  }
}

function closeSlot(day: Day, slot: Slot, events: EventSink): void {
  const doctor = slot.doctor;
  slot.closed = true;
  doctor.firstOpenSlot = slot.index + 1;
  events?.push({ kind: 'slot-closed', slot: slot.label, doctor: doctor.id, at: day.clock });
  for (const token of slot.booked) {
    if (doctor.inConsultation === token) doctor.inConsultation = null;
    if (day.policy.noShowAtClose && token.checkedIn === null) {
      finish(day, token, 'NO_SHOW');
      events?.push({ kind: 'no-show', token: token.id, doctor: doctor.id, at: day.clock });
    } else {
      finish(day, token, 'COMPLETED');
      events?.push({ kind: 'completed', token: token.id, slot: slot.label, doctor: doctor.id, at: day.clock });
    }
  }
  slot.booked.length = 0;
  const next = nextOpenSlot(doctor, slot.index + 1);
  while (slot.waiting.size > 0) {
    const token = slot.waiting.peek() as Token;
    dequeue(day, token);
    if (next) {
      place(day, token, next, planPlacement(day, next, token.priority, false), 'roll-forward', events);
    } else {
      finish(day, token, 'UNSERVED');
      events?.push({ kind: 'unserved', token: token.id, doctor: doctor.id, at: day.clock });
    }
  }
}
