/**
 * `opd-desk` with no subcommand: the dashboard on a journaled day. Every command is committed to
 * the journal before the screen shows it; the day is rebuilt from the journal on start; another
 * desk's commands on the same file appear within a second; on today's date the clock follows the
 * wall clock.
 */
import { terminalSafeLines } from '../text/terminal-safe.js';
import { render } from 'ink';
import { type Roster } from '../engine/index.js';
import { localTime } from '../journal/place.js';
import { textBoard } from '../script/text-report.js';
import { createDeskStore } from '../store/desk-store.js';
import { App } from '../ui/App.js';
import { DeskProvider } from '../ui/desk-context.js';
import { openDay, type DayOptions } from './open-day.js';
import { enterAlternateScreen, restoreOnCrash } from './terminal-screen.js';

export const FRAME_RATE = 30;
/** How often the desk looks for another desk's commands. */
export const SYNC_EVERY_MS = 250;
/** How often the live clock is compared with the wall clock. */
export const CLOCK_EVERY_MS = 5000;

function dayTitle(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year!, month! - 1, day!).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** The header's title, longest first: the date and the "not today" warning stay down to 80 columns. */
export function titlesOf(date: string, today: boolean): [string, ...string[]] {
  const day = dayTitle(date);
  return today
    ? [`OPD desk · ${day}`, day]
    : [`OPD desk · ${day} (not today: t moves the clock)`, `${day} (not today)`, `${day.replace(/^\w+, /, '')} not today`];
}

export async function runDashboard(roster: Roster | undefined, options: DayOptions): Promise<number> {
  const opened = openDay(options, roster);
  const { session, journal } = opened;
  try {
    const store = createDeskStore(session);
    if (opened.today) store.getState().followClock(localTime());
    if (!process.stdout.isTTY || !process.stdin.isTTY) {
      // Not a terminal (a pipe, a file, CI): print the board instead of drawing a dashboard.
      process.stdout.write(terminalSafeLines(`${textBoard(store.getState().day)}\n`));
      process.stderr.write('opd-desk: the dashboard needs a terminal; printed the board instead.\n');
      return 0;
    }
    const screen = enterAlternateScreen(process.stdout);
    const stopGuard = restoreOnCrash(screen, `Everything committed before the crash is in ${opened.file}.`);
    const timers = [
      setInterval(() => store.getState().sync(), SYNC_EVERY_MS),
      ...(opened.today ? [setInterval(() => store.getState().followClock(localTime()), CLOCK_EVERY_MS)] : []),
    ];
    try {
      const [title, ...shortTitles] = titlesOf(opened.date, opened.today);
      const instance = render(
        <DeskProvider store={store}>
          <App
            title={title}
            shortTitles={shortTitles}
            quitWarning={`Everything entered is saved in ${opened.file}; opd-desk picks the day up again on start.`}
            liveClock={opened.today}
          />
        </DeskProvider>,
        // Whole frames: Ink's incremental mode left stale rows in tmux at 80x24 after a cursor move.
        { exitOnCtrlC: false, incrementalRendering: false, maxFps: FRAME_RATE },
      );
      await instance.waitUntilExit();
    } finally {
      for (const timer of timers) clearInterval(timer);
      screen.restore();
      stopGuard();
    }
    return 0;
  } finally {
    journal.close();
  }
}
