/** The lobby board: token numbers only, the one in consultation in large type, the next three, how many wait. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createDay, defaultRoster, type Command, type Roster } from '../../src/engine/index.js';
import { createDeskStore, type DeskStore } from '../../src/store/desk-store.js';
import { bigText, fitBig } from '../../src/ui/big-type.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { LobbyBoard } from '../../src/ui/LobbyBoard.js';
import { book, checkIns } from '../support/desk.js';
import { KEYS, renderAt, type Terminal } from '../support/terminal.js';

let screen: Terminal | undefined;
afterEach(() => screen?.unmount());

function lobbyAt(columns: number, rows: number, commands: Command[], roster: Roster = defaultRoster()): { store: DeskStore; screen: Terminal } {
  const store = createDeskStore(createDay(roster));
  for (const command of commands) store.getState().dispatch(command);
  screen = renderAt(
    <DeskProvider store={store}>
      <LobbyBoard title="Waiting room" />
    </DeskProvider>,
    columns,
    rows,
  );
  return { store, screen };
}

const morning: Command[] = [
  { op: 'book', doctor: 'sharma', patient: 'Asha Rao', source: 'walk-in', slot: '09:00', phone: '9845012345' },
  book('Kiran Shah', 'walk-in', '09:00'),
  book('Dev Patel', 'online', '09:00'),
  book('Meena Iyer', 'walk-in', '09:00'),
  book('Ravi Kumar', 'paid', '09:00', 'reddy'),
  ...checkIns('SHR-001', 'SHR-002', 'SHR-003', 'SHR-004'),
  { op: 'clock', time: '09:00' },
  { op: 'call', doctor: 'sharma' },
];

describe('large type', () => {
  it('draws a token five rows high, and twice that at scale 2', () => {
    expect(bigText('1-')).toEqual([' █    ', '██    ', ' █  ██', ' █    ', '███   ']);
    expect(bigText('1', 2)).toHaveLength(10);
  });

  it('fits the whole token, else its number alone, else nothing', () => {
    expect(fitBig('SHR-003', 60, 10)).toEqual(bigText('SHR-003', 2));
    expect(fitBig('SHR-003', 30, 10)).toEqual(bigText('003', 2));
    expect(fitBig('SHR-003', 27, 5)).toEqual(bigText('SHR-003'));
    expect(fitBig('SHR-003', 10, 5)).toBeNull();
    expect(fitBig('SHR-003', 60, 4)).toBeNull();
  });
});

describe('the lobby board', () => {
  it('shows per doctor the token in consultation in large type, the next three and how many wait, at 120x40', () => {
    const { screen } = lobbyAt(120, 40, morning);
    const frame = screen.frame();
    expect(frame).toContain('Now seeing SHR-003');
    expect(frame).toContain(bigText('003', 2)[0]);
    expect(frame).toMatch(/Next\s/);
    expect(frame).toContain('  SHR-001');
    expect(frame).toContain('  SHR-002');
    expect(frame).toContain('  SHR-004');
    expect(frame).toContain('3 waiting');
    expect(frame).toContain('nobody waiting');
    expect(frame).toMatchSnapshot();
  });

  it('says a doctor is away while the slot the clock is in is off (it showed only a dash)', () => {
    const { screen } = lobbyAt(120, 40, [...morning, { op: 'absent', doctor: 'reddy' }]);
    const frame = screen.frame();
    expect(frame).toContain('Away now');
    expect(frame.match(/Away now/g)).toHaveLength(1);
  });

  it('never shows a name or a phone', () => {
    const { screen } = lobbyAt(120, 40, morning);
    for (const secret of ['Asha', 'Kiran', 'Dev', 'Meena', 'Ravi', '98450']) expect(screen.frame()).not.toContain(secret);
  });

  it('counts everyone waiting, shows three, and follows the day as it changes', async () => {
    const { store, screen } = lobbyAt(120, 40, [...morning, book('Lata Menon', 'walk-in', '09:00'), { op: 'check-in', token: 'SHR-005' }]);
    expect(screen.frame()).toContain('3 waiting');
    act(() => {
      store.getState().dispatch({ op: 'cancel', token: 'SHR-001' });
    });
    act(() => {
      store.getState().dispatch({ op: 'call', doctor: 'sharma' });
    });
    // Lata (checked in, waiting in overflow) took Asha's seat; Kiran was called: Meena and Lata wait.
    const frame = await screen.waitFor((f) => f.includes('Now seeing SHR-002'));
    expect(frame).toContain('  SHR-004');
    expect(frame).toContain('  SHR-005');
    expect(frame).toContain('2 waiting');
  });

  it('fits 80x24 with three doctors, the token still large', () => {
    const { screen } = lobbyAt(80, 24, morning);
    const frame = screen.frame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(frame).toContain(bigText('003', 2)[0]);
    expect(frame).toMatchSnapshot();
  });

  it('shows a page of doctors at a time when they do not fit, and says which page', () => {
    const roster: Roster = {
      doctors: ['sharma', 'reddy', 'kapoor', 'iyer', 'menon'].map((id) => ({
        id,
        name: `Dr. ${id}`,
        code: id.slice(0, 3).toUpperCase(),
        slots: [{ start: '09:00', end: '10:00', capacity: 2 }],
      })),
    };
    const { screen } = lobbyAt(80, 24, [], roster);
    expect(screen.frame()).toContain('page 1/2');
    expect(screen.frame()).toContain('Dr. kapoor');
    expect(screen.frame()).not.toContain('Dr. iyer');
  });

  it('q leaves', async () => {
    const { screen } = lobbyAt(80, 24, morning);
    const exited = screen.waitUntilExit();
    await screen.press('q');
    await expect(exited).resolves.toBeUndefined();
  });

  it('Esc leaves too', async () => {
    const { screen } = lobbyAt(80, 24, morning);
    const exited = screen.waitUntilExit();
    await screen.press(KEYS.escape);
    await expect(exited).resolves.toBeUndefined();
  });
});
