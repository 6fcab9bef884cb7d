/**
 * A rule error (SPEC §2 rule 9). Thrown only while a command is being validated, before the
 * day is touched, so catching one always leaves the day exactly as it was.
 *
 * Deliberately not an `Error`: rule errors are ordinary outcomes (a script may be full of
 * them), and capturing a stack trace for each one cost a fifth of the engine's time.
 */
export class DeskError {
  readonly name = 'DeskError';
  /**
   * @param field the command field the error concerns (`phone`, `patient`, `slot`, ...), so a
   *   form can place it; never part of the stored result.
   */
  constructor(
    readonly message: string,
    readonly field?: string,
  ) {}
}
