/** The rows of `opd-desk export`, on a file or a PostgreSQL journal alike: every token of a day, as CSV or JSON. */
import { everyToken, formatTime, type Day, type Token } from '../engine/index.js';
import { jsonSafe, terminalSafe } from '../text/terminal-safe.js';
import { ChunkedOutput } from './chunked-output.js';
import { UsageError } from './usage-error.js';

export const COLUMNS = ['token', 'patient', 'phone', 'doctor', 'slot', 'source', 'status', 'issued', 'seated', 'ended'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

export type ExportFormat = 'csv' | 'json';

/** The format asked for: --unserved alone means CSV (a call-back list). */
export function exportFormat(options: { format?: string; unserved?: boolean }): ExportFormat {
  const format = (options.format ?? (options.unserved ? 'csv' : undefined))?.toLowerCase();
  if (format === undefined) throw new UsageError('export needs --format csv or --format json');
  if (format !== 'csv' && format !== 'json') throw new UsageError(`unknown export format ${JSON.stringify(options.format)}: use --format csv or --format json`);
  return format;
}

export function rowOf(token: Token): Row {
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

/**
 * A CSV cell a spreadsheet will not run: a cell starting with =, +, -, @, tab or CR gets a
 * leading apostrophe (OWASP's advice; a phone such as +91… stays text), and control characters
 * are made visible.
 */
export function csvCell(value: string): string {
  const neutral = terminalSafe(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/**
 * Prints every token of the day in issue order (with `unserved`, only those to call back), a
 * row at a time: on a day replayed in archive mode each finished token is rebuilt for its row
 * and let go, so the rows never all exist at once.
 */
export async function printExport(day: Day, format: ExportFormat, unserved: boolean): Promise<number> {
  const out = new ChunkedOutput();
  try {
    await writeExport(day, format, unserved, out);
    await out.end();
    return 0;
  } finally {
    out.flush();
  }
}

async function writeExport(day: Day, format: ExportFormat, unserved: boolean, out: ChunkedOutput): Promise<void> {
  if (format === 'csv') out.write(`${COLUMNS.join(',')}\n`);
  let rows = 0;
  for (const token of everyToken(day)) {
    if (out.done) return;
    if (unserved && token.status !== 'UNSERVED') continue;
    const row = rowOf(token);
    if (format === 'csv') out.write(`${COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`);
    else out.write(`${rows === 0 ? '[\n' : ',\n'} ${jsonSafe(JSON.stringify(row, null, 1)).replace(/\n/g, '\n ')}`);
    rows += 1;
    if (out.mustWait) await out.drained();
  }
  if (format === 'json') out.write(rows === 0 ? '[]\n' : '\n]\n');
}
