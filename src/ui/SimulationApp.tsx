/**
 * `opd-desk simulate`: the day plays on the board as it happens, with a progress bar and the
 * ticker, and ends on the report. Space pauses, + and - change speed, . steps while paused,
 * ← → page the doctors, q stops.
 */
import { Box, useApp, useInput } from 'ink';
import { useMemo, useState } from 'react';
import { selectColumns } from '../store/selectors.js';
import { buildReport } from '../simulation/report.js';
import type { SimulationRunner } from '../simulation/runner.js';
import { paging as pagingFor, rowsFor } from './board-layout.js';
import { Board } from './Board.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { Header } from './Header.js';
import { PlayerBar } from './PlayerBar.js';
import { ReportView } from './ReportView.js';
import { StatusBar, type KeyHint } from './StatusBar.js';
import { Ticker } from './Ticker.js';
import { usePlayer } from './use-player.js';
import { useTerminalSize } from './use-terminal-size.js';

const PLAY_HINTS: KeyHint[] = [
  { key: 'Space', action: 'pause' },
  { key: '+ -', action: 'speed' },
  { key: '.', action: 'step (paused)' },
  { key: '←→', action: 'doctors' },
  { key: 'q', action: 'stop' },
];
const REPORT_HINTS: KeyHint[] = [{ key: 'q', action: 'quit' }];

export function SimulationApp({ runner, seed }: { runner: SimulationRunner; seed: number }) {
  const { exit } = useApp();
  const store = useDeskStore();
  const size = useTerminalSize();
  const columns = useDesk(selectColumns);
  const version = useDesk((state) => state.version);
  const player = usePlayer(runner);
  const [doctor, setDoctor] = useState(0);
  const report = useMemo(
    () => (player.finished ? buildReport(store.getState().day, runner.counters, seed) : null),
    [player.finished, store, runner, seed, version],
  );

  useInput((input, key) => {
    if (input.includes('q') || key.escape) return exit();
    if (report) return;
    if (key.rightArrow || key.tab) return setDoctor((d) => (d + 1) % columns.length);
    if (key.leftArrow) return setDoctor((d) => (d - 1 + columns.length) % columns.length);
    // Keys pressed quickly can arrive together ("+++"): each one counts.
    for (const character of input) {
      if (character === ' ') player.togglePause();
      else if (character === '+' || character === '=') player.faster();
      else if (character === '-' || character === '_') player.slower();
      else if (character === '.') player.step();
    }
  });

  const rows = rowsFor(size.rows);
  const paging = pagingFor(size.columns, columns.length, doctor);
  const boardHeight = rows.board - 1;
  return (
    <Box flexDirection="column" width={size.columns} height={rows.frame} overflowY="hidden">
      <Header width={size.columns} paging={paging} title={`Simulation · seed ${seed}`} />
      {report ? (
        <ReportView report={report} height={rows.board + rows.ticker} width={size.columns} />
      ) : (
        <>
          <Board paging={paging} height={boardHeight} selection={{ doctor, target: null }} />
          <PlayerBar width={size.columns} state={player.state} closesAt={runner.closesAt} played={runner.played} total={runner.timeline.length} />
          <Ticker height={rows.ticker} width={size.columns} />
        </>
      )}
      <StatusBar width={size.columns} hints={report ? REPORT_HINTS : PLAY_HINTS} notice={report ? 'The day has closed. q quits.' : null} />
    </Box>
  );
}
