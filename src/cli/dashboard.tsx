/** `opd-desk` with no subcommand: the dashboard on a fresh in-memory day. */
import { render } from 'ink';
import { createDay, type Roster } from '../engine/index.js';
import { textBoard } from '../script/text-report.js';
import { createDeskStore } from '../store/desk-store.js';
import { App } from '../ui/App.js';
import { DeskProvider } from '../ui/desk-context.js';
import { enterAlternateScreen } from './terminal-screen.js';

export const FRAME_RATE = 30;

function today(): string {
  return new Date().toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
}

export async function runDashboard(roster: Roster): Promise<number> {
  const day = createDay(roster);
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    // Not a terminal (a pipe, a file, CI): print the board instead of drawing a dashboard.
    process.stdout.write(`${textBoard(day)}\n`);
    process.stderr.write('opd-desk: the dashboard needs a terminal; printed the board instead.\n');
    return 0;
  }
  const store = createDeskStore(day);
  const screen = enterAlternateScreen(process.stdout);
  const crash = (error: unknown) => {
    screen.restore();
    process.stderr.write(`opd-desk crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    const instance = render(
      <DeskProvider store={store}>
        <App title={`OPD desk · ${today()}`} quitWarning="This day is kept in memory only: its bookings end with the program." />
      </DeskProvider>,
      { exitOnCtrlC: false, incrementalRendering: true, maxFps: FRAME_RATE },
    );
    await instance.waitUntilExit();
  } finally {
    screen.restore();
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
  }
  return 0;
}
