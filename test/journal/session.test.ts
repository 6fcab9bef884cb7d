import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute, snapshot, type Command, type Roster } from '../../src/engine/index.js';
import { JournalError, type Journal } from '../../src/journal/journal.js';
import { DeskSession, ReplayMismatchError } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { rosterOf } from '../support/day.js';

const DATE = '2026-03-02';
const journals: Journal[] = [];
afterEach(() => {
  while (journals.length > 0) journals.pop()!.close();
});

function fileOf(): string {
  return join(mkdtempSync(join(tmpdir(), 'opd-desk-session-')), 'desk.db');
}

function session(file: string, desk = 'deskA', roster?: Roster, replayAnyway?: boolean): DeskSession {
  const journal = SqliteJournal.open(file);
  journals.push(journal);
  return DeskSession.open({
    journal,
    date: DATE,
    desk,
    ...(roster && { roster }),
    fallbackRoster: defaultRoster(),
    ...(replayAnyway !== undefined && { replayAnyway }),
    now: () => new Date('2026-03-02T09:30:00Z'),
  });
}

const book = (patient: string, slot = '09:00', source = 'walk-in', doctor = 'sharma'): Command => ({ op: 'book', doctor, patient, slot, source });
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a journaled day', () => {
  it('comes back exactly as it was: the restart replays the journal to the same day', () => {
    const file = fileOf();
    const first = session(file);
    const commands: Command[] = [
      book('Asha'),
      book('Ravi', '09:00', 'emergency'),
      { op: 'cancel', token: 'SHR-001' },
      { op: 'clock', time: '10:00' },
      book('Dev', '11:00'),
    ];
    for (const command of commands) first.submit(command);
    const again = session(file);
    const memory = createDay(defaultRoster());
    for (const command of commands) execute(memory, command);
    expect(snapshot(again.day)).toBe(snapshot(first.day));
    expect(snapshot(again.day)).toBe(snapshot(memory));
    expect(again.appliedSeq).toBe(5);
  });

  it('records errors too, as the audit trail, and they replay as errors', () => {
    const file = fileOf();
    const desk = session(file);
    expect(desk.submit({ op: 'cancel', token: 'SHR-404' }).at(-1)!.result.status).toBe('ERROR');
    expect(desk.journal.read(DATE, 0)).toHaveLength(1);
    expect(session(file).appliedSeq).toBe(1);
  });

  it('starts a new day with the roster given, and keeps using it when none is given', () => {
    const file = fileOf();
    const small = rosterOf({ sharma: [1, 1] });
    session(file, 'deskA', small).submit(book('Asha'));
    const later = session(file);
    expect(later.roster.doctors.map((d) => d.id)).toEqual(['sharma']);
    expect(later.day.doctors[0]!.slots).toHaveLength(2);
  });

  it('refuses to start a recorded day with another roster, saying how to proceed, and leaves the file as it was', () => {
    const file = fileOf();
    session(file).submit(book('Asha'));
    journals.pop()!.close();
    const before = hash(file);
    expect(() => session(file, 'deskA', rosterOf({ sharma: [2] }))).toThrow(
      new JournalError(
        `${DATE} in ${file} was started with another roster (Dr. Sharma, Dr. Reddy, Dr. Kapoor). Start without --roster to work on it with the roster it has, or choose another --date or --data for a day with this roster.`,
      ),
    );
    expect(hash(file)).toBe(before);
  });

  it('accepts the same roster written in another key order', () => {
    const file = fileOf();
    session(file).submit(book('Asha'));
    const reordered: Roster = {
      policy: { overflowLimit: null, maxBumps: 2 },
      doctors: defaultRoster().doctors.map(({ slots, code, name, id }) => ({
        slots: slots.map(({ capacity, end, start }) => ({ capacity, end, start })),
        code,
        name,
        id,
      })),
    };
    expect(session(file, 'deskA', reordered).appliedSeq).toBe(1);
  });

  it('stops loudly when the journal does not replay to what it recorded, and opens anyway only when asked', () => {
    const file = fileOf();
    const desk = session(file);
    desk.submit(book('Asha'));
    desk.submit(book('Ravi'));
    // A result this version would not give (as an older opd-desk might have recorded it).
    desk.journal.exclusive((locked) =>
      locked.append(DATE, {
        seq: 3,
        command: book('Meena'),
        result: { op: 'book', status: 'WAITLISTED', token: 'SHR-003', slot: '09:00-10:00', position: 1 },
        at: '2026-03-02T09:00:00.000Z',
        desk: 'old',
      }),
    );
    journals.pop()!.close();
    const before = hash(file);
    let error: unknown;
    try {
      session(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReplayMismatchError);
    expect((error as Error).message).toMatch(
      /does not replay to the results it recorded \(1 command differ: seq 3: recorded .*WAITLISTED.*, replays as .*ALLOCATED/,
    );
    expect((error as Error).message).toContain('--replay-anyway');
    expect(hash(file)).toBe(before);
    const anyway = session(file, 'deskA', undefined, true);
    expect(anyway.mismatches.map((m) => m.seq)).toEqual([3]);
  });
});

describe('two desks on one day', () => {
  it("cannot both take the last seat: the second desk first applies the first desk's booking", () => {
    const file = fileOf();
    const roster = rosterOf({ sharma: [2] });
    const a = session(file, 'deskA', roster);
    const b = session(file, 'deskB');
    a.submit(book('Asha'));
    b.sync();
    // One seat left; desk A takes it, desk B has not seen that yet.
    const first = a.submit(book('Ravi'));
    const second = b.submit(book('Meena'));
    expect(first.at(-1)!.result).toMatchObject({ status: 'ALLOCATED', token: 'SHR-002' });
    expect(second.map((o) => o.result.status)).toEqual(['ALLOCATED', 'WAITLISTED']);
    expect(second.at(-1)!.result).toMatchObject({ token: 'SHR-003', position: 1 });
    a.sync();
    expect(snapshot(a.day)).toBe(snapshot(b.day));
  });

  it("sees the other desk's commands on sync, and nothing when nothing changed", () => {
    const file = fileOf();
    const a = session(file, 'deskA');
    const b = session(file, 'deskB');
    expect(b.sync()).toEqual([]);
    a.submit(book('Asha'));
    const seen = b.sync();
    expect(seen.map((o) => o.result)).toEqual([{ op: 'book', status: 'ALLOCATED', token: 'SHR-001', slot: '09:00-10:00' }]);
    expect(b.sync()).toEqual([]);
  });

  it('journals the live clock once a minute however many desks follow it', () => {
    const file = fileOf();
    const a = session(file, 'deskA');
    const b = session(file, 'deskB');
    a.followClock('09:30');
    expect(b.followClock('09:30').map((o) => o.result.status)).toEqual(['OK']); // A's clock, applied
    expect(b.followClock('09:30')).toEqual([]);
    expect(a.journal.read(DATE, 0).map((e) => e.command)).toEqual([{ op: 'clock', time: '09:30' }]);
  });

  it('keeps a refused write out of the day: it is rebuilt from what the journal holds', () => {
    const file = fileOf();
    const desk = session(file);
    desk.submit(book('Asha'));
    const journal = desk.journal as SqliteJournal;
    const exclusive = journal.exclusive.bind(journal);
    journal.exclusive = (write) =>
      exclusive((locked) => {
        write(locked);
        throw new JournalError('disk full');
      });
    expect(() => desk.submit(book('Ravi'))).toThrow('disk full');
    expect(desk.day.tokens.map((t) => t.id)).toEqual(['SHR-001']);
    expect(desk.appliedSeq).toBe(1);
  });
});
