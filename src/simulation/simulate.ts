/** A whole simulated day, headless: roster, model and seed in; the closed day and its report out. */
import { createDay, type Roster } from '../engine/index.js';
import type { DayKeeper } from '../keeper/day-keeper.js';
import { createDeskStore, type DeskStore } from '../store/desk-store.js';
import type { ArrivalModel } from './arrival-model.js';
import { buildReport, type DayReport } from './report.js';
import { SimulationRunner, type PlayTarget } from './runner.js';
import { generateTimeline } from './timeline.js';

export const DEFAULT_SEED = 7;

/**
 * The roster a simulated day runs on: patients check in, so a booked patient who never came is
 * a no-show when the slot closes (SPEC §5 `noShowAtClose`).
 */
export function simulationRoster(roster: Roster): Roster {
  return { ...roster, policy: { ...roster.policy, noShowAtClose: true } };
}

/** A day ready to play: in memory, or kept by `keeper` (a journal, opened on simulationRoster). */
export function prepareSimulation(roster: Roster, model: ArrivalModel, seed: number, keeper?: DayKeeper): { store: DeskStore; runner: SimulationRunner } {
  const store = createDeskStore(keeper ?? createDay(simulationRoster(roster)));
  const target: PlayTarget = {
    get day() {
      return store.getState().day;
    },
    playAll: (commands) => store.getState().dispatchAll(commands),
  };
  return { store, runner: new SimulationRunner(target, generateTimeline(roster, model, seed)) };
}

export function simulateDay(roster: Roster, model: ArrivalModel, seed: number, keeper?: DayKeeper): DayReport {
  const { store, runner } = prepareSimulation(roster, model, seed, keeper);
  runner.playToEnd();
  return buildReport(store.getState().day, runner.counters, seed);
}
