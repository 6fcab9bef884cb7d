/** What the server's read routes answer, computed from a day (pure: no I/O). */
import { SOURCES, formatTime, waitingRoomOf, type Day, type Token, type WaitingRoom } from '../engine/index.js';
import type { JournalEntry } from '../journal/journal.js';
import { buildReport, type DayReport } from '../simulation/report.js';

/** The waiting-room display feed: the engine's waiting-room view of one date. */
export interface DisplayView extends WaitingRoom {
  date: string;
}

/** Token ids only, never a name or a phone. */
export function displayOf(date: string, day: Day): DisplayView {
  return { date, ...waitingRoomOf(day) };
}

/** §3's token row, with the flow's fields where the engine has them. */
export function tokenView(token: Token): Record<string, unknown> {
  return {
    token: token.id,
    patient: token.patient,
    phone: token.phone,
    doctor: token.doctor.id,
    slot: token.slot.label,
    source: token.source,
    priority: token.priority,
    status: token.status,
    bumps: token.bumps,
    checkedIn: token.checkedIn === null ? null : formatTime(token.checkedIn),
    calledAt: token.calledAt === null ? null : formatTime(token.calledAt),
    movedTo: token.movedTo,
  };
}

/** Whether a journal entry names the token (its command, or any token in its result). */
export function touches(entry: JournalEntry, token: string): boolean {
  const needle = `"${token}"`;
  return JSON.stringify(entry.command).includes(needle) || (entry.resultText ?? JSON.stringify(entry.result)).includes(needle);
}

/** The end-of-day report (§4/§5) of a recorded day; displacements and promotions from its results. */
export function reportOf(day: Day, entries: readonly JournalEntry[]): Omit<DayReport, 'seed' | 'load' | 'unserved'> & { date?: string } {
  const byCode = new Map(day.doctors.map((d) => [d.code, d.id]));
  const doctorOf = (token: string) => byCode.get(token.slice(0, token.lastIndexOf('-'))) ?? '';
  const counters = { displaced: new Map<string, number>(), promoted: new Map<string, number>() };
  const bump = (map: Map<string, number>, token: unknown) => {
    if (typeof token === 'string') map.set(doctorOf(token), (map.get(doctorOf(token)) ?? 0) + 1);
  };
  for (const entry of entries) {
    const result = entry.result as { displaced?: unknown; promoted?: unknown };
    bump(counters.displaced, result.displaced);
    bump(counters.promoted, result.promoted);
  }
  const report = buildReport(day, counters, 0);
  return {
    doctors: report.doctors,
    totals: report.totals,
    bySource: Object.fromEntries(SOURCES.map((s) => [s, report.bySource[s]])) as DayReport['bySource'],
  };
}
