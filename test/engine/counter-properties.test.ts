/** Properties of the counter's views and of token histories over random days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callQueue,
  consultMinutes,
  createDay,
  execute,
  expectedTime,
  tokenHistory,
  waitAlertMinutes,
  waitingList,
  type Command,
  type LoggedCommand,
} from '../../src/engine/index.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';

const RUNS = 300;

function play(roster: Parameters<typeof createDay>[0], commands: Command[]) {
  const day = createDay(roster);
  const log: LoggedCommand[] = [];
  commands.forEach((raw, i) => {
    const command = resolveClock(raw, day.clock);
    log.push({ seq: i + 1, command, result: execute(day, command, { ref: { key: 'seq', value: i + 1 } }).result });
  });
  return { day, log };
}

describe('counter views over random days', () => {
  it('the waiting list is the call queue, with minutes since check-in and overdue exactly past the threshold', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ roster, commands }) => {
        const { day } = play(roster, commands);
        for (const doctor of day.doctors) {
          const list = waitingList(day, doctor);
          expect(list.queue.map((w) => w.token)).toEqual(callQueue(doctor));
          expect(list.consulting?.token ?? null).toBe(doctor.inConsultation);
          for (const waiting of list.queue) {
            expect(waiting.minutes).toBe(day.clock - waiting.token.checkedIn!);
            expect(waiting.overdue).toBe(waiting.minutes > waitAlertMinutes(day));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('expected times: none before the slot or the clock, one consultation apart at least in service order, only for seated patients not yet called', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ roster, commands }) => {
        const { day } = play(roster, commands);
        for (const token of day.tokens) {
          const at = expectedTime(day, token);
          expect(at === null).toBe(token.status !== 'BOOKED' || token.calledAt !== null);
          if (at !== null) expect(at).toBeGreaterThanOrEqual(Math.max(token.slot.start, day.clock));
        }
        for (const slot of day.doctors.flatMap((d) => d.slots)) {
          const times = slot.booked.map((t) => expectedTime(day, t)).filter((t): t is number => t !== null);
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(Math.floor(consultMinutes(day, slot)));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every token issued has a history, and its first line tells how it entered the day', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ roster, commands }) => {
        const { day, log } = play(roster, commands);
        for (const token of day.tokens) {
          const history = tokenHistory(roster, log, token.id);
          expect(history.length).toBeGreaterThan(0);
          const own = history.filter((line) => line.text.startsWith(`${token.id} `));
          expect(own[0]?.text).toMatch(/booked into|waitlisted|seated over capacity|moved to overflow|waits for|promoted into/);
          expect(history.map((l) => l.seq)).toEqual([...history.map((l) => l.seq)].sort((a, b) => a - b));
        }
      }),
      { numRuns: 100 },
    );
  });
});
