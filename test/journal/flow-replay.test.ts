/** The journal replays SPEC §5's commands, and a journal written before them still opens. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRoster, snapshot, type Command, type Result } from '../../src/engine/index.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { deskSessions } from '../support/session.js';

const DATE = '2026-03-02';
const open = deskSessions(DATE);

const fileOf = () => join(mkdtempSync(join(tmpdir(), 'opd-desk-flow-')), 'desk.db');

describe('journaled front-desk flow', () => {
  it('check-in, call, move, absent and undo replay to the same day, undo naming journal seqs', () => {
    const file = fileOf();
    const desk = open(file);
    const commands: Command[] = [
      { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00' },
      { op: 'book', doctor: 'sharma', patient: 'Ravi', slot: '09:00' },
      { op: 'check-in', token: 'SHR-001' },
      { op: 'call', doctor: 'sharma' },
      { op: 'move', token: 'SHR-002', doctor: 'reddy' },
      { op: 'absent', doctor: 'kapoor', from: '09:00', to: '10:00' },
      { op: 'undo' },
      { op: 'undo', expect: 5 },
    ];
    const results = commands.map((command) => desk.submit(command).at(-1)!.result);
    expect(results.at(-2)).toEqual({ op: 'undo', status: 'UNDONE', undid: { op: 'absent', seq: 6 } });
    expect(results.at(-1)).toEqual({ op: 'undo', status: 'UNDONE', undid: { op: 'move', token: 'SHR-002', seq: 5 } });
    const reopened = open(file);
    expect(reopened.mismatches).toEqual([]);
    expect(snapshot(reopened.day)).toBe(snapshot(desk.day));
  });

  it('a journal written before SPEC §5 (results as the earlier engine recorded them) opens with nothing different', () => {
    const file = fileOf();
    const journal = SqliteJournal.open(file);
    // Results copied from SPEC §3's shapes, as an earlier opd-desk stored them.
    const earlier: [Command, Result][] = [
      [
        { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00', phone: '98450' },
        { op: 'book', status: 'ALLOCATED', token: 'SHR-001', slot: '09:00-10:00' },
      ],
      [
        { op: 'book', doctor: 'sharma', patient: 'Ravi', slot: '09:00' },
        { op: 'book', status: 'ALLOCATED', token: 'SHR-002', slot: '09:00-10:00' },
      ],
      [
        { op: 'cancel', token: 'SHR-001' },
        { op: 'cancel', status: 'CANCELLED', token: 'SHR-001' },
      ],
      [
        { op: 'clock', time: '10:00' },
        { op: 'clock', status: 'OK', time: '10:00' },
      ],
      [
        { op: 'no-show', token: 'SHR-002' },
        { op: 'no-show', status: 'ERROR', error: 'SHR-002 is COMPLETED: only a BOOKED token can be marked no-show' },
      ],
    ];
    journal.startDay({ date: DATE, roster: defaultRoster() }, 'old');
    journal.exclusive((locked) => {
      earlier.forEach(([command, result], i) => locked.append(DATE, { seq: i + 1, command, result, at: '2026-03-02T09:00:00Z', desk: 'old' }));
    });
    journal.close();
    const desk = open(file);
    expect(desk.mismatches).toEqual([]);
    expect(desk.day.tokens.map((t) => t.status)).toEqual(['CANCELLED', 'COMPLETED']);
  });
});
