/** What a move or an absence would do, shown before it is done: exactly what the command then does, changing nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDay,
  describeUndo,
  execute,
  previewAbsence,
  previewMove,
  snapshot,
  statusLine,
  type AbsentCommand,
  type Command,
  type Day,
  type MoveCommand,
  type Roster,
} from '../../src/engine/index.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';
import { desk, rosterOf } from '../support/day.js';

/** Sharma and Reddy in General Medicine, Kapoor on his own. */
function clinic(capacities: Record<string, number[]>): Roster {
  const roster = rosterOf(capacities);
  return { ...roster, doctors: roster.doctors.map((d) => (d.id === 'kapoor' ? d : { ...d, department: 'General Medicine' })) };
}

/** Everything a preview could leave behind: the views, issued numbers, the trail and the history. */
function fingerprint(day: Day): string {
  return JSON.stringify([
    snapshot(day),
    day.doctors.map((d) => [d.nextSeq, d.tokens.length]),
    day.trail.length,
    day.history.length,
    day.version,
    day.recording,
  ]);
}

describe('previewMove', () => {
  it('a free seat: says how many, and the patient who takes the freed seat', () => {
    const d = desk(rosterOf({ sharma: [1, 3] }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    expect(previewMove(d.day, { op: 'move', token: 'SHR-001', slot: '10:00' })).toEqual({
      ok: true,
      kind: 'free',
      slot: '10:00-11:00',
      text: '3 free',
      sentence: 'SHR-001 Asha → 10:00-11:00 (3 free); SHR-002 Ravi takes the freed seat',
    });
  });

  it('another doctor: names the doctor and the new token', () => {
    const d = desk(rosterOf({ sharma: [2], reddy: [1] }));
    d.book('Asha', 'walk-in', '09:00');
    d.run({ op: 'book', doctor: 'reddy', patient: 'Ravi', slot: '09:00' });
    expect(previewMove(d.day, { op: 'move', token: 'SHR-001', doctor: 'reddy', slot: '09:00' })).toMatchObject({
      kind: 'waitlist',
      text: 'full — waitlist #1',
      sentence: 'SHR-001 Asha → Dr. Reddy 09:00-10:00 as RED-002 (full — waitlist #1)',
    });
  });

  it('a full slot with a lower-priority patient: who would be displaced', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'emergency', '10:00');
    expect(previewMove(d.day, { op: 'move', token: 'SHR-002', slot: '09:00' })).toMatchObject({
      kind: 'displace',
      text: 'full — will displace SHR-001 Asha',
    });
  });

  it('an emergency into a slot of emergencies: over capacity', () => {
    const d = desk(rosterOf({ sharma: [1, 1] }, { emergencyOverbook: 1 }));
    d.book('Asha', 'emergency', '09:00');
    d.book('Ravi', 'emergency', '10:00');
    expect(previewMove(d.day, { op: 'move', token: 'SHR-002', slot: '09:00' })).toMatchObject({
      kind: 'overbook',
      slot: '09:00-10:00',
      text: 'full — over capacity (emergency overbook)',
    });
  });

  it('no slot named: rule 7’s choice', () => {
    const d = desk(rosterOf({ sharma: [1, 1], reddy: [2] }));
    d.book('Asha', 'walk-in', '09:00');
    expect(previewMove(d.day, { op: 'move', token: 'SHR-001', doctor: 'reddy' })).toMatchObject({ slot: '09:00-10:00', text: '2 free' });
  });

  it('is what the move then does, and changes nothing until then', () => {
    const d = desk(rosterOf({ sharma: [1, 1], reddy: [1] }));
    d.book('Asha', 'walk-in', '09:00');
    d.book('Ravi', 'walk-in', '09:00');
    const before = fingerprint(d.day);
    const command: MoveCommand = { op: 'move', token: 'SHR-001', doctor: 'reddy' };
    const preview = previewMove(d.day, command);
    expect(fingerprint(d.day)).toBe(before);
    expect(preview).toMatchObject({ sentence: 'SHR-001 Asha → Dr. Reddy 09:00-10:00 as RED-001 (1 free); SHR-002 Ravi takes the freed seat' });
    expect(d.run(command)).toMatchObject({ newToken: 'RED-001', slot: '09:00-10:00', placement: 'ALLOCATED', promoted: 'SHR-002' });
  });

  it('refusals come with their field and change nothing', () => {
    const d = desk(rosterOf({ sharma: [2, 2], reddy: [1] }));
    d.book('Asha', 'walk-in', '09:00', { phone: '9845012345' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Asha', phone: '9845012345' });
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'check-in', token: 'SHR-002' });
    d.run({ op: 'call', doctor: 'sharma' });
    const before = fingerprint(d.day);
    expect(previewMove(d.day, { op: 'move', token: 'SHR-002', slot: '10:00' })).toEqual({
      ok: false,
      error: 'SHR-002 is in consultation: it cannot be moved',
      field: 'token',
    });
    expect(previewMove(d.day, { op: 'move', token: 'SHR-001', doctor: 'reddy' })).toMatchObject({ ok: false, field: 'doctor' });
    expect(previewMove(d.day, { op: 'move', token: 'SHR-001', slot: '09:00' })).toMatchObject({ ok: false, field: 'slot' });
    expect(previewMove(d.day, { op: 'move', token: 'SHR-001', slot: '13:00' })).toMatchObject({ ok: false, field: 'slot' });
    expect(fingerprint(d.day)).toBe(before);
  });
});

describe('previewAbsence', () => {
  it('says which slots go off, who is finished, and who goes where', () => {
    const d = desk(clinic({ sharma: [2, 2], reddy: [1, 1], kapoor: [3] }));
    d.run({ op: 'book', doctor: 'reddy', patient: 'Gopal', slot: '09:00' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Vikram', slot: '10:00' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Omar', slot: '10:00' });
    d.run({ op: 'check-in', token: 'RED-001' });
    d.run({ op: 'call', doctor: 'reddy' });
    const before = fingerprint(d.day);
    const command: AbsentCommand = { op: 'absent', doctor: 'reddy' };
    expect(previewAbsence(d.day, command)).toEqual({
      ok: true,
      slots: ['09:00-10:00', '10:00-11:00'],
      completed: 'RED-001 Gopal',
      lines: ['RED-002 Vikram → Dr. Sharma 10:00-11:00 as SHR-001', 'RED-003 Omar → Dr. Sharma 10:00-11:00 as SHR-002'],
      rebooked: 2,
      unserved: 0,
    });
    expect(fingerprint(d.day)).toBe(before);
    expect(d.run(command)).toMatchObject({ completed: 'RED-001', rebooked: [{ newToken: 'SHR-001' }, { newToken: 'SHR-002' }] });
  });

  it("the status line after an absence counts the unserved apart from the rebooked (it said '1 rebooked' for a patient left unserved)", () => {
    const d = desk(rosterOf({ kapoor: [1] }));
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Nisha' });
    const result = d.run({ op: 'absent', doctor: 'kapoor' });
    expect(statusLine(d.day, result)).toBe('away: 09:00-10:00; 0 rebooked, 1 unserved: call them back');
  });

  it('a doctor with no department and no slot left: unserved, said so', () => {
    const d = desk(rosterOf({ kapoor: [1] }));
    d.run({ op: 'book', doctor: 'kapoor', patient: 'Nisha' });
    expect(previewAbsence(d.day, { op: 'absent', doctor: 'kapoor' })).toMatchObject({
      lines: ['KAP-001 Nisha → no slot left: unserved, call them back'],
      rebooked: 0,
      unserved: 1,
    });
  });

  it('refusals come with their field and change nothing', () => {
    const d = desk(rosterOf({ reddy: [1, 1] }));
    const before = fingerprint(d.day);
    expect(previewAbsence(d.day, { op: 'absent', doctor: 'reddy', from: '11:00', to: '10:00' })).toMatchObject({ ok: false, field: 'to' });
    expect(previewAbsence(d.day, { op: 'absent', doctor: 'reddy', from: '9.5' })).toMatchObject({ ok: false, field: 'from' });
    expect(previewAbsence(d.day, { op: 'absent', doctor: 'reddy', from: '15:00' })).toMatchObject({ ok: false, field: 'from' });
    expect(previewAbsence(d.day, { op: 'absent', doctor: 'nobody' })).toMatchObject({ ok: false, field: 'doctor' });
    expect(fingerprint(d.day)).toBe(before);
  });
});

describe('describeUndo', () => {
  it('names the newest undoable command in the words of the counter', () => {
    const d = desk(clinic({ sharma: [2], reddy: [2] }));
    expect(describeUndo(d.day)).toBeUndefined();
    d.book('Asha', 'walk-in', '09:00');
    expect(describeUndo(d.day)).toEqual({ what: 'the booking of SHR-001 Asha (Dr. Sharma, 09:00-10:00)', expect: 1 });
    d.run({ op: 'check-in', token: 'SHR-001' });
    expect(describeUndo(d.day)?.what).toBe('the check-in of SHR-001 Asha');
    d.run({ op: 'move', token: 'SHR-001', doctor: 'reddy' });
    expect(describeUndo(d.day)?.what).toBe('moving SHR-001 Asha to Dr. Reddy 09:00-10:00 as RED-001');
    d.run({ op: 'call', doctor: 'reddy' });
    expect(describeUndo(d.day)?.what).toBe('calling RED-001 Asha in');
    d.run({ op: 'done', doctor: 'reddy' });
    expect(describeUndo(d.day)?.what).toBe("finishing RED-001 Asha's consultation");
    d.book('Ravi', 'walk-in', '09:00');
    d.run({ op: 'absent', doctor: 'sharma' });
    expect(describeUndo(d.day)).toEqual({
      what: 'marking Dr. Sharma away (09:00-10:00)',
      expect: 7,
    });
  });
});

/** Every move and absence this day could be asked for, a few of each. */
function previewsFor(day: Day, pick: number): Command[] {
  const active = day.tokens.filter((t) => t.status === 'BOOKED' || t.status === 'WAITLISTED');
  const token = active[pick % Math.max(1, active.length)];
  const doctor = day.doctors[pick % day.doctors.length]!;
  const slot = doctor.slots[pick % doctor.slots.length]!;
  return [
    ...(token ? [{ op: 'move', token: token.id } as const, { op: 'move', token: token.id, doctor: doctor.id, slot: slot.label } as const] : []),
    { op: 'absent', doctor: doctor.id },
    { op: 'absent', doctor: doctor.id, from: slot.label.slice(0, 5) },
  ];
}

describe('previews over random days', () => {
  it('previewing before every command changes no result and agrees with what the command does', () => {
    let agreed = 0;
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat(), ({ roster, commands }, pick) => {
        const plain = createDay(roster);
        const previewed = createDay(roster);
        const checked = pick % commands.length;
        commands.forEach((raw, index) => {
          const command = resolveClock(raw, plain.clock);
          for (const asked of previewsFor(previewed, pick)) {
            const before = fingerprint(previewed);
            const preview = asked.op === 'move' ? previewMove(previewed, asked) : previewAbsence(previewed, asked as AbsentCommand);
            expect(fingerprint(previewed)).toBe(before);
            if (index !== checked) continue;
            // The preview says what the command would do: try it on a copy of the day.
            const copy = createDay(roster);
            for (const done of commands.slice(0, index)) execute(copy, resolveClock(done, copy.clock), { events: false });
            const result = execute(copy, asked, { events: false }).result;
            expect(preview.ok, JSON.stringify([asked, preview, result])).toBe(result.status !== 'ERROR');
            if ('kind' in preview && result.status === 'MOVED') expect(preview.slot).toBe(result.slot);
            if ('lines' in preview && result.status === 'ABSENT') expect(preview.slots).toEqual(result.slots);
            agreed += 1;
          }
          expect(JSON.stringify(execute(previewed, command, { events: false }).result)).toBe(JSON.stringify(execute(plain, command, { events: false }).result));
        });
        expect(snapshot(previewed)).toBe(snapshot(plain));
      }),
      { numRuns: 300 },
    );
    expect(agreed).toBeGreaterThan(300);
  });
});
