/** Turning what a command names (a doctor, a slot, a token) into the day's objects, or an error. */
import { activeTokensNamed } from './allocation.js';
import type { TokenTarget } from './commands.js';
import { DeskError } from './errors.js';
import { findToken, type Day, type Doctor, type Slot, type Token } from './model.js';
import { formatTime, parseSlotReference } from './time.js';

/** Looks a doctor up by id or name, case-insensitively; the error lists the known ones. */
export function resolveDoctor(day: Day, reference: string | undefined): Doctor {
  const doctor = reference === undefined ? undefined : (day.doctorByKey.get(reference) ?? day.doctorByKey.get(reference.trim().toLowerCase()));
  if (doctor) return doctor;
  const known = day.doctors.map((d) => d.name).join(', ');
  if (reference === undefined || reference.trim() === '') throw new DeskError(`missing doctor (known: ${known})`, 'doctor');
  throw new DeskError(`unknown doctor "${reference}" (known: ${known})`, 'doctor');
}

/** Finds a doctor's slot by reference; an ended slot (rule 8) or an off one (SPEC §5) is an error. */
export function resolveSlot(day: Day, doctor: Doctor, reference: string): Slot {
  let slot = doctor.slotByReference.get(reference);
  if (!slot) {
    const wanted = parseSlotReference(reference);
    slot = doctor.slots.find((s) => s.start === wanted.start && (wanted.end === null || s.end === wanted.end));
    if (!slot) {
      const known = doctor.slots.map((s) => s.label).join(', ');
      throw new DeskError(`unknown slot "${reference}" for ${doctor.name} (slots: ${known})`, 'slot');
    }
    // Bounded by the distinct spellings a desk or script uses for this doctor's slots.
    if (doctor.slotByReference.size < 64 * doctor.slots.length) doctor.slotByReference.set(reference, slot);
  }
  if (slot.closed) throw new DeskError(`slot ${slot.label} of ${doctor.name} has ended (clock ${formatTime(day.clock)})`, 'slot');
  if (slot.off) throw new DeskError(`${doctor.name} is away during ${slot.label}: book another slot or doctor`, 'slot');
  return slot;
}

/** A token named directly, or by doctor and patient name (exactly one active token must match). */
export function resolveToken(day: Day, target: TokenTarget, action: string): Token {
  if (target.token !== undefined && target.token.trim() !== '') {
    const token = findToken(day, target.token);
    if (!token) throw new DeskError(`unknown token "${target.token}"`, 'token');
    return token;
  }
  if (target.doctor === undefined || target.patient === undefined || target.patient.trim() === '') {
    throw new DeskError(`name a token, or a doctor and a patient, to ${action}`, 'token');
  }
  const doctor = resolveDoctor(day, target.doctor);
  const matches = activeTokensNamed(doctor, target.patient);
  if (matches.length === 0) {
    throw new DeskError(`no active token for patient "${target.patient}" with ${doctor.name}`, 'patient');
  }
  if (matches.length > 1) {
    const ids = [...matches]
      .sort((a, b) => a.arrival - b.arrival)
      .map((t) => t.id)
      .join(', ');
    throw new DeskError(`${matches.length} active tokens for "${target.patient}" with ${doctor.name} (${ids}): name the token`, 'patient');
  }
  return matches[0] as Token;
}

/** The error for a doctor with no open slot left: all ended, or the rest off (away). */
export function noSlotLeft(day: Day, doctor: Doctor): DeskError {
  const away = doctor.slots.some((s) => !s.closed && s.off);
  const what = away ? `every slot of ${doctor.name} has ended or is off (${doctor.name} is away)` : `every slot of ${doctor.name} has ended`;
  return new DeskError(`${what} (clock ${formatTime(day.clock)})`, 'slot');
}
