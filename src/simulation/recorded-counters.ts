/**
 * The report's displacements and promotions on a recorded day: counted per journal entry, so an
 * `undo` takes back what the command it undid had counted (the day afterwards is the day in
 * which that command never ran, SPEC §5). The undo's own events restore, they are not counted.
 */
import type { DayEvent, Result } from '../engine/index.js';
import { countEvents, type RunCounters } from './report.js';

type Counted = Extract<DayEvent, { kind: 'displaced' | 'seated' }>;

const counts = (event: DayEvent): event is Counted => event.kind === 'displaced' || (event.kind === 'seated' && event.via === 'promotion');

/** Returns a function to call with each replayed entry: its reference (seq or line), result and events. */
export function recordedCounter(counters: RunCounters): (ref: number, result: Result, events: readonly DayEvent[]) => void {
  const bySeq = new Map<number, Counted[]>();
  return (ref, result, events) => {
    if (result.status === 'UNDONE') {
      const undone = result.undid.seq ?? result.undid.line;
      const counted = undone === undefined ? undefined : bySeq.get(undone);
      if (counted) {
        for (const event of counted) {
          const map = event.kind === 'displaced' ? counters.displaced : counters.promoted;
          map.set(event.doctor, (map.get(event.doctor) ?? 0) - 1);
        }
        bySeq.delete(undone!);
      }
      return;
    }
    const counted = events.filter(counts);
    if (counted.length === 0) return;
    bySeq.set(ref, counted);
    countEvents(counters, counted);
  };
}
