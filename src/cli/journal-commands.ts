/** `opd-desk log` (the audit trail), `opd-desk export` (every token of a day) and `opd-desk verify`. */
import { createDay, execute, type Command } from '../engine/index.js';
import { resultLine } from '../script/text-report.js';
import { localDate, localTime } from '../journal/place.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { ChunkedOutput } from './chunked-output.js';
import { TempFileArchiveStore } from './archive-file.js';
import { exportFormat, printExport } from './export-rows.js';
import { noSuchDay, openRecordedDay, openRecordedJournal, type DayOptions } from './open-day.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';
import { defaultDataFile, parseDate } from '../journal/place.js';

export function describeCommand(command: Command): string {
  const { op, ...fields } = command;
  return `${op} ${Object.entries(fields)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ')}`.trim();
}

const write = (text: string) => process.stdout.write(text);

/**
 * The day's commands and results, in order, with when and where each was entered, streamed
 * row by row in bounded memory. With --replay the day is replayed alongside and a result this
 * version replays differently is marked (`≠ replays as …`), so a day that will not open can
 * still be read and the difference seen (this holds the day in memory, as opening it does).
 */
export async function logCommand(options: DayOptions & { replay?: boolean }): Promise<number> {
  const { journal, file, date } = openRecordedJournal(options);
  const out = new ChunkedOutput();
  const write = (text: string) => out.write(text);
  try {
    const record = journal.day(date)!;
    const check = journal.verify(date);
    write(terminalSafe(`${file} · ${date} · ${record.roster.doctors.map((d) => d.name).join(', ')} · ${journal.lastSeq(date)} commands`) + '\n');
    const day = options.replay ? createDay(record.roster) : undefined;
    let differ = 0;
    for (const entry of journal.entries(date, 0)) {
      if (out.done) break;
      const at = new Date(entry.at);
      const time = Number.isNaN(at.getTime()) ? entry.at : `${localDate(at)} ${localTime(at)}:${String(at.getSeconds()).padStart(2, '0')}`;
      let mark = '';
      if (day !== undefined) {
        const replayed = execute(day, entry.command, { events: false }).result;
        if (JSON.stringify(replayed) !== entry.resultText) {
          differ += 1;
          mark = `  ≠ replays as ${resultLine(replayed)}`;
        }
      }
      write(
        terminalSafe(`${String(entry.seq).padStart(5)}  ${time}  ${entry.desk}  ${describeCommand(entry.command)}  →  ${resultLine(entry.result)}${mark}`) +
          '\n',
      );
      if (out.mustWait) await out.drained();
    }
    await out.end();
    if (differ > 0)
      process.stderr.write(`opd-desk: ${differ} result${differ === 1 ? '' : 's'} of ${date} replay differently with this version (marked ≠ above)\n`);
    if (!check.ok) {
      process.stderr.write(terminalSafe(`opd-desk: the journal of ${date} has been altered at seq ${check.seq}: ${check.problem}`) + '\n');
      return 1;
    }
    return 0;
  } finally {
    out.flush(); // what was read before a damaged row is still shown
    journal.close();
  }
}

/** Every token of the day (or, with --unserved, those to call back), as rebuilt from the journal, streamed as CSV or JSON. */
export async function exportCommand(options: DayOptions & { format?: string; unserved?: boolean }): Promise<number> {
  const format = exportFormat(options);
  const store = new TempFileArchiveStore();
  try {
    const { session, journal } = openRecordedDay(options, { archive: store });
    try {
      return await printExport(session.day, format, options.unserved === true);
    } finally {
      journal.close();
    }
  } finally {
    store.close();
  }
}

/** `opd-desk verify`: every day (or --date D) checked against its hash chain and recorded length. */
export function verifyCommand(options: DayOptions): number {
  const file = options.data ?? defaultDataFile();
  const journal = SqliteJournal.open(file, { readOnly: true });
  try {
    const dates = options.date === undefined ? journal.dates() : [parseDate(options.date)];
    if (options.date !== undefined && !journal.day(dates[0]!)) throw noSuchDay(file, dates[0]!, journal.dates());
    if (journal.version < 2) {
      write(
        terminalSafe(
          `${file} was written before tamper evidence (journal format ${journal.version}); open it once with opd-desk or apply --data to seal it, then verify again`,
        ) + '\n',
      );
      return 1;
    }
    let altered = 0;
    for (const date of dates) {
      const check = journal.verify(date);
      if (check.ok) write(`${date}: ${check.entries} entries, chain intact\n`);
      else {
        altered += 1;
        write(terminalSafe(`${date}: altered at seq ${check.seq}: ${check.problem}`) + '\n');
      }
    }
    if (dates.length === 0) write(terminalSafe(`${file} has no days yet`) + '\n');
    return altered > 0 ? 1 : 0;
  } finally {
    journal.close();
  }
}
