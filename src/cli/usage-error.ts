/** A problem with how the command was called (missing file, invalid roster): exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
