/** A token's history, rebuilt from the day's log of commands. */
import { describe, expect, it } from 'vitest';
import { createDay, execute, tokenHistory, type Command, type LoggedCommand, type Roster } from '../../src/engine/index.js';
import { rosterOf } from '../support/day.js';

function logOf(roster: Roster, commands: Command[]): LoggedCommand[] {
  const day = createDay(roster);
  return commands.map((command, i) => ({ seq: i + 1, command, result: execute(day, command).result, desk: 'front' }));
}
const texts = (roster: Roster, commands: Command[], token: string) =>
  tokenHistory(roster, logOf(roster, commands), token).map((l) => `${l.time} #${l.seq} ${l.text}`);
const book = (patient: string, source: string, slot = '09:00', doctor = 'sharma'): Command => ({ op: 'book', doctor, patient, source, slot });

describe('token history', () => {
  const roster = rosterOf({ sharma: [2, 2], reddy: [2] });

  it('tells booking, displacement by whom, promotion, check-in, call and completion in order', () => {
    const commands: Command[] = [
      book('Asha', 'walk-in'),
      book('Ravi', 'walk-in'),
      book('Zoya', 'emergency'),
      { op: 'cancel', token: 'SHR-001' },
      { op: 'clock', time: '09:05' },
      { op: 'check-in', token: 'SHR-002' },
      { op: 'call', doctor: 'sharma' },
      { op: 'done', doctor: 'sharma' },
    ];
    expect(texts(roster, commands, 'shr-2')).toEqual([
      '08:00 #2 SHR-002 Ravi booked into 09:00-10:00',
      '08:00 #3 SHR-002 Ravi displaced from 09:00-10:00 by SHR-003 Zoya',
      '08:00 #3 SHR-002 Ravi moved to overflow #1 for 09:00-10:00',
      '08:00 #4 SHR-002 Ravi promoted into 09:00-10:00',
      '09:05 #6 SHR-002 Ravi checked in',
      '09:05 #7 SHR-002 Ravi called in',
      '09:05 #8 SHR-002 Ravi completed',
    ]);
    // The emergency's own history names whom it displaced.
    expect(texts(roster, commands, 'SHR-003')).toEqual([
      '08:00 #3 SHR-002 Ravi displaced from 09:00-10:00 by SHR-003 Zoya',
      '08:00 #3 SHR-003 Zoya booked into 09:00-10:00',
    ]);
  });

  it('follows a move to another doctor both ways, and keeps the desk that entered each command', () => {
    const commands: Command[] = [
      book('Asha', 'walk-in'),
      { op: 'move', token: 'SHR-001', doctor: 'reddy', slot: '09:00' },
      { op: 'check-in', token: 'RED-001' },
    ];
    const story = ['08:00 #1 SHR-001 Asha booked into 09:00-10:00', '08:00 #2 SHR-001 Asha moved to RED-001 Asha'];
    expect(texts(roster, commands, 'SHR-001').slice(0, 2)).toEqual(story);
    expect(texts(roster, commands, 'RED-001')).toEqual(texts(roster, commands, 'SHR-001'));
    expect(texts(roster, commands, 'RED-001').at(-1)).toBe('08:00 #3 RED-001 Asha checked in');
    expect(tokenHistory(roster, logOf(roster, commands), 'SHR-001')[0]!.desk).toBe('front');
  });

  it('gives an undo to every token the undone command touched', () => {
    const commands: Command[] = [book('Asha', 'walk-in'), book('Ravi', 'walk-in'), book('Zoya', 'emergency'), { op: 'undo' }];
    expect(texts(roster, commands, 'SHR-002').at(-1)).toBe('08:00 #4 undid book SHR-003');
    expect(texts(roster, commands, 'SHR-003').at(-1)).toBe('08:00 #4 undid book SHR-003');
  });

  it('tells a roll-forward at a slot closing and an unknown token has no history', () => {
    const small = rosterOf({ sharma: [1, 1] });
    const commands: Command[] = [book('Asha', 'walk-in'), book('Ravi', 'walk-in'), { op: 'clock', time: '10:00' }];
    expect(texts(small, commands, 'SHR-002').at(-1)).toBe('10:00 #3 SHR-002 Ravi rolled forward into 10:00-11:00');
    expect(texts(small, commands, 'SHR-009')).toEqual([]);
  });
});
