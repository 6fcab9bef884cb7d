/**
 * The front-desk dashboard: header, the doctors' columns, the event ticker and the status bar,
 * with forms and dialogs taking the board's place while they are open. Draws only: the screen's
 * state is ./desk-state.ts, its keys ./use-desk-input.ts; every change to the day goes through
 * the store.
 */
import { whenSent } from '../store/desk-store.js';
import { Box, useApp } from 'ink';
import { useEffect, useRef } from 'react';
import type { Result } from '../engine/index.js';
import { tokenDetail } from '../store/counter-selectors.js';
import { selectColumns } from '../store/selectors.js';
import { rowsFor } from './board-layout.js';
import { readablePaging } from './readable-paging.js';
import { Board } from './Board.js';
import { AwayDialog } from './AwayDialog.js';
import { BookingForm } from './BookingForm.js';
import { CallBackList } from './CallBackList.js';
import { CancelDialog } from './CancelDialog.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { initialDesk, reduceDesk, settled, type DeskAction, type DeskMode, type DeskScreenState, type DeskView } from './desk-state.js';
import { Header } from './Header.js';
import { MoveForm } from './MoveForm.js';
import { HelpOverlay } from './HelpOverlay.js';
import { hintsOf, type Screen } from './keymap.js';
import { StatusBar } from './StatusBar.js';
import { Ticker } from './Ticker.js';
import { maxHistoryBack } from './token-detail-lines.js';
import { TokenDetailView } from './TokenDetailView.js';
import { useDeskInput } from './use-desk-input.js';
import { useReducerNow } from './use-reducer-now.js';
import { useTerminalSize } from './use-terminal-size.js';

/** The keymap's screen for each of the desk's modes. */
const SCREEN_OF: Record<DeskMode['kind'], Screen> = {
  board: 'board',
  help: 'help',
  callbacks: 'callbacks',
  book: 'form',
  cancel: 'cancel',
  move: 'move',
  away: 'away',
  confirm: 'question',
  'confirm-quit': 'question',
  detail: 'detail',
};

export interface AppProps {
  /** Shown at the left of the header, e.g. the date. */
  title?: string;
  /** Shorter forms of the title, longest first, for narrow terminals (keep the date in each). */
  shortTitles?: string[];
  /** Says what quitting loses; the in-memory desk loses the day. */
  quitWarning?: string;
  /** Today's date: the clock follows the wall clock, and t is refused. */
  liveClock?: boolean;
}

export function App({ title = 'OPD desk', shortTitles = [], quitWarning, liveClock = false }: AppProps) {
  const { exit } = useApp();
  const store = useDeskStore();
  const size = useTerminalSize();
  const columns = useDesk(selectColumns);
  // Handlers read the latest board, not this render's: keys can arrive before the next render.
  const viewNow = (cursor: DeskScreenState['cursor']): DeskView => {
    const all = selectColumns(store.getState());
    const selection = settled(cursor, all);
    return {
      columns: all,
      perPage: readablePaging(size.columns, rowsFor(size.rows).board, all, selection.doctor).perPage,
      day: store.getState().day,
      quitWarning,
      liveClock,
      maxHistoryBack: (token: string) => {
        const detail = tokenDetail(store.getState(), token);
        return detail ? maxHistoryBack(detail, rowsFor(size.rows).board) : 0;
      },
    };
  };
  const [state, dispatch, now] = useReducerNow(
    (s: DeskScreenState, a: DeskAction) => reduceDesk(s, a, viewNow(s.cursor)),
    () => initialDesk(columns),
  );
  const { mode } = state;
  const version = useDesk((desk) => desk.version);
  // A question the day has overtaken (another desk cancelled the patient, moved the clock) closes itself.
  useEffect(() => {
    dispatch({ type: 'day-changed' });
  }, [version, dispatch]);
  const listenFor = useDeskInput({ now, dispatch, send: (command) => whenSent(store.getState().send(command), (sent) => sent.result), exit });

  const selection = settled(state.cursor, columns);
  const rows = rowsFor(size.rows);
  const paging = readablePaging(size.columns, rows.board, columns, selection.doctor);
  const back = () => dispatch({ type: 'close' });
  const finish = (result: Result) => dispatch({ type: 'sent', result });
  const hints = hintsOf(SCREEN_OF[mode.kind]);
  // Asked to quit from a form, a dialog or the help: it stays mounted, hidden, so n comes back to it as it was.
  const under = mode.kind === 'confirm-quit' && mode.back ? mode.back : mode;
  const showing = (screen: DeskMode) => (screen === mode ? 'flex' : 'none');
  const openingOf = useOpenings();

  return (
    <Box flexDirection="column" width={size.columns} height={rows.frame} overflowY="hidden">
      <Header width={size.columns} paging={paging} title={title} shortTitles={shortTitles} />
      <Box height={rows.board} flexDirection="column" overflowY="hidden">
        {mode.kind === 'board' && <Board paging={paging} height={rows.board} selection={selection} />}
        {under.kind === 'help' && (
          <Box display={showing(under)} flexDirection="column">
            <HelpOverlay height={rows.board} width={size.columns} />
          </Box>
        )}
        {mode.kind === 'callbacks' && <CallBackList height={rows.board} width={size.columns} />}
        {under.kind === 'book' && (
          <Box key={openingOf(under)} display={showing(under)} flexDirection="column">
            <BookingForm height={rows.board} doctor={under.doctor} slot={under.slot} onDone={finish} onCancel={back} listen={listenFor(under)} />
          </Box>
        )}
        {under.kind === 'cancel' && (
          <Box key={openingOf(under)} display={showing(under)} flexDirection="column">
            <CancelDialog token={under.token} height={rows.board} width={size.columns} onDone={finish} onCancel={back} listen={listenFor(under)} />
          </Box>
        )}
        {under.kind === 'detail' && (
          <Box key={openingOf(under)} display={showing(under)} flexDirection="column">
            <TokenDetailView token={under.token} width={size.columns} height={rows.board} back={under.back} />
          </Box>
        )}
        {under.kind === 'move' && (
          <Box key={openingOf(under)} display={showing(under)} flexDirection="column">
            <MoveForm height={rows.board} token={under.token} onDone={finish} onCancel={back} listen={listenFor(under)} />
          </Box>
        )}
        {under.kind === 'away' && (
          <Box key={openingOf(under)} display={showing(under)} flexDirection="column">
            <AwayDialog height={rows.board} doctor={under.doctor} onDone={finish} onCancel={back} listen={listenFor(under)} />
          </Box>
        )}
        {mode.kind === 'confirm' && <ConfirmDialog title={mode.title} detail={mode.detail} />}
        {mode.kind === 'confirm-quit' && <ConfirmDialog title="Quit opd-desk?" detail={mode.detail} />}
      </Box>
      <Ticker height={rows.ticker} width={size.columns} />
      <StatusBar width={size.columns} hints={hints} notice={state.notice} />
    </Box>
  );
}

/**
 * A number for each opening of a screen (each mode object the desk state makes), the key of the
 * screen's element: a form opened again in the same burst of keys that closed it (two bookings
 * typed together) must be a new form, not the last one still holding what it sent.
 */
function useOpenings(): (mode: DeskMode) => number {
  const openings = useRef({ ids: new WeakMap<DeskMode, number>(), next: 0 });
  return (mode) => {
    const { ids } = openings.current;
    let id = ids.get(mode);
    if (id === undefined) ids.set(mode, (id = ++openings.current.next));
    return id;
  };
}
