/**
 * Plays a timeline against a desk store, entry by entry. Each entry becomes an ordinary engine
 * command: the clock moved to the entry's minute, then the booking, cancellation or no-show.
 * A planned cancellation or no-show is skipped when it no longer applies (the patient was never
 * issued a token, or is no longer booked), as it would be at a real desk.
 */
import { findToken, formatTime, type Command, type Day, type DayEvent, type Outcome } from '../engine/index.js';
import type { TimelineEntry } from './timeline.js';

/** What the runner needs of a desk: the day as it stands, and a way to play commands on it. */
export interface PlayTarget {
  readonly day: Day;
  /** Runs the commands in order; their outcomes. */
  playAll(commands: readonly Command[]): Outcome[];
}

export interface RunCounters {
  /** Displacements and promotions per doctor id. */
  displaced: Map<string, number>;
  promoted: Map<string, number>;
}

export class SimulationRunner {
  private next = 0;
  /** Token id of each patient the timeline booked. */
  private readonly tokenOf = new Map<number, string>();
  readonly counters: RunCounters = { displaced: new Map(), promoted: new Map() };

  constructor(
    readonly target: PlayTarget,
    readonly timeline: readonly TimelineEntry[],
  ) {}

  get finished(): boolean {
    return this.next >= this.timeline.length;
  }

  /** Minute of the next entry, or undefined at the end. */
  get nextAt(): number | undefined {
    return this.timeline[this.next]?.at;
  }

  get played(): number {
    return this.next;
  }

  /** The minute the last entry happens: the close of the day. */
  get closesAt(): number {
    return this.timeline.at(-1)?.at ?? 0;
  }

  /** Plays the next entry; returns false at the end. */
  step(): boolean {
    const entry = this.timeline[this.next];
    if (!entry) return false;
    this.next += 1;
    const commands: Command[] = [];
    if (entry.at > this.target.day.clock) commands.push({ op: 'clock', time: formatTime(entry.at) });
    const command = this.commandFor(entry);
    if (command) commands.push(command);
    const outcomes = this.target.playAll(commands);
    outcomes.forEach((outcome, i) => {
      this.count(outcome.events);
      const result = outcome.result;
      if (entry.kind === 'book' && commands[i]?.op === 'book' && 'token' in result) this.tokenOf.set(entry.patient.id, result.token);
    });
    return true;
  }

  /** Plays every entry at or before `minute`. */
  playUntil(minute: number): void {
    while (!this.finished && (this.nextAt ?? Infinity) <= minute) this.step();
  }

  playToEnd(): void {
    while (this.step());
  }

  private commandFor(entry: TimelineEntry): Command | undefined {
    switch (entry.kind) {
      case 'clock':
        return undefined;
      case 'book':
        return {
          op: 'book',
          doctor: entry.doctor,
          patient: entry.patient.name,
          phone: entry.patient.phone,
          source: entry.source,
          ...(entry.slot !== undefined && { slot: entry.slot }),
        };
      case 'cancel':
      case 'no-show': {
        const id = this.tokenOf.get(entry.patient);
        const token = id === undefined ? undefined : findToken(this.target.day, id);
        if (!token) return undefined;
        if (entry.kind === 'cancel') return token.status === 'BOOKED' || token.status === 'WAITLISTED' ? { op: 'cancel', token: token.id } : undefined;
        const day = this.target.day;
        return token.status === 'BOOKED' && token.slot.start <= day.clock ? { op: 'no-show', token: token.id } : undefined;
      }
    }
  }

  private count(events: readonly DayEvent[]): void {
    for (const event of events) {
      if (event.kind === 'displaced') bump(this.counters.displaced, event.doctor);
      if (event.kind === 'seated' && event.via === 'promotion') bump(this.counters.promoted, event.doctor);
    }
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
