/**
 * `opd-desk log | head`: when the reader of stdout (or stderr) goes away, the program ends at
 * once and quietly, as Unix tools do, instead of dying on EPIPE with a stack trace.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

/** True once stdout can no longer be written: long outputs stop producing. */
export function outputClosed(): boolean {
  return process.stdout.destroyed || process.stdout.writableEnded;
}
