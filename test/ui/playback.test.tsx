import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { DEFAULT_ARRIVAL_MODEL } from '../../src/simulation/arrival-model.js';
import { TICK_MS } from '../../src/simulation/player.js';
import { prepareSimulation } from '../../src/simulation/simulate.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { SimulationApp } from '../../src/ui/SimulationApp.js';
import { fakePlayerClocks, renderAt, type Terminal } from '../support/terminal.js';

let screen: Terminal | undefined;
fakePlayerClocks(() => screen);

function play(columns = 120, rows = 40) {
  const { store, runner } = prepareSimulation(defaultRoster(), DEFAULT_ARRIVAL_MODEL, 7);
  screen = renderAt(
    <DeskProvider store={store}>
      <SimulationApp runner={runner} seed={7} />
    </DeskProvider>,
    columns,
    rows,
  );
  return { store, runner, screen };
}

/** Lets `ms` of real time pass for the player. */
async function wait(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

/** At 10x a simulated minute passes every real tenth of a second. */
const minutesAt10x = (minutes: number) => minutes * 100;

describe('playing a simulated day', () => {
  it('shows the day at 10:00 and 13:00 and ends on the report', async () => {
    const { screen: s } = play();
    await wait(minutesAt10x(120));
    const ten = s.frame();
    expect(ten).toMatch(/▶ playing 10x .* 10:00 /);
    expect(ten).toContain('09:00-10:00 ended');
    expect(ten).toMatchSnapshot('10:00');
    await wait(minutesAt10x(180));
    const one = s.frame();
    expect(one).toMatch(/ 13:00 /);
    expect(one).toContain('12:00-13:00 ended');
    expect(one).toMatchSnapshot('13:00');
    await wait(minutesAt10x(240));
    const report = s.frame();
    expect(report).toContain('End of day · seed 7');
    expect(report).toContain('All doctors      93    73       3        5        12      0       0          5         0   87%');
    expect(report).toMatchSnapshot('report');
    expect(report.split('\n').length).toBeLessThanOrEqual(39);
  });

  it('Space pauses: the clock stands still; . steps one event; Space resumes', async () => {
    const { runner, screen: s } = play();
    await wait(minutesAt10x(30));
    await s.press(' ', (f) => f.includes('⏸ paused'));
    const played = runner.played;
    const frame = s.frame();
    await wait(5000);
    expect(runner.played).toBe(played);
    expect(s.frame()).toBe(frame);
    await s.press('.');
    expect(runner.played).toBe(played + 1);
    await s.press(' ', (f) => f.includes('▶ playing'));
    await wait(minutesAt10x(10));
    expect(runner.played).toBeGreaterThan(played + 1);
  });

  it('. does nothing while playing', async () => {
    const { runner, screen: s } = play();
    await wait(TICK_MS);
    const played = runner.played;
    await s.press('.');
    expect(runner.played).toBe(played);
  });

  it('+ and - change the speed between 1x and 60x', async () => {
    const { screen: s } = play();
    expect(await s.press('+', (f) => f.includes('20x'))).toContain('▶ playing 20x');
    await s.press('+++', (f) => f.includes('60x'));
    expect(await s.press('+', (f) => f.includes('60x'))).toContain('60x');
    await s.press('------', (f) => f.includes(' 1x'));
    expect(await s.press('-', (f) => f.includes(' 1x'))).toContain('▶ playing  1x');
  });

  it('at 60x an hour passes in a second', async () => {
    const { runner, screen: s } = play();
    await s.press('+++', (f) => f.includes('60x'));
    await wait(1000);
    expect(s.frame()).toMatch(/ 09:00 /);
    // Everything due by 09:00 has played, nothing after it.
    expect(runner.timeline[runner.played - 1]!.at).toBeLessThanOrEqual(9 * 60);
    expect(runner.nextAt).toBeGreaterThan(9 * 60);
  });

  it('q stops the film', async () => {
    const { screen: s } = play();
    const exited = s.waitUntilExit();
    await s.press('q');
    await expect(exited).resolves.toBeUndefined();
  });
});
