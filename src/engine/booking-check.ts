/**
 * What a booking will do, as the desk showed it, and what to offer when the day has changed
 * since (another desk took the last seat): the booking form previews a slot, the receptionist
 * says so to the patient, and only a booking that still does what was shown is sent without
 * asking. Pure: the caller runs `stillAsShown` where the journal has caught up.
 */
import { defaultSlot, isOpen } from './allocation.js';
import type { BookCommand } from './commands.js';
import { previewNextAvailable, previewSlot, type SlotPreview } from './describe.js';
import type { Day, Slot } from './model.js';
import { parseSlotReference } from './time.js';
import { PRIORITY, parseSource } from './sources.js';

/** A preview reduced to what the receptionist told the patient: where, and what happens there. */
export interface ShownPlacement {
  /** Slot label, or null when no slot is left. */
  slot: string | null;
  kind: SlotPreview['kind'] | 'none';
  /** The preview's words, e.g. `1 free`, `full — waitlist #1`. */
  text: string;
}

/** A choice the desk offers when the booking would no longer do what was shown. */
export interface BookingOption {
  /** e.g. `waitlist for 09:00-10:00 (full — waitlist #1)`. */
  label: string;
  command: BookCommand;
  shown: ShownPlacement;
}

export interface BookingChange {
  /** One sentence: what was shown and what it is now. */
  message: string;
  options: BookingOption[];
}

function doctorOf(day: Day, command: BookCommand) {
  const key = command.doctor.trim().toLowerCase();
  return day.doctorByKey.get(command.doctor) ?? day.doctorByKey.get(key);
}

function slotOf(day: Day, command: BookCommand): Slot | undefined {
  const doctor = doctorOf(day, command);
  if (!doctor || command.slot === undefined) return undefined;
  const exact = doctor.slots.find((s) => s.label === command.slot);
  if (exact) return exact;
  try {
    const wanted = parseSlotReference(command.slot);
    return doctor.slots.find((s) => s.start === wanted.start && (wanted.end === null || s.end === wanted.end));
  } catch {
    return undefined; // the engine names the bad slot when the booking is sent
  }
}

function reduce(preview: SlotPreview | undefined): ShownPlacement {
  return preview ? { slot: preview.slot.label, kind: preview.kind, text: preview.text } : { slot: null, kind: 'none', text: 'no slot left today' };
}

/** What `command` would do on `day` now, as the booking form shows it. */
export function shownPlacement(day: Day, command: BookCommand): ShownPlacement {
  const doctor = doctorOf(day, command);
  if (!doctor) return { slot: null, kind: 'none', text: 'unknown doctor' };
  const source = parseSource(command.source).source;
  if (command.slot === undefined) return reduce(previewNextAvailable(day, doctor, source));
  const slot = slotOf(day, command);
  return slot ? reduce(previewSlot(day, slot, source)) : { slot: command.slot, kind: 'none', text: 'unknown slot' };
}

/**
 * True when `command` would still do on `day` what `shown` said: the same slot, the same kind
 * of placement (a free seat, the same patient displaced, the queue). A later place in the
 * queue, or fewer free seats left, is the same promise.
 */
export function stillAsShown(day: Day, command: BookCommand, shown: ShownPlacement): boolean {
  const now = shownPlacement(day, command);
  if (now.slot !== shown.slot || now.kind !== shown.kind) return false;
  return now.kind !== 'displace' || now.text === shown.text;
}

/** The choices when `command` no longer does what `shown` said: book as it is now, or the next slot with a seat. */
export function bookingChange(day: Day, command: BookCommand, shown: ShownPlacement): BookingChange {
  const now = shownPlacement(day, command);
  const where = command.slot === undefined ? 'Next available' : (now.slot ?? command.slot);
  const was = command.slot === undefined && shown.slot !== null ? `${shown.slot}, ${shown.text}` : shown.text;
  const is = command.slot === undefined && now.slot !== null ? `${now.slot}, ${now.text}` : now.text;
  const message = `${where} changed at another desk meanwhile: it showed ${was}, it is now ${is}.`;
  const options: BookingOption[] = [];
  if (now.kind !== 'none' && now.kind !== 'ended' && now.kind !== 'reject') {
    const pinned: BookCommand = { ...command, ...(now.slot !== null && { slot: now.slot }) };
    options.push({ label: `book as it is now: ${now.slot} (${now.text})`, command: pinned, shown: now });
  }
  const doctor = doctorOf(day, command);
  const source = parseSource(command.source).source;
  // The earliest open slot with a free seat (rule 7 for anyone but an emergency).
  const seat = doctor && defaultSlot(doctor, PRIORITY.WALK_IN);
  if (seat && isOpen(seat) && seat.label !== now.slot) {
    const preview = previewSlot(day, seat, source);
    if (preview.kind === 'free') {
      options.push({ label: `the next slot with a seat: ${seat.label} (${preview.text})`, command: { ...command, slot: seat.label }, shown: reduce(preview) });
    }
  }
  return { message, options };
}
