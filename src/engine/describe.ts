/**
 * Words for the desk: what a placement would do, what a result did, what an event was. The
 * dashboard shows these as they are, so every message about a rule comes from the engine.
 */
import { defaultSlot, planPlacement, queuePosition } from './allocation.js';
import type { Result } from './commands.js';
import type { DayEvent } from './events.js';
import { findToken, type Day, type Doctor, type Slot } from './model.js';
import { PRIORITY, type Source } from './sources.js';

export type PreviewKind = 'free' | 'displace' | 'overbook' | 'waitlist' | 'reject' | 'ended';

export interface SlotPreview {
  slot: Slot;
  kind: PreviewKind;
  freeSeats: number;
  /** e.g. `3 free`, `full — waitlist`, `full — will displace SHR-004` */
  text: string;
}

/** What booking a patient of `source` into `slot` would do now, without doing it. */
export function previewSlot(day: Day, slot: Slot, source: Source): SlotPreview {
  const freeSeats = Math.max(0, slot.capacity - slot.booked.length);
  if (slot.closed) return { slot, kind: 'ended', freeSeats: 0, text: 'ended' };
  const placement = planPlacement(day, slot, PRIORITY[source], true);
  switch (placement.kind) {
    case 'seat':
      return { slot, kind: 'free', freeSeats, text: `${freeSeats} free` };
    case 'displace':
      return { slot, kind: 'displace', freeSeats, text: `full — will displace ${placement.victim.id} ${placement.victim.patient}` };
    case 'overbook':
      return { slot, kind: 'overbook', freeSeats, text: 'full — over capacity (emergency overbook)' };
    case 'wait':
      return { slot, kind: 'waitlist', freeSeats, text: `full — waitlist #${slot.doctor.waitingCount + 1}` };
    case 'reject':
      return { slot, kind: 'reject', freeSeats, text: 'full — overflow at its limit, would be refused' };
  }
}

/** Rule 7's choice for a booking without a slot, and what it would do there. */
export function previewNextAvailable(day: Day, doctor: Doctor, source: Source): SlotPreview | undefined {
  const slot = defaultSlot(doctor, PRIORITY[source]);
  return slot && previewSlot(day, slot, source);
}

function who(day: Day, id: string | undefined): string {
  if (id === undefined) return '';
  const token = findToken(day, id);
  return token ? `${token.id} ${token.patient}` : id;
}

/**
 * One line for the status bar, e.g.
 * `SHR-012 Ravi EMERGENCY → 10:00-11:00, displaced SHR-004 Asha to overflow #1`.
 */
export function statusLine(day: Day, result: Result): string {
  switch (result.status) {
    case 'ERROR':
      return `Not done: ${result.error}`;
    case 'OK':
      return `Clock ${result.time}`;
    case 'REJECTED':
      return `Refused: ${result.reason}`;
    case 'CANCELLED':
    case 'NO_SHOW': {
      const verb = result.status === 'CANCELLED' ? 'cancelled' : 'marked no-show';
      const promoted = result.promoted ? `; ${who(day, result.promoted)} promoted into the seat` : '';
      return `${who(day, result.token)} ${verb}${promoted}`;
    }
    case 'CHECKED_IN':
      return `${who(day, result.token)} checked in`;
    case 'CALLED':
      return `${who(day, result.token)} called in (${result.slot})${result.completed ? `; ${who(day, result.completed)} completed` : ''}`;
    case 'COMPLETED':
      return `${who(day, result.token)} completed`;
    case 'MOVED': {
      const to = result.newToken ? ` as ${result.newToken}` : '';
      const where = result.placement === 'WAITLISTED' ? `overflow #${result.position} for ${result.slot}` : result.slot;
      return `${who(day, result.token)} moved${to} → ${where}${result.displaced ? `, displaced ${who(day, result.displaced)}` : ''}`;
    }
    case 'ABSENT': {
      // Patients with no slot left are not rebooked: they are the call-back list's.
      const unserved = result.rebooked.filter((r) => r.placement === 'UNSERVED').length;
      const callBack = unserved > 0 ? `, ${unserved} unserved: call them back` : '';
      return `away: ${result.slots.join(', ')}; ${result.rebooked.length - unserved} rebooked${callBack}`;
    }
    case 'UNDONE':
      return `undid ${result.undid.op}${result.undid.token ? ` ${result.undid.token}` : ''}`;
    default: {
      const token = findToken(day, result.token);
      const head = `${who(day, result.token)} ${token?.source ?? ''}`;
      const warning = result.warning ? ` (${result.warning})` : '';
      if (result.status === 'WAITLISTED') return `${head} → overflow #${result.position} for ${result.slot}${warning}`;
      if (result.status === 'REALLOCATED') {
        const victim = result.displaced === undefined ? undefined : findToken(day, result.displaced);
        const place = victim?.status === 'WAITLISTED' ? ` #${queuePosition(victim)}` : '';
        return `${head} → ${result.slot}, displaced ${who(day, result.displaced)} to overflow${place}${warning}`;
      }
      return `${head} → ${result.slot}${warning}`;
    }
  }
}

/** One line for the event ticker. */
export function tickerLine(day: Day, event: DayEvent): string {
  switch (event.kind) {
    case 'seated':
      switch (event.via) {
        case 'promotion':
          return `${who(day, event.token)} promoted into ${event.slot}`;
        case 'roll-forward':
          return `${who(day, event.token)} rolled forward into ${event.slot}`;
        case 'overbook':
          return `${who(day, event.token)} seated over capacity in ${event.slot}`;
        default:
          return `${who(day, event.token)} booked into ${event.slot}`;
      }
    case 'waitlisted':
      if (event.via === 'roll-forward') return `${who(day, event.token)} waits for ${event.slot} (#${event.position})`;
      if (event.via === 'displaced') return `${who(day, event.token)} moved to overflow #${event.position} for ${event.slot}`;
      return `${who(day, event.token)} waitlisted #${event.position} for ${event.slot}`;
    case 'displaced':
      return `${who(day, event.token)} displaced from ${event.slot} by ${who(day, event.by)}`;
    case 'cancelled':
      return `${who(day, event.token)} cancelled`;
    case 'no-show':
      return `${who(day, event.token)} no-show`;
    case 'rejected':
      return `${event.patient} refused: ${event.reason}`;
    case 'slot-closed':
      return `${doctorName(day, event.doctor)} ${event.slot} closed`;
    case 'completed':
      return `${who(day, event.token)} completed`;
    case 'unserved':
      return `${who(day, event.token)} unserved — call back`;
    case 'clock':
      return `clock ${event.time}`;
    case 'checked-in':
      return `${who(day, event.token)} checked in`;
    case 'called':
      return `${who(day, event.token)} called in`;
    case 'moved':
      return `${who(day, event.token)} moved to ${who(day, event.to)}`;
    case 'absent':
      return `${doctorName(day, event.doctor)} away: ${event.slots.join(', ')}`;
    case 'undone':
      return `undid ${event.op}${event.token ? ` ${event.token}` : ''}`;
  }
}

function doctorName(day: Day, id: string): string {
  return day.doctors.find((d) => d.id === id)?.name ?? id;
}

/** The next time after the clock at which some slot starts or ends, or undefined at day's end. */
export function nextSlotBoundary(day: Day): number | undefined {
  let next: number | undefined;
  for (const doctor of day.doctors) {
    for (const slot of doctor.slots) {
      for (const time of [slot.start, slot.end]) {
        if (time > day.clock && (next === undefined || time < next)) next = time;
      }
    }
  }
  return next;
}
