/** Two desks on one journal: a booking the other desk overtook asks before anything is committed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findToken, type Command } from '../../src/engine/index.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { act } from 'react';
import { createDeskStore, type DeskStore } from '../../src/store/desk-store.js';
import { App } from '../../src/ui/App.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { rosterOf } from '../support/day.js';
import { KEYS, renderAt, type Terminal } from '../support/terminal.js';

const DATE = '2026-03-02';
const roster = rosterOf({ sharma: [2, 4] });
const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length > 0) closers.pop()!();
});

function sessionOn(file: string, desk: string): DeskSession {
  const journal = SqliteJournal.open(file);
  closers.push(() => journal.close());
  return DeskSession.open({ journal, date: DATE, desk, roster, fallbackRoster: roster, now: () => new Date('2026-03-02T08:30:00Z') });
}

/** Desk A on screen and desk B as a session, both on one new journal holding Asha in 09:00. */
function twoDesks(): { a: Terminal; b: DeskSession; session: DeskSession; store: DeskStore } {
  const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-two-desks-')), 'day.db');
  const b = sessionOn(file, 'deskB');
  b.submit({ op: 'book', doctor: 'sharma', patient: 'Asha Rao', slot: '09:00' });
  const session = sessionOn(file, 'deskA');
  const store = createDeskStore(session);
  const a = renderAt(
    <DeskProvider store={store}>
      <App title="OPD desk · two desks" />
    </DeskProvider>,
    120,
    40,
  );
  closers.unshift(() => a.unmount());
  return { a, b, session, store };
}

const meena: Command = { op: 'book', doctor: 'sharma', patient: 'Meena Iyer', slot: '09:00' };

/** Desk A types Kiran's booking up to the slot list, which shows 09:00 with one seat free. */
async function kiranAtTheSlotList(a: Terminal) {
  await a.press('b');
  await a.press(`Kiran Shah${KEYS.enter.repeat(4)}`, (f) => f.includes('▸ Slot'));
  expect(a.frame()).toContain('❯ 09:00-10:00  1 free');
}

describe('two desks on one journal', () => {
  it('the last seat taken at the other desk: the form says so and offers the waitlist or the next slot with a seat, booking nothing yet', async () => {
    const { a, b, session } = twoDesks();
    await kiranAtTheSlotList(a);
    b.submit(meena);
    const frame = await a.press(KEYS.enter, (f) => f.includes('changed at another desk'));
    expect(frame).toContain('09:00-10:00 changed at another desk meanwhile: it showed 1 free, it is now full — waitlist #1.');
    expect(frame).toContain('Nothing is booked yet. Book instead:');
    expect(frame).toContain('1  book as it is now: 09:00-10:00 (full — waitlist #1)');
    expect(frame).toContain('2  the next slot with a seat: 10:00-11:00 (4 free)');
    expect(session.day.tokens.map((t) => t.patient)).toEqual(['Asha Rao', 'Meena Iyer']);
    await a.press('2', (f) => !f.includes('Book a patient'));
    const kiran = findToken(session.day, 'SHR-003')!;
    expect([kiran.patient, kiran.status, kiran.slot.label]).toEqual(['Kiran Shah', 'BOOKED', '10:00-11:00']);
  });

  it('asks too when the desk took in the other booking before Enter (the slot list redrew under the receptionist)', async () => {
    const { a, b, store, session } = twoDesks();
    await kiranAtTheSlotList(a);
    b.submit(meena);
    // The live desk syncs every second: the list now says "full", but nobody acted on it.
    act(() => void store.getState().sync());
    await a.waitFor((f) => f.includes('❯ 09:00-10:00  full — waitlist #1'));
    const frame = await a.press(KEYS.enter, (f) => f.includes('changed at another desk'));
    expect(frame).toContain('it showed 1 free, it is now full — waitlist #1');
    expect(session.day.tokens).toHaveLength(2);
  });

  it('1 takes the waitlist the receptionist was told about', async () => {
    const { a, b, session } = twoDesks();
    await kiranAtTheSlotList(a);
    b.submit(meena);
    await a.press(KEYS.enter, (f) => f.includes('changed at another desk'));
    await a.press('1', (f) => !f.includes('Book a patient'));
    const kiran = findToken(session.day, 'SHR-003')!;
    expect([kiran.status, kiran.slot.label]).toEqual(['WAITLISTED', '09:00-10:00']);
  });

  it('Esc goes back to the slot list, which now says what each slot would do; nothing was booked', async () => {
    const { a, b, session } = twoDesks();
    await kiranAtTheSlotList(a);
    b.submit(meena);
    await a.press(KEYS.enter, (f) => f.includes('changed at another desk'));
    const frame = await a.press(KEYS.escape, (f) => f.includes('▸ Slot') && !f.includes('changed at another desk'));
    expect(frame).toContain('09:00-10:00  full — waitlist #1');
    expect(session.day.tokens).toHaveLength(2);
  });

  it('a booking the other desk did not touch goes through without asking', async () => {
    const { a, b, session } = twoDesks();
    await kiranAtTheSlotList(a);
    b.submit({ op: 'book', doctor: 'sharma', patient: 'Meena Iyer', slot: '10:00' });
    await a.press(KEYS.enter, (f) => !f.includes('Book a patient'));
    expect(findToken(session.day, 'SHR-003')!.slot.label).toBe('09:00-10:00');
  });
});
