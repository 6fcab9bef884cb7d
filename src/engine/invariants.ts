/**
 * The invariants of SPEC §2 and §5 that must hold after every command, as a checker the tests run
 * after each step. It reads the day's structures directly and trusts none of the counters.
 */
import { isFull, seatsTaken } from './allocation.js';
import { findToken, servedBefore, type Day, type Token } from './model.js';
import { isActive, isBooked, isWaitlisted } from './status.js';

export function checkInvariants(day: Day): string[] {
  const problems: string[] = [];
  const seen = new Map<Token, string>();
  const note = (token: Token, where: string) => {
    const before = seen.get(token);
    if (before) problems.push(`${token.id} is in two places: ${before} and ${where}`);
    seen.set(token, where);
  };

  for (const doctor of day.doctors) {
    let waiting = 0;
    for (const slot of doctor.slots) {
      const where = `${doctor.id} ${slot.label}`;
      const emergencies = slot.booked.filter((t) => t.priority === 1).length;
      // Rule 1, counting seats held and seats used (SPEC §5): at most `capacity`, and only
      // emergencies beyond it, at most emergencyOverbook of them.
      const over = seatsTaken(slot) - slot.capacity;
      if (over > 0 && (over > day.policy.emergencyOverbook || over > emergencies)) {
        problems.push(`${where} holds ${slot.booked.length} and used ${slot.used} of capacity ${slot.capacity}`);
      }
      const used = day.tokens.filter(
        (t) => t.status === 'COMPLETED' && t.slot === slot && t.calledAt !== null && t.endedAt !== null && t.endedAt < slot.end,
      ).length;
      if (!slot.closed && used !== slot.used) problems.push(`${where} counts ${slot.used} seats used, ${used} were seen`);
      if (slot.off && (slot.booked.length > 0 || slot.waiting.size > 0)) problems.push(`${where} is off but holds tokens`);
      if (slot.waiting.size > 0 && !isFull(slot)) {
        problems.push(`${where} has a free seat while ${slot.waiting.size} overflow entries target it`);
      }
      if (slot.closed && (slot.booked.length > 0 || slot.waiting.size > 0)) {
        problems.push(`${where} is closed but still holds tokens`);
      }
      if (slot.closed !== slot.end <= day.clock) problems.push(`${where} closed=${slot.closed} at ${day.clock}`);
      slot.booked.forEach((token, i) => {
        note(token, `seat in ${where}`);
        if (!isBooked(token) || token.slot !== slot) problems.push(`${token.id} is seated in ${where} as ${token.status}`);
        const next = slot.booked[i + 1];
        if (next && !servedBefore(token, next)) problems.push(`${where} is out of service order at ${token.id}`);
      });
      for (const token of slot.waiting.values()) {
        note(token, `overflow for ${where}`);
        if (!isWaitlisted(token) || token.slot !== slot) problems.push(`${token.id} waits for ${where} as ${token.status}`);
        waiting += 1;
      }
    }
    const consulting = day.tokens.filter((t) => t.doctor === doctor && isBooked(t) && t.calledAt !== null);
    if (consulting.length > 1) problems.push(`${doctor.id} has ${consulting.length} patients in consultation`);
    if ((consulting[0] ?? null) !== doctor.inConsultation) problems.push(`${doctor.id} names ${doctor.inConsultation?.id} in consultation`);
    if (waiting !== doctor.waitingCount) problems.push(`${doctor.id} counts ${doctor.waitingCount} waiting, holds ${waiting}`);
    const everyClosed = doctor.slots.every((s) => s.closed);
    if (everyClosed && waiting > 0) problems.push(`${doctor.id} has ended its day with an overflow queue`);
  }

  day.tokens.forEach((token, arrival) => {
    // A token moved to another doctor keeps the arrival of the one it came from.
    if (token.transferred ? token.arrival >= arrival : token.arrival !== arrival) {
      problems.push(`${token.id} has arrival ${token.arrival}, issued ${arrival}th`);
    }
    if (token.status === 'MOVED') {
      const to = token.movedTo === null ? undefined : findToken(day, token.movedTo);
      if (!to || to.patient !== token.patient || to.phone !== token.phone || to.arrival !== token.arrival) {
        problems.push(`${token.id} is MOVED to ${token.movedTo}, not a token of the same patient`);
      }
    } else if (token.movedTo !== null) problems.push(`${token.id} is ${token.status} with movedTo ${token.movedTo}`);
    const placed = seen.has(token);
    const active = isActive(token);
    if (placed !== active) problems.push(`${token.id} is ${token.status} but ${placed ? 'is' : 'is not'} on the board`);
    if (findToken(day, token.id) !== token) problems.push(`${token.id} is not found by its id`);
  });
  const indexed = day.doctors.reduce((sum, doctor) => sum + doctor.tokens.length, 0);
  if (indexed !== day.tokens.length) problems.push(`doctors index ${indexed} tokens, the day issued ${day.tokens.length}`);
  return problems;
}
