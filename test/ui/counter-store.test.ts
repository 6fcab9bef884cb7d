/** The store's part of the counter: the day's log for token histories, expected times in the result line, the lobby's view. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDay, defaultRoster, type Command } from '../../src/engine/index.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { selectLobby, tokenDetail } from '../../src/store/counter-selectors.js';
import { createDeskStore } from '../../src/store/desk-store.js';

const journals: SqliteJournal[] = [];
afterEach(() => {
  while (journals.length > 0) journals.pop()!.close();
});

const book = (patient: string, source = 'walk-in', doctor = 'sharma'): Command => ({ op: 'book', doctor, patient, source, slot: '09:00' });

function journaledStore(file: string, desk: string) {
  const journal = SqliteJournal.open(file);
  journals.push(journal);
  const session = DeskSession.open({ journal, date: '2026-03-02', desk, fallbackRoster: defaultRoster(), now: () => new Date('2026-03-02T09:30:00Z') });
  return createDeskStore(session);
}

describe('the result line', () => {
  it('tells a seated patient when to expect to go in, and a waiting one nothing more', () => {
    const store = createDeskStore(createDay(defaultRoster()));
    const send = (command: Command) => {
      store.getState().dispatch(command);
      return store.getState().last?.text;
    };
    expect(send(book('Asha Rao'))).toBe('SHR-001 Asha Rao WALK_IN → 09:00-10:00 · about 09:00');
    expect(send(book('Dev Patel', 'online'))).toBe('SHR-002 Dev Patel ONLINE → 09:00-10:00 · about 09:00');
    expect(send(book('Kiran Shah'))).toBe('SHR-003 Kiran Shah WALK_IN → 09:00-10:00 · about 09:30');
    send(book('Meena Iyer'));
    expect(send(book('Lata Menon'))).toBe('SHR-005 Lata Menon WALK_IN → overflow #1 for 09:00-10:00');
    expect(send({ op: 'move', token: 'SHR-005', doctor: 'reddy', slot: '10:00' })).toBe('SHR-005 Lata Menon moved as RED-001 → 10:00-11:00 · about 10:00');
  });
});

describe("the day's log", () => {
  it('a day in memory keeps the commands sent through the store, and the detail tells the history', () => {
    const store = createDeskStore(createDay(defaultRoster()));
    store.getState().dispatch(book('Asha Rao'));
    store.getState().dispatch({ op: 'check-in', token: 'SHR-001' });
    expect(
      store
        .getState()
        .log()
        ?.map((entry) => entry.command.op),
    ).toEqual(['book', 'check-in']);
    expect(tokenDetail(store.getState(), 'shr-1')?.history?.map((line) => line.text)).toEqual([
      'SHR-001 Asha Rao booked into 09:00-10:00',
      'SHR-001 Asha Rao checked in',
    ]);
    expect(tokenDetail(store.getState(), 'SHR-009')).toBeUndefined();
  });

  it("a journaled day's log is the journal up to what the desk has applied, with each desk's name", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-counter-')), 'desk.db');
    const front = journaledStore(file, 'front');
    const back = journaledStore(file, 'back');
    front.getState().dispatch(book('Asha Rao'));
    back.getState().dispatch(book('Ravi Kumar', 'emergency'));
    // Front has not looked yet: its log ends where its day does.
    expect(
      front
        .getState()
        .log()
        ?.map((entry) => entry.seq),
    ).toEqual([1]);
    front.getState().sync();
    const history = tokenDetail(front.getState(), 'SHR-002')!.history!;
    expect(history.map((line) => [line.seq, line.desk, line.text])).toEqual([[2, 'back', 'SHR-002 Ravi Kumar booked into 09:00-10:00']]);
  });
});

describe("the lobby's view", () => {
  it('per doctor: the token in consultation, the next three checked in, how many wait', () => {
    const store = createDeskStore(createDay(defaultRoster()));
    for (const patient of ['A One', 'B Two', 'C Three', 'D Four']) store.getState().dispatch(book(patient));
    store.getState().dispatch({ op: 'book', doctor: 'sharma', patient: 'E Five', slot: '10:00' });
    for (const token of ['SHR-001', 'SHR-002', 'SHR-003', 'SHR-004', 'SHR-005']) store.getState().dispatch({ op: 'check-in', token });
    store.getState().dispatch({ op: 'call', doctor: 'sharma' });
    const sharma = selectLobby(store.getState()).doctors[0]!;
    expect(sharma).toEqual({ id: 'sharma', code: 'SHR', name: 'Dr. Sharma', now: 'SHR-001', next: ['SHR-002', 'SHR-003', 'SHR-004'], waiting: 4, away: false });
    expect(selectLobby(store.getState()).doctors[1]).toEqual({ id: 'reddy', code: 'RED', name: 'Dr. Reddy', now: null, next: [], waiting: 0, away: false });
  });
});
