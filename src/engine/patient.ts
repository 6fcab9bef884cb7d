/**
 * Who a patient is (SPEC §2 rule 9): a name compared trimmed, case-insensitive, inner spaces
 * collapsed, and a phone compared as a number. The one place names and phones are normalised.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DeskError } from './errors.js';

/** The longest phone number the ITU allows (E.164): more digits is a typing mistake. */
export const MAX_PHONE_DIGITS = 15;

export const DEFAULT_PHONE_REGION = 'IN';

const UNTIDY_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/** A name as the desk keeps it: trimmed, inner runs of spaces made one. */
export function normaliseName(patient: string): string {
  return UNTIDY_SPACE.test(patient) ? patient.trim().replace(/\s+/g, ' ') : patient;
}

/** Names are matched case- and spacing-insensitively. */
export function nameKey(patient: string): string {
  return normaliseName(patient).toLowerCase();
}

/** A phone as the day keeps it: without spaces, dashes, dots and brackets; null when empty. */
export function normalisePhone(phone: string | undefined): string | null {
  if (phone === undefined) return null;
  const compact = phone.replace(/[\s\-().]/g, '');
  return compact === '' ? null : compact;
}

/** Refuses a phone with more digits than any number can have; the error names the field. */
export function checkPhone(phone: string | null): void {
  if (phone === null) return;
  const digits = phone.replace(/\D/g, '').length;
  if (digits > MAX_PHONE_DIGITS) {
    throw new DeskError(`phone "${phone}" has ${digits} digits: a phone number has at most ${MAX_PHONE_DIGITS}`, 'phone');
  }
}

/**
 * The number a phone stands for, so that `098450 12345`, `+91 98450-12345` and `9845012345`
 * are one phone: E.164 (`+919845012345`) when libphonenumber-js finds a possible number in
 * `region`, else its digits (the spec's short `98450` compares as `98450`).
 */
export function phoneKey(phone: string, region: string = DEFAULT_PHONE_REGION): string {
  const parsed = parsePhoneNumberFromString(phone, region as CountryCode);
  if (parsed !== undefined && parsed.isPossible()) return parsed.number;
  return phone.replace(/\D/g, '');
}

/**
 * A phone as the desk shows it: national format for a number of `region` (`098450 12345`),
 * international for another country's, as typed when libphonenumber-js cannot read it.
 */
export function formatPhone(phone: string, region: string = DEFAULT_PHONE_REGION): string {
  const parsed = parsePhoneNumberFromString(phone, region as CountryCode);
  if (parsed === undefined || !parsed.isPossible()) return phone;
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}

/** One patient: the same phone and the same name. */
export function patientKey(phoneKeyText: string, patient: string): string {
  return `${phoneKeyText}\u0000${nameKey(patient)}`;
}
