/**
 * The end-of-day report: a pure function of the day and the run's counters. For every doctor
 * and in total, issued = completed + cancelled + noShow + unserved once the day has closed.
 */
import { SOURCES, type Day, type Source, type Token } from '../engine/index.js';
import type { RunCounters } from './runner.js';

export interface Counts {
  issued: number;
  completed: number;
  cancelled: number;
  noShow: number;
  unserved: number;
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
  seed: number;
  doctors: DoctorReport[];
  totals: Counts;
  bySource: Record<Source, SourceReport>;
  /** Per doctor id: patients seen in each slot. */
  load: Record<string, HourLoad[]>;
  unserved: CallBack[];
}

const ratio = (used: number, total: number) => (total === 0 ? 0 : Math.round((used / total) * 1000) / 1000);

function countsOf(tokens: readonly Token[], seats: number, displaced: number, promoted: number): Counts {
  const counts = { issued: tokens.length, completed: 0, cancelled: 0, noShow: 0, unserved: 0, displaced, promoted, utilization: 0 };
  for (const token of tokens) {
    if (token.status === 'COMPLETED') counts.completed++;
    else if (token.status === 'CANCELLED') counts.cancelled++;
    else if (token.status === 'NO_SHOW') counts.noShow++;
    else if (token.status === 'UNSERVED') counts.unserved++;
  }
  counts.utilization = ratio(counts.completed, seats);
  return counts;
}

export function buildReport(day: Day, counters: RunCounters, seed: number): DayReport {
  const seatsOf = (doctor: Day['doctors'][number]) => doctor.slots.reduce((sum, slot) => sum + slot.capacity, 0);
  const doctors = day.doctors.map((doctor) => ({
    id: doctor.id,
    name: doctor.name,
    ...countsOf(doctor.tokens, seatsOf(doctor), counters.displaced.get(doctor.id) ?? 0, counters.promoted.get(doctor.id) ?? 0),
  }));
  const sum = (key: keyof Counts) => doctors.reduce((total, d) => total + d[key], 0);
  const totals: Counts = {
    issued: sum('issued'),
    completed: sum('completed'),
    cancelled: sum('cancelled'),
    noShow: sum('noShow'),
    unserved: sum('unserved'),
    displaced: sum('displaced'),
    promoted: sum('promoted'),
    utilization: ratio(sum('completed'), day.doctors.reduce((total, doctor) => total + seatsOf(doctor), 0)),
  };
  const bySource = Object.fromEntries(
    SOURCES.map((source) => {
      const tokens = day.tokens.filter((t) => t.source === source);
      const seen = tokens.filter((t) => t.status === 'COMPLETED');
      const wait = seen.reduce((total, t) => total + ((t.seatedAt ?? t.issuedAt) - t.issuedAt), 0);
      return [source, { issued: tokens.length, completed: seen.length, averageWait: seen.length === 0 ? null : Math.round((wait / seen.length) * 10) / 10 }];
    }),
  ) as Record<Source, SourceReport>;
  const load = Object.fromEntries(
    day.doctors.map((doctor) => [
      doctor.id,
      doctor.slots.map((slot) => ({
        slot: slot.label,
        capacity: slot.capacity,
        seen: doctor.tokens.filter((t) => t.status === 'COMPLETED' && t.slot === slot).length,
      })),
    ]),
  );
  const unserved = day.tokens
    .filter((t) => t.status === 'UNSERVED')
    .map((t) => ({ token: t.id, patient: t.patient, phone: t.phone, doctor: t.doctor.name, source: t.source }));
  return { seed, doctors, totals, bySource, load, unserved };
}

/** SPEC §4's JSON document, exactly: seed, doctors, totals, bySource (issued and completed). */
export function reportJson(report: DayReport): string {
  const document = {
    seed: report.seed,
    doctors: report.doctors.map((d) => ({
      id: d.id, name: d.name, issued: d.issued, completed: d.completed, cancelled: d.cancelled, noShow: d.noShow,
      unserved: d.unserved, displaced: d.displaced, promoted: d.promoted, utilization: d.utilization,
    })),
    totals: report.totals,
    bySource: Object.fromEntries(SOURCES.map((s) => [s, { issued: report.bySource[s].issued, completed: report.bySource[s].completed }])),
  };
  return `${JSON.stringify(document)}\n`;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** A bar of block characters for `seen` out of `capacity`, one character a slot. */
export function loadBar(hours: readonly HourLoad[]): string {
  return hours
    .map(({ seen, capacity }) => BLOCKS[capacity === 0 ? 0 : Math.min(8, Math.round((seen / capacity) * 8))])
    .join('');
}

const pct = (value: number) => `${Math.round(value * 100)}%`;

/** The report as text, for `--headless` without `--json` and for the end of playback. */
export function reportText(report: DayReport): string[] {
  const lines: string[] = [`End of day · seed ${report.seed}`, ''];
  const head = ['', 'issued', 'seen', 'cancel', 'no-show', 'unserved', 'displaced', 'promoted', 'use'];
  const rows = [
    ...report.doctors.map((d) => [d.name, d.issued, d.completed, d.cancelled, d.noShow, d.unserved, d.displaced, d.promoted, pct(d.utilization)]),
    ['All doctors', report.totals.issued, report.totals.completed, report.totals.cancelled, report.totals.noShow, report.totals.unserved, report.totals.displaced, report.totals.promoted, pct(report.totals.utilization)],
  ].map((row) => row.map(String));
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
  for (const u of report.unserved) lines.push(`  ${u.token}  ${u.patient.padEnd(18)} ${u.phone ?? 'no phone'}  ${u.doctor}  ${u.source}`);
  return lines;
}

