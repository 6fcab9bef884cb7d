/**
 * Plays a timeline against a desk (a `PlayTarget`), entry by entry. Each entry becomes an ordinary engine
 * command: the clock moved to the entry's minute, then the booking, cancellation, check-in, call
 * or absence. A planned entry is skipped when it no longer applies (the patient was never issued
 * a token or is no longer active; nobody is waiting to be called), as it would be at a real
 * desk; a call with nobody checked in finishes the patient in consultation instead (`done`).
 */
import { findToken, formatTime, isActive, isOpen, nextToCall, parseTime, type Command, type Day, type Outcome, type Token } from '../engine/index.js';
import { countEvents, emptyCounters, type RunCounters } from './report.js';
import type { TimelineEntry } from './timeline.js';

/** What the runner needs of a desk: the day as it stands, and a way to play commands on it. */
export interface PlayTarget {
  readonly day: Day;
  /** Runs the commands in order; their outcomes. */
  playAll(commands: readonly Command[]): Outcome[];
}

export class SimulationRunner {
  private next = 0;
  /** Token id of each patient the timeline booked. */
  private readonly tokenOf = new Map<number, string>();
  readonly counters: RunCounters = emptyCounters();

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
      countEvents(this.counters, outcome.events);
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
      case 'check-in': {
        const token = this.currentToken(entry.patient);
        if (!token || !isActive(token)) return undefined;
        if (entry.kind === 'cancel') return { op: 'cancel', token: token.id };
        return token.checkedIn === null ? { op: 'check-in', token: token.id } : undefined;
      }
      case 'call': {
        const doctor = this.target.day.doctorByKey.get(entry.doctor);
        if (!doctor) return undefined;
        if (nextToCall(doctor)) return { op: 'call', doctor: entry.doctor };
        return doctor.inConsultation ? { op: 'done', doctor: entry.doctor } : undefined;
      }
      case 'absent': {
        const doctor = this.target.day.doctorByKey.get(entry.doctor);
        const [from, to] = [parseTime(entry.from)!, parseTime(entry.to)!];
        const any = doctor?.slots.some((slot) => isOpen(slot) && slot.start < to && slot.end > from);
        return any ? { op: 'absent', doctor: entry.doctor, from: entry.from, to: entry.to } : undefined;
      }
    }
  }

  /** The patient's token now: the one booked, or the one it was moved to. */
  private currentToken(patient: number): Token | undefined {
    const day = this.target.day;
    const id = this.tokenOf.get(patient);
    let token = id === undefined ? undefined : findToken(day, id);
    while (token?.movedTo) token = findToken(day, token.movedTo);
    return token;
  }
}
