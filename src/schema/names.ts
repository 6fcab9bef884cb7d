/** Text that names someone (patients, doctors, desks): no control characters, no direction overrides. */
import { z } from 'zod';

/** C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export const MAX_PATIENT_NAME = 100;
export const CONTROL_MESSAGE = 'must not contain control characters or text-direction overrides';

export function hasControls(text: string): boolean {
  return CONTROLS.test(text);
}

/** A zod refinement for any text field that comes from outside. */
export const plainText = <T extends z.ZodType<string>>(schema: T) => schema.refine((text) => !hasControls(text), CONTROL_MESSAGE);

/** What is wrong with a `--desk NAME`, or null: plain text, 1 to 100 characters. */
export function deskNameError(name: string): string | null {
  if (hasControls(name)) return `--desk ${CONTROL_MESSAGE}`;
  if (name.trim() === '' || name.length > 100) return '--desk takes a name of 1 to 100 characters';
  return null;
}
