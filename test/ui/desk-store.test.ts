import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute, type Command, type Outcome } from '../../src/engine/index.js';
import { memoryKeeper, type DayKeeper, type ReplayMismatch } from '../../src/keeper/day-keeper.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { book } from '../support/desk.js';

/** A keeper over a day in memory whose journal refuses the n-th write. */
function failingKeeper(failAt: number): DayKeeper {
  const inner = memoryKeeper(createDay(defaultRoster()));
  let writes = 0;
  return {
    get day() {
      return inner.day;
    },
    submit(command: Command): Outcome[] {
      writes += 1;
      if (writes === failAt) throw new Error('disk full');
      return inner.submit(command);
    },
    sync: () => [],
    followClock: (time) => inner.followClock(time),
  };
}

describe('the desk store', () => {
  it('dispatchAll treats a refused journal write as dispatch does: stops, says so, keeps what was saved', () => {
    const store = createDeskStore(failingKeeper(2));
    const outcomes = store.getState().dispatchAll([book('Asha'), book('Kiran'), book('Dev')]);
    expect(outcomes.map((o) => o.result.status)).toEqual(['ALLOCATED', 'ERROR']);
    expect(outcomes[1]!.result).toMatchObject({ op: 'book', error: 'not saved: disk full' });
    expect(store.getState().last).toEqual({ text: 'Not saved: disk full', tone: 'error' });
    expect(store.getState().day.tokens.map((t) => t.patient)).toEqual(['Asha']);
  });

  it('shows a result that replayed differently while catching up with another desk', () => {
    const day = createDay(defaultRoster());
    const mismatches: ReplayMismatch[] = [];
    const keeper: DayKeeper = {
      day,
      submit: (command) => [execute(day, command)],
      sync() {
        const outcome = execute(day, book('Asha'));
        mismatches.push({
          seq: 4,
          recorded: { op: 'book', status: 'WAITLISTED', token: 'SHR-001', slot: '09:00-10:00', position: 1 } as never,
          replayed: outcome.result,
        });
        return [outcome];
      },
      followClock: () => [],
      mismatches,
    };
    const store = createDeskStore(keeper);
    expect(store.getState().sync()).toBe(true);
    expect(store.getState().last).toEqual({
      text: "Another desk's command #4 gave WAITLISTED there but ALLOCATED here: check both desks run the same opd-desk.",
      tone: 'error',
    });
  });
});
