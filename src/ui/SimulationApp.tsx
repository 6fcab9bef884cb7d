/**
 * `opd-desk simulate`: the day plays on the board as it happens, with a progress bar and the
 * ticker, and ends on the report. Space pauses, + and - change speed, . steps while paused,
 * ← → page the doctors, q stops.
 */
import { Box, useApp, useInput } from 'ink';
import { useMemo, useState } from 'react';
import { selectColumns } from '../store/selectors.js';
import { buildReport, type DayReport } from '../simulation/report.js';
import { formatTime } from '../engine/index.js';
import type { SimulationRunner } from '../simulation/runner.js';
import { paging as pagingFor, rowsFor } from './board-layout.js';
import { Board } from './Board.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { Header } from './Header.js';
import { PlayerBar } from './PlayerBar.js';
import { ReportView } from './ReportView.js';
import { keysOf } from './key-burst.js';
import { hintsOf, matchKey } from './keymap.js';
import { StatusBar } from './StatusBar.js';
import { Ticker } from './Ticker.js';
import { usePlayer, type Player } from './use-player.js';
import { useTerminalSize } from './use-terminal-size.js';

type FilmAction = 'pause' | 'speed' | 'step' | 'doctor' | 'quit';

/** What each key of the film does (quit is the app's own). */
export const FILM_ACTIONS: Record<FilmAction, (film: { player: Player; turnPage: (delta: number) => void }, delta: -1 | 1) => void> = {
  pause: ({ player }) => player.togglePause(),
  speed: ({ player }, delta) => (delta === 1 ? player.faster() : player.slower()),
  step: ({ player }) => player.step(),
  doctor: ({ turnPage }, delta) => turnPage(delta),
  quit: () => undefined,
};

/** The film's hints: Space says what it will do now (pause, or resume while paused). */
export function filmHints(playing: boolean): { key: string; action: string }[] {
  return hintsOf('film').map((hint) => (hint.key === 'Space' && !playing ? { ...hint, action: 'resume' } : hint));
}

/** The first doctor of the page `delta` pages from the one `doctor` is on (wrapping): each Left/Right turns a page. */
export function turnedPage(columns: number, doctors: number, doctor: number, delta: number): number {
  const { page, pages, perPage } = pagingFor(columns, doctors, doctor);
  return ((page + delta + pages) % pages) * perPage;
}

export function SimulationApp({ runner, seed, onReport }: { runner: SimulationRunner; seed: number; onReport?: (report: DayReport) => void }) {
  const { exit } = useApp();
  const store = useDeskStore();
  const size = useTerminalSize();
  const columns = useDesk(selectColumns);
  const version = useDesk((state) => state.version);
  const player = usePlayer(runner);
  const [doctor, setDoctor] = useState(0);
  const report = useMemo(
    () => (player.finished ? buildReport(store.getState().day, runner.counters, seed) : null),
    // The day changes in place: its version is what tells the memo to recompute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [player.finished, store, runner, seed, version],
  );

  useInput((input, key) => {
    // Keys pressed quickly can arrive together ("+++"): each one counts, in order.
    for (const press of keysOf(input, key)) {
      const matched = matchKey(report ? 'report' : 'film', press);
      if (matched?.action === 'quit') {
        // The end-of-day report outlives the film: the command prints it on the normal screen.
        if (report) onReport?.(report);
        return exit();
      }
      if (matched)
        FILM_ACTIONS[matched.action as FilmAction](
          { player, turnPage: (delta) => setDoctor((d) => turnedPage(size.columns, columns.length, d, delta)) },
          matched.delta,
        );
    }
  });

  const rows = rowsFor(size.rows);
  const paging = pagingFor(size.columns, columns.length, doctor);
  const boardHeight = rows.board - 1;
  return (
    <Box flexDirection="column" width={size.columns} height={rows.frame} overflowY="hidden">
      <Header width={size.columns} paging={paging} title={`Simulation · seed ${seed}`} clock={formatTime(Math.floor(player.state.minute))} />
      {report ? (
        <ReportView report={report} height={rows.board + rows.ticker} width={size.columns} />
      ) : (
        <>
          <Board paging={paging} height={boardHeight} selection={{ doctor, target: null }} />
          <PlayerBar width={size.columns} state={player.state} closesAt={runner.closesAt} played={runner.played} total={runner.timeline.length} />
          <Ticker height={rows.ticker} width={size.columns} />
        </>
      )}
      <StatusBar
        width={size.columns}
        hints={report ? hintsOf('report') : filmHints(player.state.playing)}
        notice={report ? 'The day has closed. q quits.' : null}
      />
    </Box>
  );
}
