/**
 * The front-desk dashboard: header, the doctors' columns, the event ticker and the status bar,
 * with forms and dialogs taking the board's place while they are open. Holds only view state
 * (mode, cursor, a notice); every change to the day goes through the store.
 */
import { Box, useApp, useInput } from 'ink';
import { useState } from 'react';
import { useSyncedState } from './use-synced-state.js';
import { formatTime, nextSlotBoundary, type Result } from '../engine/index.js';
import { selectColumns } from '../store/selectors.js';
import { paging as pagingFor, rowsFor } from './board-layout.js';
import { Board } from './Board.js';
import { BookingForm, NEXT_AVAILABLE } from './BookingForm.js';
import { CancelDialog } from './CancelDialog.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { settle, slotOfTarget, step, type Selection } from './selection.js';
import { StatusBar, type KeyHint } from './StatusBar.js';
import { Ticker } from './Ticker.js';
import { useTerminalSize } from './use-terminal-size.js';

type Mode =
  | { kind: 'board' }
  | { kind: 'help' }
  | { kind: 'book' }
  | { kind: 'cancel' }
  | { kind: 'confirm'; title: string; detail?: string; onYes: () => void; quitting?: boolean };

const BOARD_HINTS: KeyHint[] = [
  { key: 'b', action: 'book' },
  { key: 'c', action: 'cancel' },
  { key: 'n', action: 'no-show' },
  { key: 't', action: 'clock' },
  { key: '←→', action: 'doctor' },
  { key: '↑↓', action: 'move' },
  { key: '?', action: 'help' },
  { key: 'q', action: 'quit' },
];
const FORM_HINTS: KeyHint[] = [
  { key: 'Enter', action: 'next / confirm' },
  { key: 'Tab', action: 'field' },
  { key: 'Esc', action: 'back out' },
];
const DIALOG_HINTS: KeyHint[] = [
  { key: 'y', action: 'yes' },
  { key: 'n', action: 'no' },
  { key: 'Esc', action: 'back out' },
];

export interface AppProps {
  /** Shown at the left of the header, e.g. the date. */
  title?: string;
  /** Says what quitting loses; the in-memory desk loses the day. */
  quitWarning?: string;
}

export function App({ title = 'OPD desk', quitWarning }: AppProps) {
  const { exit } = useApp();
  const store = useDeskStore();
  const size = useTerminalSize();
  const columns = useDesk(selectColumns);
  const [mode, setMode, modeNow] = useSyncedState<Mode>({ kind: 'board' });
  const [cursor, setCursor, cursorNow] = useSyncedState<Selection>(() => ({ doctor: 0, target: settle(columns[0], null) }));
  const [notice, setNotice] = useState<string | null>(null);

  // The cursor follows the board as it changes: a patient who left is replaced by their slot.
  const settled = (raw: Selection, all = selectColumns(store.getState())): Selection => {
    const doctor = Math.min(raw.doctor, all.length - 1);
    return { doctor, target: settle(all[doctor], raw.target) };
  };
  const selection = settled(cursor, columns);
  const rows = rowsFor(size.rows);
  const paging = pagingFor(size.columns, columns.length, selection.doctor);
  const back = () => setMode({ kind: 'board' });

  const finish = (result: Result) => {
    setMode({ kind: 'board' });
    setNotice(null);
    const token = result.status === 'CANCELLED' || result.status === 'NO_SHOW' ? result.promoted : 'token' in result ? result.token : undefined;
    if (token) {
      const column = store.getState().day.doctors.findIndex((d) => token.startsWith(`${d.code}-`));
      if (column >= 0) setCursor({ doctor: column, target: { kind: 'token', token } });
    }
  };

  const askQuit = () =>
    setMode({
      kind: 'confirm',
      title: 'Quit opd-desk?',
      ...(quitWarning !== undefined && { detail: quitWarning }),
      onYes: () => exit(),
      quitting: true,
    });

  // Handlers read the latest cursor and board, not this render's (see useSyncedState).
  const moveDoctor = (delta: number) => {
    const all = selectColumns(store.getState());
    const next = (settled(cursorNow.current, all).doctor + delta + all.length) % all.length;
    setCursor({ doctor: next, target: settle(all[next], null, 0) });
  };

  useInput(
    (input, key) => {
      if (modeNow.current.kind !== 'board') return;
      setNotice(null);
      if (key.ctrl && input === 'c') return askQuit();
      if (input === 'q') return askQuit();
      if (input === '?') return setMode({ kind: 'help' });
      if (key.leftArrow || (key.tab && key.shift)) return moveDoctor(-1);
      if (key.rightArrow || key.tab) return moveDoctor(1);
      if (key.upArrow || key.downArrow) {
        const all = selectColumns(store.getState());
        const now = settled(cursorNow.current, all);
        const column = all[now.doctor];
        if (column) setCursor({ doctor: now.doctor, target: step(column, now.target, key.upArrow ? -1 : 1) });
        return;
      }
      if (key.pageDown) return moveDoctor(paging.perPage);
      if (key.pageUp) return moveDoctor(-paging.perPage);
      if (input === 'b') return setMode({ kind: 'book' });
      if (input === 'c') return setMode({ kind: 'cancel' });
      if (input === 'n') return noShow();
      if (input === 't') return advanceClock();
    },
    { isActive: mode.kind === 'board' },
  );

  function noShow() {
    const target = settled(cursorNow.current).target;
    if (target?.kind !== 'token') {
      setNotice('Select a seated patient first (↑/↓), then n.');
      return;
    }
    const day = store.getState().day;
    const token = day.tokens.find((t) => t.id === target.token);
    if (token?.status !== 'BOOKED') {
      // The engine says why not; an error changes nothing, so there is nothing to confirm.
      store.getState().dispatch({ op: 'no-show', token: target.token });
      return;
    }
    setMode({
      kind: 'confirm',
      title: `Mark ${token.id} ${token.patient} as no-show?`,
      detail: `Their seat in ${token.slot.label} goes to the first patient waiting for it.`,
      onYes: () => finish(store.getState().dispatch({ op: 'no-show', token: token.id })),
    });
  }

  function advanceClock() {
    const day = store.getState().day;
    const next = nextSlotBoundary(day);
    if (next === undefined) {
      setNotice('The day is over: every slot has ended.');
      return;
    }
    const time = formatTime(next);
    setMode({
      kind: 'confirm',
      title: `Move the clock from ${formatTime(day.clock)} to ${time}?`,
      detail: 'Slots that end by then close: their seated patients are completed and whoever waits for them moves to the next slot.',
      onYes: () => {
        store.getState().dispatch({ op: 'clock', time });
        back();
      },
    });
  }

  // The form starts on the slot under the cursor only when the cursor is on a slot row; on a
  // patient it starts on "Next available", so a quick Enter never waitlists into a full slot.
  const column = columns[selection.doctor];
  const prefillSlot = column && selection.target?.kind === 'slot' ? slotOfTarget(column, selection.target) : undefined;
  const prefillLabel = prefillSlot !== undefined && column && !column.slots[prefillSlot]?.closed ? column.slots[prefillSlot]!.label : NEXT_AVAILABLE;
  const hints = mode.kind === 'board' ? BOARD_HINTS : mode.kind === 'confirm' ? DIALOG_HINTS : FORM_HINTS;

  return (
    <Box flexDirection="column" width={size.columns} height={rows.frame} overflowY="hidden">
      <Header width={size.columns} paging={paging} title={title} />
      <Box height={rows.board} flexDirection="column" overflowY="hidden">
        {mode.kind === 'board' && <Board paging={paging} height={rows.board} selection={selection} />}
        {mode.kind === 'help' && <HelpOverlay height={rows.board} onClose={back} />}
        {mode.kind === 'book' && (
          <BookingForm height={rows.board} doctor={selection.doctor} slot={prefillLabel} onDone={finish} onCancel={back} />
        )}
        {mode.kind === 'cancel' && <CancelDialog height={rows.board} width={size.columns} onDone={finish} onCancel={back} />}
        {mode.kind === 'confirm' && (
          <ConfirmDialog
            title={mode.title}
            {...(mode.detail !== undefined && { detail: mode.detail })}
            onYes={mode.onYes}
            onNo={back}
            ctrlCIsYes={mode.quitting ?? false}
          />
        )}
      </Box>
      <Ticker height={rows.ticker} width={size.columns} />
      <StatusBar width={size.columns} hints={hints} notice={notice} />
    </Box>
  );
}
