/**
 * A rule error (SPEC §2 rule 9). Thrown only while a command is being validated, before the
 * day is touched, so catching one always leaves the day exactly as it was.
 */
export class DeskError extends Error {
  override readonly name = 'DeskError';
}
