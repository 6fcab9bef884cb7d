/** Test helpers: small rosters, a day driven by terse commands, and lookups. */
import {
  checkInvariants,
  createDay,
  execute,
  findToken,
  overflowQueue,
  snapshot,
  type Command,
  type Day,
  type DayEvent,
  type Policy,
  type Result,
  type Roster,
} from '../../src/engine/index.js';

const CODES: Record<string, string> = { sharma: 'SHR', reddy: 'RED', kapoor: 'KAP' };

/** One doctor per entry, hourly slots from 09:00 with the given capacities. */
export function rosterOf(capacities: Record<string, number[]>, policy: Partial<Policy> = {}): Roster {
  return {
    doctors: Object.entries(capacities).map(([id, caps]) => ({
      id,
      name: `Dr. ${id[0]!.toUpperCase()}${id.slice(1)}`,
      code: CODES[id] ?? id.slice(0, 3).toUpperCase(),
      slots: caps.map((capacity, i) => ({
        start: `${String(9 + i).padStart(2, '0')}:00`,
        end: `${String(10 + i).padStart(2, '0')}:00`,
        capacity,
      })),
    })),
    policy,
  };
}

export interface Desk {
  day: Day;
  events: DayEvent[];
  /** Runs a command, checks the invariants, and returns its result. */
  run(command: Command): Result;
  book(patient: string, source?: string, slot?: string, extra?: Partial<Command>): Result;
  /** Status of a token by id. */
  status(token: string): string | undefined;
  /** Token ids seated in a slot, in service order. */
  seated(slot: string, doctor?: string): string[];
  /** Token ids in a doctor's overflow queue, in queue order. */
  overflow(doctor?: string): string[];
}

export function desk(roster: Roster): Desk {
  const day = createDay(roster);
  const firstDoctor = roster.doctors[0]!.id;
  const events: DayEvent[] = [];
  const doctorOf = (id = firstDoctor) => day.doctors.find((d) => d.id === id)!;
  const self: Desk = {
    day,
    events,
    run(command) {
      const outcome = execute(day, command);
      events.push(...outcome.events);
      const problems = checkInvariants(day);
      if (problems.length > 0) throw new Error(`invariants broken: ${problems.join('; ')}`);
      return outcome.result;
    },
    book(patient, source = 'walk-in', slot, extra = {}) {
      return self.run({ op: 'book', doctor: firstDoctor, patient, source, ...(slot && { slot }), ...extra } as Command);
    },
    status: (token) => findToken(day, token)?.status,
    seated: (slot, doctor) =>
      doctorOf(doctor)
        .slots.find((s) => s.label.startsWith(slot))!
        .booked.map((t) => t.id),
    overflow: (doctor) => overflowQueue(doctorOf(doctor)).map((t) => t.id),
  };
  return self;
}

/** Runs a command that must fail, and proves it changed nothing. */
export function expectUnchanged(d: Desk, command: Command): string {
  const before = snapshot(d.day);
  const outcome = execute(d.day, command);
  if (outcome.result.status !== 'ERROR') throw new Error(`expected an error, got ${JSON.stringify(outcome.result)}`);
  if (snapshot(d.day) !== before) throw new Error('an error changed the day');
  if (outcome.events.length > 0) throw new Error('an error emitted events');
  return outcome.result.error;
}
