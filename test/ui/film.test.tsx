/** The simulation's film: one clock, a page per Left/Right, and a footer that says what Space will do. */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { DEFAULT_ARRIVAL_MODEL } from '../../src/simulation/arrival-model.js';
import type { DayReport } from '../../src/simulation/report.js';
import { prepareSimulation } from '../../src/simulation/simulate.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { SimulationApp } from '../../src/ui/SimulationApp.js';
import { KEYS, fakePlayerClocks, renderAt, type Terminal } from '../support/terminal.js';

let screen: Terminal | undefined;
fakePlayerClocks(() => screen);

function play(columns: number, rows: number, onReport?: (report: DayReport) => void) {
  const { runner, store } = prepareSimulation(defaultRoster(), DEFAULT_ARRIVAL_MODEL, 7);
  screen = renderAt(
    <DeskProvider store={store}>
      <SimulationApp runner={runner} seed={7} {...(onReport && { onReport })} />
    </DeskProvider>,
    columns,
    rows,
  );
  return screen;
}

async function wait(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

const TIME = /\d\d:\d\d/g;

describe('the simulation film', () => {
  it('shows one time: the header clock is the progress bar’s, between events too', async () => {
    const s = play(120, 40);
    for (const ms of [1234, 777, 2500]) {
      await wait(ms);
      const lines = s.frame().split('\n');
      const bar = lines.find((line) => line.includes('▶ playing') || line.includes('⏸ paused'))!;
      expect(lines[0]!.match(TIME)!.at(-1)).toBe(bar.match(TIME)!.at(-1));
    }
  });

  it('turns a page with the first Right at 80 columns, and back with Left', async () => {
    const s = play(80, 24);
    expect(s.frame().split('\n')[0]).toContain('◀ 1/2 ▶');
    let frame = await s.press(KEYS.right, (f) => f.split('\n')[0]!.includes('◀ 2/2 ▶'));
    expect(frame).toContain('Dr. Kapoor');
    frame = await s.press(KEYS.left, (f) => f.split('\n')[0]!.includes('◀ 1/2 ▶'));
    expect(frame).toContain('Dr. Sharma');
  });

  it('says Space resume while paused and Space pause while playing', async () => {
    const s = play(120, 40);
    expect(s.frame()).toMatch(/Space {2}pause/);
    const frame = await s.press(' ', (f) => f.includes('⏸ paused'));
    expect(frame).toMatch(/Space {2}resume/);
  });

  it('hands the end-of-day report to whoever prints it after q', async () => {
    const reports: DayReport[] = [];
    const s = play(120, 40, (report) => reports.push(report));
    await wait(60_000);
    await s.press('q');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.seed).toBe(7);
  });
});
