/**
 * Property-based tests: thousands of random days (rosters, policies, command sequences). After
 * every command the SPEC §2 invariants hold, and the engine's choices match a naive reading of
 * the rules computed from the state just before the command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  createDay,
  execute,
  findToken,
  overflowQueue,
  snapshot,
  type Command,
  type Day,
  type Doctor,
  type Result,
  type Token,
} from '../../src/engine/index.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';

const RUNS = 1500;

/** The state of one doctor, for checking that commands on others leave it alone. */
function doctorState(day: Day, doctor: Doctor): string {
  return JSON.stringify([
    doctor.slots.map((s) => [s.booked.map((t) => t.id), s.waiting.size]),
    day.tokens.filter((t) => t.doctor === doctor).map((t) => [t.id, t.status, t.slot.label, t.bumps]),
  ]);
}

/** Which doctor a command concerns, or undefined for the clock (which concerns all). */
function concernedDoctor(day: Day, command: Command): Doctor | undefined {
  // Undo and absent (with a department) may concern several doctors.
  if (command.op === 'clock' || command.op === 'undo' || command.op === 'absent' || command.op === 'move') return undefined;
  if ('token' in command && command.token) return findToken(day, command.token)?.doctor;
  return day.doctorByKey.get((command.doctor ?? '').toLowerCase());
}

interface SeatedCopy {
  id: string;
  /** In consultation (SPEC §5): never displaced. */
  consulting: boolean;
  priority: number;
  arrival: number;
  bumps: number;
}

/** Rule 3 read plainly: lowest priority, latest arrival, among strictly lower and under the bump limit. */
function naiveVictim(day: Day, seated: readonly SeatedCopy[], newcomer: number): string | undefined {
  const eligible = seated.filter((t) => t.priority > newcomer && t.priority > 1 && t.bumps < day.policy.maxBumps && !t.consulting);
  eligible.sort((a, b) => b.priority - a.priority || b.arrival - a.arrival);
  return eligible[0]?.id;
}

const copySeated = (seated: readonly Token[]): SeatedCopy[] =>
  seated.map((token) => ({
    id: token.id,
    priority: token.priority,
    arrival: token.arrival,
    bumps: token.bumps,
    consulting: token.doctor.inConsultation === token,
  }));

function runDay(roster: Parameters<typeof createDay>[0], commands: Command[], check: boolean, events = true) {
  const day = createDay(roster);
  const results: Result[] = [];
  for (const raw of commands) {
    const command = resolveClock(raw, day.clock);
    if (!check) {
      results.push(execute(day, command, { events }).result);
      continue;
    }
    const before = snapshot(day);
    const concerned = concernedDoctor(day, command);
    const others = day.doctors.filter((d) => d !== concerned).map((d) => doctorState(day, d));
    // What a naive reading of the rules expects, taken before the command runs.
    const targetToken = 'token' in command && command.token ? findToken(day, command.token) : undefined;
    // Rule 6: only a seat that really frees (not one of an overbooked slot) promotes anyone.
    const freesSeat = targetToken?.status === 'BOOKED' && targetToken.slot.booked.length - 1 < targetToken.slot.capacity;
    const expectedPromotion = freesSeat
      ? [...targetToken.slot.waiting.values()].sort((a, b) => a.priority - b.priority || a.arrival - b.arrival)[0]?.id
      : undefined;
    const seatedBefore = new Map(day.doctors.flatMap((d) => d.slots.map((s) => [s.label + d.id, copySeated(s.booked)] as const)));
    const tokensBefore = day.tokens.length;

    const { result } = execute(day, command);
    results.push(result);

    expect(checkInvariants(day)).toEqual([]);
    if (result.status === 'ERROR') expect(snapshot(day)).toBe(before);
    if (concerned) expect(day.doctors.filter((d) => d !== concerned).map((d) => doctorState(day, d))).toEqual(others);
    expect(day.tokens.length).toBe(tokensBefore + tokensIssuedBy(result));
    if (result.status === 'WAITLISTED') {
      const token = findToken(day, result.token)!;
      expect(result.position).toBe(overflowQueue(token.doctor).indexOf(token) + 1);
    }
    if (result.status === 'REALLOCATED') {
      const token = findToken(day, result.token)!;
      const seated = seatedBefore.get(token.slot.label + token.doctor.id)!;
      expect(result.displaced).toBe(naiveVictim(day, seated, token.priority));
    }
    if ((result.status === 'CANCELLED' || result.status === 'NO_SHOW') && targetToken) {
      expect(result.promoted).toBe(expectedPromotion);
    }
  }
  return { day, results };
}

/** How many tokens a result says it issued: a booking, a move to another doctor, an absence's moves. */
function tokensIssuedBy(result: Result): number {
  switch (result.status) {
    case 'ALLOCATED':
    case 'REALLOCATED':
    case 'WAITLISTED':
      return 1;
    case 'MOVED':
      return result.newToken === undefined ? 0 : 1;
    case 'ABSENT':
      return result.rebooked.filter((r) => r.newToken !== undefined).length;
    default:
      return 0;
  }
}

describe('properties over random days', () => {
  it('invariants hold after every command, errors change nothing, and choices follow the rules', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ roster, commands }) => {
        runDay(roster, commands, true);
      }),
      { numRuns: RUNS },
    );
  });

  it('replaying the same commands gives the same state, byte for byte, and the same results (with or without events)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ roster, commands }) => {
        const first = runDay(roster, commands, false);
        const second = runDay(roster, commands, false, false);
        expect(snapshot(second.day)).toBe(snapshot(first.day));
        expect(second.results).toEqual(first.results);
      }),
      { numRuns: RUNS },
    );
  });

  it('every token issued is in exactly one status, and the clock closes everything at 24:00', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ roster, commands }) => {
        const { day } = runDay(roster, [...commands, { op: 'clock', time: '24:00' }], false);
        for (const token of day.tokens) expect(['COMPLETED', 'CANCELLED', 'NO_SHOW', 'UNSERVED', 'MOVED', 'VOIDED']).toContain(token.status);
        expect(checkInvariants(day)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
