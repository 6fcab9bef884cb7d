/**
 * Refusals in the counter's language. The engine's error texts are recorded in journals and
 * compared on replay, so they stay as they are; the desk says the same thing as a receptionist
 * would: "SHR-004 Meena Iyer was already cancelled at 09:12", not "is CANCELLED". Pure.
 */
import { queuePosition } from './allocation.js';
import type { Command, Result } from './commands.js';
import type { Day, Token } from './model.js';
import { normaliseName, normalisePhone, patientKey, phoneKey } from './patient.js';
import { resolveToken } from './resolve.js';
import { formatTime } from './time.js';

/** The active token this patient (same phone and name, rule 9) already holds with the doctor, if any. */
export function duplicateOf(day: Day, doctorId: string, patient: string, phone: string | undefined): Token | undefined {
  const doctor = day.doctors.find((d) => d.id === doctorId);
  const compact = normalisePhone(phone);
  if (!doctor || compact === null) return undefined;
  return doctor.activeByPatient.get(patientKey(phoneKey(compact, day.phoneRegion), normaliseName(patient)));
}

/** Where an active token stands, in words: `seated in 09:00-10:00`, `waiting for 09:00-10:00 (overflow #2)`. */
export function standing(token: Token): string {
  return token.status === 'BOOKED' ? `seated in ${token.slot.label}` : `waiting for ${token.slot.label} (overflow #${queuePosition(token)})`;
}

/** Rule 9 as the desk says it. */
export function duplicateWords(token: Token): string {
  return `${token.patient} already holds ${token.id} with ${token.doctor.name} (${standing(token)})`;
}

const at = (token: Token) => (token.endedAt === null ? '' : ` at ${formatTime(token.endedAt)}`);

/** What happened to a token that is no longer active, e.g. `was already cancelled at 09:12`. */
function ended(token: Token): string | null {
  switch (token.status) {
    case 'CANCELLED':
      return `was already cancelled${at(token)}`;
    case 'NO_SHOW':
      return `was already marked no-show${at(token)}`;
    case 'COMPLETED':
      return `was already seen (completed${at(token)})`;
    case 'UNSERVED':
      return `was left unserved${at(token)}: call them back`;
    case 'MOVED':
      return `moved to ${token.movedTo ?? 'another doctor'}${at(token)}`;
    case 'VOIDED':
      return 'was undone (the booking was taken back)';
    default:
      return null;
  }
}

const NEEDS_SEAT: Partial<Record<Command['op'], string>> = { 'no-show': 'marked no-show', call: 'called in' };

/**
 * The desk's words for an engine refusal that concerns a token's state, or null to show the
 * engine's own message (an unknown doctor, an ended slot: already in plain words).
 */
export function counterWords(day: Day, command: Command, result: Result): string | null {
  if (result.status !== 'ERROR') return null;
  if (command.op === 'book') {
    const doctor = day.doctors.find((d) => d.id === command.doctor || d.name === command.doctor);
    const existing = doctor && duplicateOf(day, doctor.id, command.patient ?? '', command.phone);
    return existing ? `${duplicateWords(existing)}.` : null;
  }
  if (!('token' in command) || typeof command.token !== 'string') return null;
  let token: Token;
  try {
    token = resolveToken(day, { token: command.token }, command.op);
  } catch {
    return null;
  }
  const who = `${token.id} ${token.patient}`;
  const past = ended(token);
  if (past !== null) return `${who} ${past}: nothing was changed.`;
  const verb = NEEDS_SEAT[command.op];
  if (verb && token.status === 'WAITLISTED') return `${who} is ${standing(token)}, not seated: only a seated patient can be ${verb}.`;
  return null;
}
