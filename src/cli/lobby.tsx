/**
 * `opd-desk lobby`: the lobby board for the waiting room's TV. It opens the day's journal
 * read-only and follows it as a second desk does (four times a second), showing token numbers
 * only; it never writes, not even the clock (the desks move it).
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { DisplayFeed } from '../keeper/display-feed.js';
import { DeskSession } from '../journal/session.js';
import { defaultRoster, type WaitingRoom } from '../engine/index.js';
import { createDeskStore } from '../store/desk-store.js';
import { selectLobby } from '../store/counter-selectors.js';
import { terminalSafe, terminalSafeLines } from '../text/terminal-safe.js';
import { defaultDataFile, localDate, parseDate } from '../journal/place.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';
import { DeskProvider } from '../ui/desk-context.js';
import { FeedLobbyBoard, LobbyBoard } from '../ui/LobbyBoard.js';
import { FRAME_RATE, SYNC_EVERY_MS, titlesOf } from './dashboard.js';
import { openRecordedJournal, type DayOptions } from './open-day.js';
import { reachServer, type RemoteDeskOptions } from './remote-dashboard.js';
import { enterAlternateScreen } from './terminal-screen.js';

/** Draws a lobby board until q or Esc; the caller keeps what it shows up to date. */
export async function showLobby(board: ReactElement): Promise<void> {
  const screen = enterAlternateScreen(process.stdout);
  try {
    const instance = render(board, { exitOnCtrlC: false, incrementalRendering: false, maxFps: FRAME_RATE });
    await instance.waitUntilExit();
  } finally {
    screen.restore();
  }
}

/** The lobby board as plain text, for a pipe or a file: who is being seen, who is next. */
export function lobbyText(lobby: WaitingRoom): string {
  const lines = lobby.doctors.map(
    (doctor) =>
      `${doctor.name}: now ${doctor.now ?? (doctor.away ? 'away' : '—')} · next ${doctor.next.length > 0 ? doctor.next.join(' ') : '—'} · ${doctor.waiting} waiting`,
  );
  return `${[`Lobby ${lobby.clock}`, ...lines].join('\n')}\n`;
}

/** How often a lobby started before its day looks again for the day. */
export const DAY_WAIT_MS = 1000;

/**
 * The journal, read-only, with the day started. In a terminal a lobby switched on before the
 * first desk waits for a desk to start the day (Ctrl+C stops it); elsewhere a missing day is
 * refused, naming the days the file has.
 */
async function journalWithDay(options: DayOptions, terminal: boolean): Promise<{ journal: SqliteJournal; date: string }> {
  const file = options.data ?? defaultDataFile();
  const date = options.date === undefined ? localDate() : parseDate(options.date);
  if (!terminal) return openRecordedJournal(options);
  const journal = SqliteJournal.open(file, { readOnly: true });
  if (journal.day(date) === undefined) {
    process.stderr.write(`opd-desk lobby: waiting for a desk to start ${date} in ${terminalSafe(file)} (Ctrl+C stops)\n`);
    while (journal.day(date) === undefined) await new Promise((resolve) => setTimeout(resolve, DAY_WAIT_MS));
  }
  return { journal, date };
}

export async function lobbyCommand(options: DayOptions): Promise<number> {
  const terminal = process.stdout.isTTY === true && process.stdin.isTTY === true;
  const { journal, date } = await journalWithDay(options, terminal);
  try {
    const session = DeskSession.open({
      journal,
      date,
      desk: 'lobby',
      fallbackRoster: defaultRoster(),
      ...(options.replayAnyway !== undefined && { replayAnyway: options.replayAnyway }),
    });
    const store = createDeskStore(session);
    if (!terminal) {
      process.stdout.write(terminalSafeLines(lobbyText(selectLobby(store.getState()))));
      process.stderr.write('opd-desk: the lobby board needs a terminal; printed it instead.\n');
      return 0;
    }
    const timer = setInterval(() => store.getState().sync(), SYNC_EVERY_MS);
    try {
      const day = titlesOf(date, true)[1];
      await showLobby(
        <DeskProvider store={store}>
          <LobbyBoard title={`Waiting room · ${day} · please wait for your token`} />
        </DeskProvider>,
      );
    } finally {
      clearInterval(timer);
    }
    return 0;
  } finally {
    journal.close();
  }
}

/**
 * `opd-desk lobby --server URL`: the same board for a day kept by an `opd-desk serve` server,
 * following its display feed (token ids only), so a `display` key is enough; it never sends a
 * command. While the server cannot be reached it keeps the last board and says so.
 */
export async function remoteLobbyCommand(options: RemoteDeskOptions): Promise<number> {
  const { connected: feed } = await reachServer(options, (remote) => DisplayFeed.connect(remote));
  try {
    if (process.stdout.isTTY !== true || process.stdin.isTTY !== true) {
      process.stdout.write(terminalSafeLines(lobbyText(feed.view)));
      process.stderr.write('opd-desk: the lobby board needs a terminal; printed it instead.\n');
      return 0;
    }
    const title = `Waiting room · ${titlesOf(feed.date, feed.date === localDate())[1]} · please wait for your token`;
    await showLobby(<FeedLobbyBoard title={title} feed={feed} />);
    return 0;
  } finally {
    feed.close();
  }
}
