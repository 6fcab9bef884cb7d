/** SPEC §5 `undo`: exact, walking back, and its errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants, createDay, execute, snapshot, UNDO_DEPTH, type Command, type Day } from '../../src/engine/index.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';
import { desk, expectUnchanged, rosterOf } from '../support/day.js';

/** The snapshot without VOIDED tokens: what undo promises to restore. */
function withoutVoided(day: Day): string {
  const parsed = JSON.parse(snapshot(day)) as { tokens: unknown[][] };
  parsed.tokens = parsed.tokens.filter((row) => row[7] !== 'VOIDED');
  return JSON.stringify(parsed);
}

describe('undo', () => {
  it('takes back a booking: the token stays VOIDED and its number is never issued again', () => {
    const d = desk(rosterOf({ sharma: [1] }));
    d.book('Asha');
    d.book('Ravi');
    const before = withoutVoided(d.day);
    d.book('Meena', 'emergency');
    expect(d.run({ op: 'undo' })).toEqual({ op: 'undo', status: 'UNDONE', undid: { op: 'book', token: 'SHR-003', seq: 3 } });
    expect(withoutVoided(d.day)).toBe(before);
    expect(d.status('SHR-003')).toBe('VOIDED');
    expect(d.book('Kiran')).toMatchObject({ token: 'SHR-004' });
  });

  it('repeated, walks further back; clock moves that closed no slot stay', () => {
    const d = desk(rosterOf({ sharma: [2, 2] }));
    d.book('Asha');
    d.run({ op: 'check-in', token: 'SHR-001' });
    d.run({ op: 'clock', time: '08:30' });
    expect(d.run({ op: 'undo' })).toMatchObject({ undid: { op: 'check-in', token: 'SHR-001', seq: 2 } });
    expect(d.run({ op: 'undo' })).toMatchObject({ undid: { op: 'book', token: 'SHR-001', seq: 1 } });
    expect(d.day.clock).toBe(8 * 60 + 30);
    expect(expectUnchanged(d, { op: 'undo' })).toBe('nothing to undo');
  });

  it('takes back a move to another doctor and an absence', () => {
    const d = desk({
      ...rosterOf({ sharma: [1, 1], reddy: [1, 1] }),
      doctors: rosterOf({ sharma: [1, 1], reddy: [1, 1] }).doctors.map((doc) => ({ ...doc, department: 'G' })),
    });
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    const before = withoutVoided(d.day);
    d.run({ op: 'move', token: 'SHR-001', doctor: 'reddy' });
    d.run({ op: 'absent', doctor: 'sharma' });
    d.run({ op: 'undo' });
    d.run({ op: 'undo' });
    expect(withoutVoided(d.day)).toBe(before);
    expect(d.day.tokens.filter((t) => t.status === 'VOIDED').map((t) => t.id)).toEqual(['RED-001', 'RED-002']);
  });

  it('error: a slot closed after that command', () => {
    const d = desk(rosterOf({ sharma: [2, 2] }));
    d.book('Asha');
    d.run({ op: 'clock', time: '10:00' });
    expect(expectUnchanged(d, { op: 'undo' })).toBe('cannot undo book SHR-001 (seq 1): a slot has closed since');
  });

  it('error: expect names another command', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    d.book('Asha');
    d.book('Ravi');
    expect(expectUnchanged(d, { op: 'undo', expect: 1 })).toBe('the command to undo is book SHR-002 (seq 2), not seq 1');
    expect(d.run({ op: 'undo', expect: 2 })).toMatchObject({ status: 'UNDONE' });
  });

  it('names the command by the line or seq its caller gave', () => {
    const day = createDay(rosterOf({ sharma: [2] }));
    execute(day, { op: 'book', doctor: 'sharma', patient: 'Asha' }, { ref: { key: 'line', value: 7 } });
    expect(execute(day, { op: 'undo', expect: 7 }).result).toEqual({ op: 'undo', status: 'UNDONE', undid: { op: 'book', token: 'SHR-001', line: 7 } });
  });

  it('errors and rejected bookings are not undone: undo skips to the command that changed the day', () => {
    const d = desk(rosterOf({ sharma: [1] }, { overflowLimit: 0 }));
    d.book('Asha');
    d.book('Ravi');
    d.run({ op: 'cancel', token: 'SHR-009' });
    expect(d.run({ op: 'undo' })).toMatchObject({ undid: { op: 'book', token: 'SHR-001' } });
  });
});

/** X: a command aimed at the day as it is, so that most of them change it. */
function aimedCommand(day: Day, pick: number, kind: number): Command {
  const active = day.tokens.filter((t) => t.status === 'BOOKED' || t.status === 'WAITLISTED');
  const token = active[pick % Math.max(1, active.length)];
  const doctor = day.doctors[pick % day.doctors.length]!;
  const open = doctor.slots.filter((s) => !s.closed && !s.off);
  const slot = open[pick % Math.max(1, open.length)]?.label;
  if (!token || kind === 0)
    return { op: 'book', doctor: doctor.id, patient: `X${pick}`, source: pick % 3 === 0 ? 'emergency' : 'walk-in', ...(slot && { slot }) };
  switch (kind) {
    case 1:
      return { op: 'move', token: token.id, ...(slot && { slot }) };
    case 2:
      return { op: 'move', token: token.id, doctor: doctor.id };
    case 3:
      return { op: 'check-in', token: token.id };
    case 4:
      return { op: 'call', token: token.id };
    case 5:
      return { op: 'done', doctor: token.doctor.id };
    case 6:
      return { op: 'cancel', token: token.id };
    case 7:
      return { op: 'no-show', token: token.id };
    default:
      return { op: 'absent', doctor: token.doctor.id };
  }
}

describe('undo is exact over random days', () => {
  it('commands + X + undo gives the same day as commands alone, apart from VOIDED tokens', () => {
    let undone = 0;
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), fc.integer({ min: 0, max: 8 }), ({ roster, commands }, pick, kind) => {
        const day = createDay(roster);
        for (const raw of commands) execute(day, resolveClock(raw, day.clock), { events: false });
        const reference = withoutVoided(day);
        const versions = day.history.length;
        execute(day, aimedCommand(day, pick, kind), { events: false });
        if (day.history.length === versions) return;
        expect(execute(day, { op: 'undo' }).result.status).toBe('UNDONE');
        undone += 1;
        expect(withoutVoided(day)).toBe(reference);
        expect(checkInvariants(day)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
    // Most X change the day, so the property is not vacuous.
    expect(undone).toBeGreaterThan(750);
  });
});

describe('undo depth', () => {
  it(`reaches back ${UNDO_DEPTH} commands, then says why it cannot go further`, () => {
    const day = createDay(rosterOf({ sharma: [5000] }));
    for (let i = 1; i <= 2 * UNDO_DEPTH; i++) execute(day, { op: 'book', doctor: 'sharma', patient: `P${i}` });
    for (let i = 0; i < UNDO_DEPTH; i++) expect(execute(day, { op: 'undo' }).result.status).toBe('UNDONE');
    expect(execute(day, { op: 'undo' }).result).toMatchObject({
      status: 'ERROR',
      error: `cannot undo book SHR-${UNDO_DEPTH} (seq ${UNDO_DEPTH}): undo reaches back ${UNDO_DEPTH} commands`,
    });
    expect(checkInvariants(day)).toEqual([]);
    expect(day.tokens.filter((t) => t.status === 'BOOKED')).toHaveLength(UNDO_DEPTH);
  });
});
