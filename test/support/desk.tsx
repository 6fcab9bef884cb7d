/** A dashboard on a day built by commands, in a fake terminal of a chosen size. */
import { act } from 'react';
import { expect } from 'vitest';
import { createDay, defaultRoster, type Command, type Result, type Roster } from '../../src/engine/index.js';
import { createDeskStore, type DeskStore } from '../../src/store/desk-store.js';
import { App } from '../../src/ui/App.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { renderAt, type Terminal } from './terminal.js';

export interface DeskOnScreen extends Terminal {
  store: DeskStore;
  /** Dispatches as another part of the desk would, inside act() so the screen catches up. */
  dispatch(command: Command): Result;
}

export function deskAt(
  columns: number,
  rows: number,
  commands: Command[] = [],
  roster: Roster = defaultRoster(),
  options: { liveClock?: boolean; title?: string; shortTitles?: string[] } = {},
): DeskOnScreen {
  const store = createDeskStore(createDay(roster));
  for (const command of commands) store.getState().dispatch(command);
  const terminal = renderAt(
    <DeskProvider store={store}>
      <App
        title={options.title ?? 'OPD desk · test day'}
        shortTitles={options.shortTitles ?? []}
        quitWarning="This day is kept in memory only."
        liveClock={options.liveClock ?? false}
      />
    </DeskProvider>,
    columns,
    rows,
  );
  const dispatch = (command: Command) => {
    let result!: Result;
    act(() => {
      result = store.getState().dispatch(command);
    });
    return result;
  };
  return Object.assign(terminal, { store, dispatch });
}

/** Presses keys and tells whether the app exited because of them (quit). */
export async function exitsOn(desk: DeskOnScreen, keys: string): Promise<boolean> {
  let exited = false;
  const done = desk.waitUntilExit().then(() => (exited = true));
  await desk.press(keys);
  await done;
  return exited;
}

/** Check-ins of these tokens, in order. */
export const checkIns = (...tokens: string[]): Command[] => tokens.map((token) => ({ op: 'check-in', token }));

/** Every line of a frame fits the terminal, and the frame is one row short of it. */
export function expectFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

export const book = (patient: string, source = 'walk-in', slot?: string, doctor = 'sharma'): Command => ({
  op: 'book',
  doctor,
  patient,
  source,
  ...(slot !== undefined && { slot }),
});

/** Dr. Sharma's 09:00 slot full, one displaced patient waiting, a busy 10:00, others booked too. */
export const busyDay: Command[] = [
  book('Asha Rao', 'walk-in', '09:00'),
  book('Kiran Shah', 'walk-in', '09:00'),
  book('Dev Patel', 'online', '09:00'),
  book('Meena Iyer', 'walk-in', '09:00'),
  book('Ravi Kumar', 'emergency', '09:00'),
  book('Lata Menon', 'paid', '10:00'),
  book('Arjun Das', 'follow-up', '10:00'),
  book('Sita Ram', 'walk-in', '09:00'),
  book('Gopal Rao', 'online', '09:00', 'reddy'),
  book('Nisha Jain', 'emergency', undefined, 'kapoor'),
];
