/** `opd-desk log` (the audit trail) and `opd-desk export` (every token of a day). */
import { formatTime, type Command, type Token } from '../engine/index.js';
import { describeResult as describeScriptResult } from '../script/text-report.js';
import { localDate, localTime } from '../journal/place.js';
import { openRecordedDay, type DayOptions } from './open-day.js';
import { UsageError } from './usage-error.js';

function describeCommand(command: Command): string {
  const { op, ...fields } = command;
  return `${op} ${Object.entries(fields).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(' ')}`.trim();
}

/** The day's commands and results, in order, with when and where each was entered. */
export function logCommand(options: DayOptions): number {
  const { session, journal, file, date } = openRecordedDay(options);
  try {
    const entries = journal.read(date, 0);
    const out = [`${file} · ${date} · ${session.roster.doctors.map((d) => d.name).join(', ')} · ${entries.length} commands`];
    for (const entry of entries) {
      const at = new Date(entry.at);
      const time = `${localDate(at)} ${localTime(at)}:${String(at.getSeconds()).padStart(2, '0')}`;
      out.push(`${String(entry.seq).padStart(5)}  ${time}  ${entry.desk}  ${describeCommand(entry.command)}  →  ${describeScriptResult(entry.result)}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    journal.close();
  }
}

const COLUMNS = ['token', 'patient', 'phone', 'doctor', 'slot', 'source', 'status', 'issued', 'seated', 'ended'] as const;

function rowOf(token: Token): Record<(typeof COLUMNS)[number], string> {
  const time = (minutes: number | null) => (minutes === null ? '' : formatTime(minutes));
  return {
    token: token.id,
    patient: token.patient,
    phone: token.phone ?? '',
    doctor: token.doctor.id,
    slot: token.slot.label,
    source: token.source,
    status: token.status,
    issued: time(token.issuedAt),
    seated: time(token.seatedAt),
    ended: time(token.endedAt),
  };
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Every token of the day, as rebuilt from the journal, as CSV or JSON. */
export function exportCommand(options: DayOptions & { format?: string }): number {
  if (options.format !== 'csv' && options.format !== 'json') throw new UsageError('export needs --format csv or --format json');
  const { session, journal } = openRecordedDay(options);
  try {
    const rows = session.day.tokens.map(rowOf);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`);
    else process.stdout.write(`${[COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))].join('\n')}\n`);
    return 0;
  } finally {
    journal.close();
  }
}
