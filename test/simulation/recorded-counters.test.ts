/** The report of a recorded day: an undone command's displacements and promotions no longer count. */
import { describe, expect, it } from 'vitest';
import { createDay, execute, type Command } from '../../src/engine/index.js';
import { recordedCounter } from '../../src/simulation/recorded-counters.js';
import { emptyCounters } from '../../src/simulation/report.js';
import { rosterOf } from '../support/day.js';

/** Replays commands as `opd-desk report` does (each referred to by its seq) and returns the counters. */
function replay(commands: Command[]) {
  const day = createDay(rosterOf({ sharma: [1, 1] }));
  const counters = emptyCounters();
  const count = recordedCounter(counters);
  commands.forEach((command, i) => {
    const outcome = execute(day, command, { ref: { key: 'seq', value: i + 1 } });
    count(i + 1, outcome.result, outcome.events);
  });
  return { displaced: counters.displaced.get('sharma') ?? 0, promoted: counters.promoted.get('sharma') ?? 0 };
}

const bookTwo: Command[] = [
  { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00' },
  { op: 'book', doctor: 'sharma', patient: 'Kiran', slot: '09:00' },
];

describe('displacements and promotions of a recorded day', () => {
  it('a promotion counts once', () => {
    expect(replay([...bookTwo, { op: 'cancel', token: 'SHR-001' }])).toEqual({ displaced: 0, promoted: 1 });
  });

  it('undoing the cancel that promoted takes the promotion back (the report said promoted 1 after the undo)', () => {
    expect(replay([...bookTwo, { op: 'cancel', token: 'SHR-001' }, { op: 'undo' }])).toEqual({ displaced: 0, promoted: 0 });
  });

  it('undoing an emergency that displaced takes the displacement back', () => {
    const emergency: Command = { op: 'book', doctor: 'sharma', patient: 'Ravi', slot: '09:00', source: 'emergency' };
    expect(replay([bookTwo[0]!, emergency])).toEqual({ displaced: 1, promoted: 0 });
    expect(replay([bookTwo[0]!, emergency, { op: 'undo' }])).toEqual({ displaced: 0, promoted: 0 });
  });
});
