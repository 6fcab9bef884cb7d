/** The booking form's fields, validated before anything is sent to the engine. */
import { z } from 'zod';
import { CONTROL_MESSAGE, hasControls } from './names.js';

export const bookingFields = {
  name: z
    .string()
    .trim()
    .min(1, "enter the patient's name")
    .max(60, 'at most 60 characters')
    .refine((name) => !hasControls(name), CONTROL_MESSAGE)
    .refine((name) => /\p{L}/u.test(name), 'a name has letters'),
  phone: z
    .string()
    .trim()
    .refine((phone) => phone === '' || /^\+?[\d\s\-().]+$/.test(phone), 'digits only (spaces and dashes are fine)')
    .refine((phone) => phone === '' || phone.replace(/\D/g, '').length >= 5, 'at least 5 digits, or leave it empty'),
} as const;

export type TextField = keyof typeof bookingFields;

/** The error for one text field, or null when it is valid. */
export function fieldError(field: TextField, value: string): string | null {
  const parsed = bookingFields[field].safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid');
}
