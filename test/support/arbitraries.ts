/** fast-check generators for rosters, policies and command sequences that hit the rules often. */
import fc from 'fast-check';
import { formatTime, type Command, type Policy, type Roster } from '../../src/engine/index.js';

const IDS = ['sharma', 'reddy', 'kapoor', 'iyer'] as const;
const CODES = ['SHR', 'RED', 'KAP', 'IYR'] as const;
const PATIENTS = ['Asha', 'Ravi', 'Meena', 'Kiran', 'Dev', 'asha', ''];
const SOURCES = ['emergency', 'paid', 'follow-up', 'online', 'walk-in', 'Walk_In', 'vip', undefined];
const PHONES = ['98450', '98451', '98452', undefined, undefined, undefined];

const slotsArbitrary = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 30, max: 90 }), capacity: fc.integer({ min: 1, max: 4 }) }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((specs) => {
    let at = 8 * 60 + 30;
    return specs.map(({ gap, length, capacity }) => {
      const start = at + gap;
      at = start + length;
      return { start: formatTime(start), end: formatTime(at), capacity };
    });
  });

export const policyArbitrary: fc.Arbitrary<Policy> = fc.record({
  displacement: fc.constantFrom('emergency-only' as const, 'any-higher' as const),
  emergencyOverbook: fc.integer({ min: 0, max: 2 }),
  maxBumps: fc.integer({ min: 0, max: 3 }),
  overflowLimit: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  noShowAtClose: fc.boolean(),
});

export const rosterArbitrary: fc.Arbitrary<Roster> = fc
  .tuple(
    fc.array(slotsArbitrary, { minLength: 1, maxLength: 4 }),
    policyArbitrary,
    fc.array(fc.constantFrom('General', 'Eyes', undefined), { minLength: 4, maxLength: 4 }),
  )
  .map(([doctorSlots, policy, departments]) => ({
    doctors: doctorSlots.map((slots, i) => ({
      id: IDS[i]!,
      name: `Dr. ${IDS[i]!}`,
      code: CODES[i]!,
      slots,
      ...(departments[i] !== undefined && { department: departments[i] }),
    })),
    policy,
  }));

function commandArbitrary(roster: Roster): fc.Arbitrary<Command> {
  const doctorRef = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...roster.doctors.map((d) => d.id)) },
    { weight: 2, arbitrary: fc.constantFrom(...roster.doctors.map((d) => d.name.toUpperCase())) },
    { weight: 1, arbitrary: fc.constant('Dr. Nobody') },
  );
  const slotRef = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: fc.constantFrom(...roster.doctors.flatMap((d) => d.slots.map((s) => s.start))) },
    { weight: 1, arbitrary: fc.constant('23:00') },
  );
  const tokenRef = fc
    .tuple(fc.constantFrom(...roster.doctors.map((_, i) => CODES[i]!)), fc.integer({ min: 1, max: 20 }))
    .map(([code, n]) => `${code}-${String(n).padStart(3, '0')}`);
  const target = fc.oneof(
    { weight: 5, arbitrary: tokenRef.map((token) => ({ token })) },
    { weight: 1, arbitrary: fc.record({ doctor: doctorRef, patient: fc.constantFrom(...PATIENTS) }) },
  );
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .record({
          doctor: doctorRef,
          slot: slotRef,
          patient: fc.constantFrom(...PATIENTS),
          source: fc.constantFrom(...SOURCES),
          phone: fc.constantFrom(...PHONES),
        })
        .map(({ doctor, slot, patient, source, phone }) => ({
          op: 'book' as const,
          doctor,
          patient,
          ...(slot !== undefined && { slot }),
          ...(source !== undefined && { source }),
          ...(phone !== undefined && { phone }),
        })),
    },
    { weight: 3, arbitrary: target.map((t) => ({ op: 'cancel' as const, ...t })) },
    { weight: 2, arbitrary: target.map((t) => ({ op: 'no-show' as const, ...t })) },
    { weight: 2, arbitrary: fc.integer({ min: -30, max: 100 }).map((step) => ({ op: 'clock' as const, time: `+${step}` })) },
    ...flowCommands(doctorRef, slotRef, tokenRef, target),
  );
}

/** SPEC §5's commands, weighted so a day of 80 commands sees each several times. */
function flowCommands(
  doctorRef: fc.Arbitrary<string>,
  slotRef: fc.Arbitrary<string | undefined>,
  tokenRef: fc.Arbitrary<string>,
  target: fc.Arbitrary<{ token: string } | { doctor: string; patient: string }>,
): { weight: number; arbitrary: fc.Arbitrary<Command> }[] {
  const time = fc.option(fc.integer({ min: 8 * 60, max: 18 * 60 }).map(formatTime), { nil: undefined });
  return [
    { weight: 4, arbitrary: target.map((t) => ({ op: 'check-in' as const, ...t })) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        doctorRef.map((doctor) => ({ op: 'call' as const, doctor })),
        tokenRef.map((token) => ({ op: 'call' as const, token })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        doctorRef.map((doctor) => ({ op: 'done' as const, doctor })),
        tokenRef.map((token) => ({ op: 'done' as const, token })),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ token: tokenRef, doctor: fc.option(doctorRef, { nil: undefined }), slot: slotRef })
        .map(({ token, doctor, slot }) => ({ op: 'move' as const, token, ...(doctor !== undefined && { doctor }), ...(slot !== undefined && { slot }) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ doctor: doctorRef, from: time, to: time })
        .map(({ doctor, from, to }) => ({ op: 'absent' as const, doctor, ...(from !== undefined && { from }), ...(to !== undefined && { to }) })),
    },
    { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) },
  ];
}

/** A roster and a command sequence for it. Clock steps are relative (`+N` minutes) until resolved. */
export const scenarioArbitrary = rosterArbitrary.chain((roster) =>
  fc.record({ roster: fc.constant(roster), commands: fc.array(commandArbitrary(roster), { minLength: 1, maxLength: 80 }) }),
);

/** Turns a relative clock step into an absolute time against the day's clock. */
export function resolveClock(command: Command, clock: number): Command {
  if (command.op !== 'clock' || !command.time.startsWith('+')) return command;
  const target = Math.min(24 * 60, clock + Number(command.time.slice(1)));
  return { op: 'clock', time: formatTime(Math.max(0, target)) };
}
