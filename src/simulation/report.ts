/**
 * The end-of-day report: a pure function of the day and the run's counters. For every doctor
 * and in total, issued = completed + cancelled + noShow + unserved + moved + voided once the
 * day has closed (SPEC §4, §5). The simulation and `opd-desk report` both render it.
 */
import stringWidth from 'string-width';
import { SOURCES, countStatuses, everyToken, type Day, type DayEvent, type Source, type StatusCounts } from '../engine/index.js';

export interface RunCounters {
  /** Displacements and promotions per doctor id. */
  displaced: Map<string, number>;
  promoted: Map<string, number>;
}

export function emptyCounters(): RunCounters {
  return { displaced: new Map(), promoted: new Map() };
}

/** Counts the displacements and promotions among a command's events. */
export function countEvents(counters: RunCounters, events: readonly DayEvent[]): void {
  for (const event of events) {
    if (event.kind === 'displaced') bump(counters.displaced, event.doctor);
    if (event.kind === 'seated' && event.via === 'promotion') bump(counters.promoted, event.doctor);
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export interface Counts {
  issued: number;
  completed: number;
  cancelled: number;
  noShow: number;
  unserved: number;
  /** Moved to another doctor's token (SPEC §5). */
  moved: number;
  /** Bookings undone (SPEC §5). */
  voided: number;
  displaced: number;
  promoted: number;
  /** Seats used by completed patients, over the day's seats (0–1, three decimals). */
  utilization: number;
}

export interface DoctorReport extends Counts {
  id: string;
  name: string;
}

export interface SourceReport {
  issued: number;
  completed: number;
  /** Minutes from issue to the seat the patient was seen in, over completed patients; null if none. */
  averageWait: number | null;
}

export interface HourLoad {
  /** `09:00-10:00` */
  slot: string;
  seen: number;
  capacity: number;
}

export interface CallBack {
  token: string;
  patient: string;
  phone: string | null;
  doctor: string;
  source: Source;
}

export interface DayReport {
  /** What the report is of: a simulation's seed, or a recorded day's date. */
  seed?: number;
  date?: string;
  doctors: DoctorReport[];
  totals: Counts;
  bySource: Record<Source, SourceReport>;
  /** Per doctor id: patients seen in each slot. */
  load: Record<string, HourLoad[]>;
  unserved: CallBack[];
}

const ratio = (used: number, total: number) => (total === 0 ? 0 : Math.round((used / total) * 1000) / 1000);

function countsOf(by: StatusCounts, issued: number, seats: number, displaced: number, promoted: number): Counts {
  return {
    issued,
    completed: by.COMPLETED,
    cancelled: by.CANCELLED,
    noShow: by.NO_SHOW,
    unserved: by.UNSERVED,
    moved: by.MOVED,
    voided: by.VOIDED,
    displaced,
    promoted,
    utilization: ratio(by.COMPLETED, seats),
  };
}

/** What the report counts of the day's tokens, in one pass (a day in archive mode rebuilds each finished token once). */
function tallyTokens(day: Day) {
  const byDoctor = day.doctors.map(() => ({ statuses: countStatuses([]), issued: 0 }));
  const seenBySlot = day.doctors.map((doctor) => doctor.slots.map(() => 0));
  const bySource = new Map(SOURCES.map((source) => [source, { issued: 0, completed: 0, wait: 0 }]));
  const unserved: CallBack[] = [];
  for (const token of everyToken(day)) {
    const doctor = byDoctor[token.doctor.index]!;
    const source = bySource.get(token.source)!;
    doctor.statuses[token.status] += 1;
    doctor.issued += 1;
    source.issued += 1;
    if (token.status === 'COMPLETED') {
      seenBySlot[token.doctor.index]![token.slot.index]! += 1;
      source.completed += 1;
      source.wait += (token.seatedAt ?? token.issuedAt) - token.issuedAt;
    }
    if (token.status === 'UNSERVED') {
      unserved.push({ token: token.id, patient: token.patient, phone: token.phone, doctor: token.doctor.name, source: token.source });
    }
  }
  return { byDoctor, seenBySlot, bySource, unserved };
}

/** `of`: the simulation's seed, or `{ date }` for a recorded day. */
export function buildReport(day: Day, counters: RunCounters, of: number | { date: string }): DayReport {
  const seatsOf = (doctor: Day['doctors'][number]) => doctor.slots.reduce((sum, slot) => sum + slot.capacity, 0);
  const tally = tallyTokens(day);
  const doctors = day.doctors.map((doctor) => {
    const { statuses, issued } = tally.byDoctor[doctor.index]!;
    const displaced = counters.displaced.get(doctor.id) ?? 0;
    return { id: doctor.id, name: doctor.name, ...countsOf(statuses, issued, seatsOf(doctor), displaced, counters.promoted.get(doctor.id) ?? 0) };
  });
  const sum = (key: keyof Counts) => doctors.reduce((total, d) => total + d[key], 0);
  const totals: Counts = {
    issued: sum('issued'),
    completed: sum('completed'),
    cancelled: sum('cancelled'),
    noShow: sum('noShow'),
    unserved: sum('unserved'),
    moved: sum('moved'),
    voided: sum('voided'),
    displaced: sum('displaced'),
    promoted: sum('promoted'),
    utilization: ratio(
      sum('completed'),
      day.doctors.reduce((total, doctor) => total + seatsOf(doctor), 0),
    ),
  };
  const bySource = Object.fromEntries(
    SOURCES.map((source) => {
      const { issued, completed, wait } = tally.bySource.get(source)!;
      return [source, { issued, completed, averageWait: completed === 0 ? null : Math.round((wait / completed) * 10) / 10 }];
    }),
  ) as Record<Source, SourceReport>;
  const load = Object.fromEntries(
    day.doctors.map((doctor) => [
      doctor.id,
      doctor.slots.map((slot) => ({ slot: slot.label, capacity: slot.capacity, seen: tally.seenBySlot[doctor.index]![slot.index]! })),
    ]),
  );
  return { ...(typeof of === 'number' ? { seed: of } : of), doctors, totals, bySource, load, unserved: tally.unserved };
}

/** SPEC §4's JSON document, exactly: seed, doctors, totals, bySource (issued and completed). */
export function reportJson(report: DayReport): string {
  const document = {
    ...(report.seed !== undefined && { seed: report.seed }),
    ...(report.date !== undefined && { date: report.date }),
    doctors: report.doctors.map((d) => ({
      id: d.id,
      name: d.name,
      issued: d.issued,
      completed: d.completed,
      cancelled: d.cancelled,
      noShow: d.noShow,
      unserved: d.unserved,
      moved: d.moved,
      voided: d.voided,
      displaced: d.displaced,
      promoted: d.promoted,
      utilization: d.utilization,
    })),
    totals: report.totals,
    bySource: Object.fromEntries(SOURCES.map((s) => [s, { issued: report.bySource[s].issued, completed: report.bySource[s].completed }])),
  };
  return `${JSON.stringify(document)}\n`;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A bar of block characters for `seen` out of `capacity`, one character a slot. */
export function loadBar(hours: readonly HourLoad[]): string {
  return hours.map(({ seen, capacity }) => BLOCKS[capacity === 0 ? 0 : Math.min(8, Math.round((seen / capacity) * 8))]).join('');
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** The report as text, for `--headless` without `--json` and for the end of playback. */
export function reportText(report: DayReport): string[] {
  const lines: string[] = [`End of day · ${report.date ?? `seed ${report.seed}`}`, ''];
  const head = ['', 'issued', 'seen', 'cancel', 'no-show', 'unserved', 'moved', 'voided', 'displaced', 'promoted', 'use'];
  const cells = (name: string, c: Counts) => [
    name,
    c.issued,
    c.completed,
    c.cancelled,
    c.noShow,
    c.unserved,
    c.moved,
    c.voided,
    c.displaced,
    c.promoted,
    pct(c.utilization),
  ];
  const rows = [...report.doctors.map((d) => cells(d.name, d)), cells('All doctors', report.totals)].map((row) => row.map(String));
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(width[0]!) : cell.padStart(width[i]!))).join('  ');
  lines.push(format(head), ...rows.map(format), '');

  lines.push('By source          issued  seen  avg wait');
  for (const source of SOURCES) {
    const s = report.bySource[source];
    const wait = s.averageWait === null ? '—' : `${s.averageWait} min`;
    lines.push(`${source.padEnd(17)}  ${String(s.issued).padStart(6)}  ${String(s.completed).padStart(4)}  ${wait.padStart(8)}`);
  }
  lines.push('', 'Patients seen per slot (█ = full)');
  for (const doctor of report.doctors) {
    const hours = report.load[doctor.id] ?? [];
    const first = hours[0]?.slot.slice(0, 5) ?? '';
    const last = hours.at(-1)?.slot.slice(6) ?? '';
    lines.push(`${doctor.name.padEnd(width[0]!)}  ${first} ${loadBar(hours)} ${last}  ${hours.map((h) => h.seen).join(' ')}`);
  }
  lines.push('', report.unserved.length === 0 ? 'Nobody left unserved.' : `Call back (${report.unserved.length} unserved):`);
  // Columns as wide as their widest cell (in terminal columns: a name may hold wide characters).
  const callBacks = report.unserved.map((u) => [u.token, u.patient, u.phone ?? 'no phone', u.doctor, u.source]);
  // A reduce, not Math.max(...): a big day leaves more unserved rows than a call has arguments.
  const widths = [0, 1, 2, 3].map((i) => callBacks.reduce((widest, row) => Math.max(widest, stringWidth(row[i]!)), 0));
  for (const row of callBacks) lines.push(`  ${row.map((cell, i) => (i < 4 ? cell + ' '.repeat(widths[i]! - stringWidth(cell)) : cell)).join('  ')}`);
  return lines;
}
