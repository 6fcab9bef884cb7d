/**
 * Archive mode (src/engine/archive.ts): a day that lets finished tokens go as compact records
 * answers every command exactly as a day that keeps them, and lists the same tokens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDay } from '../../bench/workload.js';
import { createDay, everyToken, execute, findToken, type Command, type Day, type Roster, type Token } from '../../src/engine/index.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';

/** A token's fields, with its doctor and slot named (two days never share those objects). */
function plain(token: Token) {
  return { ...token, id: token.id, doctor: token.doctor.id, slot: `${token.slot.doctor.id} ${token.slot.label}` };
}

/** Runs the commands on a day that keeps every token and on one that archives; compares both after each. */
function runBoth(roster: Roster, commands: readonly Command[], options: { archiveEveryCommand: boolean; compareTokensEvery: number }) {
  const kept = createDay(roster);
  const archived = createDay(roster, { archive: true });
  commands.forEach((raw, i) => {
    const command = resolveClock(raw, kept.clock);
    const expected = execute(kept, command);
    const actual = execute(archived, command);
    expect(JSON.stringify(actual.result), `command ${i + 1}: ${JSON.stringify(command)}`).toBe(JSON.stringify(expected.result));
    expect(actual.events).toEqual(expected.events);
    // Archiving at any moment, not only when the engine does, must change nothing either.
    if (options.archiveEveryCommand) archived.archive!.archiveOutOfReach(archived);
    if ((i + 1) % options.compareTokensEvery === 0) expectSameTokens(kept, archived);
  });
  expectSameTokens(kept, archived);
  return { kept, archived };
}

function expectSameTokens(kept: Day, archived: Day): void {
  expect([...everyToken(archived)].map(plain)).toEqual(kept.tokens.map(plain));
  for (const token of kept.tokens) expect(plain(findToken(archived, token.id)!)).toEqual(plain(findToken(kept, token.id)!));
}

/** Random days whose clock moves on often (closing slots, which puts everything before out of undo's reach). */
const busyScenario = fc
  .tuple(scenarioArbitrary, fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 6 }))
  .map(([{ roster, commands }, stops]) => ({
    roster,
    commands: [
      ...commands.flatMap((command, i): Command[] => (stops.includes(i) ? [{ op: 'clock', time: '+45' }, command] : [command])),
      { op: 'clock' as const, time: '+600' },
    ],
  }));

describe('archive mode', () => {
  it('answers every command as a day that keeps its tokens, and lists the same tokens, even archiving after every command', () => {
    let daysThatArchived = 0;
    fc.assert(
      fc.property(busyScenario, ({ roster, commands }) => {
        const { archived } = runBoth(roster, commands, { archiveEveryCommand: true, compareTokensEvery: 1 });
        if (archived.archive!.count > 0) daysThatArchived += 1;
      }),
      { numRuns: 1000 },
    );
    expect(daysThatArchived).toBeGreaterThan(500);
  });

  it('archives finished tokens once undo can no longer reach them, before any slot closes, on a long day', () => {
    const { roster, commands } = generateDay(12, 30_000, 3, true);
    const firstClock = commands.findIndex((command) => command.op === 'clock');
    const { archived } = runBoth(roster, commands.slice(0, firstClock), { archiveEveryCommand: false, compareTokensEvery: 1000 });
    // Cancelled and no-show tokens more than a thousand commands back are archived, the rest kept.
    expect(archived.archive!.count).toBeGreaterThan(100);
    expect(archived.archive!.count).toBeLessThan(archived.tokens.length);
  });

  it('archives the whole day once its last slot has closed, and lists it in issue order', () => {
    const { roster, commands } = generateDay(12, 12_000, 4, true);
    const { kept, archived } = runBoth(roster, commands, { archiveEveryCommand: false, compareTokensEvery: 3000 });
    // All but the tokens undo voided, which never finished: they stay as they are.
    const voided = kept.tokens.filter((token) => token.status === 'VOIDED').length;
    expect(archived.archive!.count).toBe(kept.tokens.length - voided);
  });

  it('keeps a token exactly, whatever its text: wide characters, lone surrogates, empty and long names', () => {
    const roster: Roster = { doctors: [{ id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: [{ start: '09:00', end: '10:00', capacity: 9 }] }] };
    const names = ['Priya 🙏🏽 Raghunathan', 'रघुनाथन प्रिया', 'lone \ud800 surrogate', 'é', 'x'.repeat(70_000), 'Zoë'];
    const commands: Command[] = [
      ...names.map((patient, i): Command => ({ op: 'book', doctor: 'sharma', patient, phone: `98765 4321${i}` })),
      { op: 'cancel', token: 'SHR-002' },
      { op: 'clock', time: '10:00' },
    ];
    const { archived } = runBoth(roster, commands, { archiveEveryCommand: true, compareTokensEvery: 1 });
    expect(archived.archive!.count).toBe(names.length);
  });
});
