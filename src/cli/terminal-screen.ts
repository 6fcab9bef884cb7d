/**
 * The alternate screen: the dashboard draws on it, and the receptionist's terminal comes back
 * as it was on every way out (quit, Ctrl+C, a signal, a crash).
 */
const ENTER = '\u001B[?1049h\u001B[H';
const LEAVE = '\u001B[?25h\u001B[?1049l';
const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export interface Screen {
  restore: () => void;
}

export function enterAlternateScreen(stdout: NodeJS.WriteStream): Screen {
  let active = true;
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(128 + (SIGNALS[signal] ?? 0));
  };
  const restore = () => {
    if (!active) return;
    active = false;
    stdout.write(LEAVE);
    process.off('exit', restore);
    for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
  };
  stdout.write(ENTER);
  process.on('exit', restore);
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  return { restore };
}

/**
 * Until the returned function is called, a crash restores the terminal, says what happened and
 * where the day is kept (`kept`: "is in FILE", "is kept on URL"), and exits 1.
 */
export function restoreOnCrash(screen: Screen, kept: string): () => void {
  const crash = (error: unknown) => {
    screen.restore();
    process.stderr.write(`opd-desk crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${kept}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return () => {
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
  };
}
