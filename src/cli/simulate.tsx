/** `opd-desk simulate`: a seeded day, played in the dashboard or reported headless. */
import { render } from 'ink';
import { parseArrivalModelText } from '../schema/arrival-model.js';
import { DEFAULT_ARRIVAL_MODEL, type ArrivalModel } from '../simulation/arrival-model.js';
import { reportJson, reportText, type DayReport } from '../simulation/report.js';
import { DEFAULT_SEED, prepareSimulation, simulateDay, simulationRoster } from '../simulation/simulate.js';
import { DeskProvider } from '../ui/desk-context.js';
import { SimulationApp } from '../ui/SimulationApp.js';
import { FRAME_RATE } from './dashboard.js';
import { loadCheckedFile } from './load-file.js';
import { loadRoster } from './load-roster.js';
import { enterAlternateScreen } from './terminal-screen.js';
import { UsageError } from './usage-error.js';
import { jsonSafe, terminalSafeLines } from '../text/terminal-safe.js';
import { openDay, type DayOptions } from './open-day.js';
import { parseTime, type Roster } from '../engine/index.js';
import type { DayKeeper } from '../keeper/day-keeper.js';

export interface SimulateOptions extends DayOptions {
  seed?: string;
  headless?: boolean;
  json?: boolean;
  roster?: string;
  model?: string;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEED;
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--seed takes a whole number from 0 to 999999999, not "${text}"`);
  return Number(text);
}

function loadModel(file: string | undefined): ArrivalModel {
  if (file === undefined) return DEFAULT_ARRIVAL_MODEL;
  return loadCheckedFile('model', file, (text) => {
    const parsed = parseArrivalModelText(text);
    return parsed.ok ? { ok: true, value: parsed.model } : parsed;
  });
}

/**
 * Practice never touches the real day: the simulation runs in memory unless --data names a
 * journal, and then only on a day that has no commands yet.
 */
function keeperFor(options: SimulateOptions, roster: Roster): DayKeeper | undefined {
  if (options.data === undefined) return undefined;
  const { session, date, file } = openDay(options, simulationRoster(roster));
  if (session.appliedSeq > 0) {
    session.journal.close();
    throw new UsageError(
      `${date} in ${file} already has ${session.appliedSeq} commands; a simulation needs a day of its own (choose another --date or --data)`,
    );
  }
  return session;
}

/** The most patients a simulated day may expect: a bigger one would not fit in memory or in a day's viewing. */
export const MAX_SIMULATED_PATIENTS = 100_000;

/** Refuses a model and roster that together ask for more patients than a simulation holds. */
function checkSize(roster: Roster, model: ArrivalModel): void {
  let expected = 0;
  for (const doctor of roster.doctors) {
    const starts = doctor.slots.map((slot) => parseTime(slot.start) ?? 0);
    const ends = doctor.slots.map((slot) => parseTime(slot.end) ?? 0);
    const hours = (Math.max(...ends) - Math.min(...starts)) / 60;
    const { online, followUp, paid } = model.prebooked;
    expected += online + followUp + paid + model.walkInsPerHour * hours + model.emergenciesPerDay;
  }
  if (expected > MAX_SIMULATED_PATIENTS) {
    throw new UsageError(
      `this model and roster expect about ${Math.round(expected).toLocaleString('en-US')} patients in the day; a simulation takes at most ${MAX_SIMULATED_PATIENTS.toLocaleString('en-US')} (lower walkInsPerHour or the prebooked counts, or use fewer doctors)`,
    );
  }
}

export async function simulateCommand(options: SimulateOptions): Promise<number> {
  const seed = parseSeed(options.seed);
  const roster = loadRoster(options.roster);
  const model = loadModel(options.model);
  checkSize(roster, model);
  const interactive = !options.headless && process.stdout.isTTY && process.stdin.isTTY;
  if (!interactive) {
    if (!options.headless) process.stderr.write('opd-desk: simulate plays in a terminal; printing the report instead (--headless).\n');
    const report = simulateDay(roster, model, seed, keeperFor(options, roster));
    process.stdout.write(options.json ? jsonSafe(reportJson(report)) : terminalSafeLines(`${reportText(report).join('\n')}\n`));
    return 0;
  }
  const { store, runner } = prepareSimulation(roster, model, seed, keeperFor(options, roster));
  const screen = enterAlternateScreen(process.stdout);
  let report: DayReport | undefined;
  try {
    const instance = render(
      <DeskProvider store={store}>
        <SimulationApp runner={runner} seed={seed} onReport={(shown) => (report = shown)} />
      </DeskProvider>,
      { exitOnCtrlC: true, incrementalRendering: false, maxFps: FRAME_RATE },
    );
    await instance.waitUntilExit();
  } finally {
    screen.restore();
  }
  // The alternate screen is gone; the report the film ended on stays on the normal one.
  if (report) process.stdout.write(terminalSafeLines(`${reportText(report).join('\n')}\n`));
  return 0;
}
