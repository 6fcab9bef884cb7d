/**
 * `log`, `export`, `report`, `apply` and `keys` on a PostgreSQL journal (`--data postgres://…`):
 * the same output as on a file, read over the network. The journal is opened (and migrated)
 * once per command and closed before the command returns.
 */
import { createDay, defaultRoster, execute, type Result } from '../engine/index.js';
import { AsyncSession } from '../journal/async-session.js';
import { JournalError } from '../journal/journal.js';
import { PgJournal } from '../journal/pg-journal.js';
import { deskName, localDate, localTime, parseDate } from '../journal/place.js';
import { writeJsonReport } from '../script/json-report.js';
import type { LineResult } from '../script/run-script.js';
import { OP_COLUMN, resultLine, textBoard } from '../script/text-report.js';
import { parseScriptLine } from '../schema/script-line.js';
import { deskNameError } from '../schema/names.js';
import { PgRecords } from '../server/pg-records.js';
import { ROLES, type Role } from '../server/store.js';
import { buildReport, emptyCounters, reportJson, reportText } from '../simulation/report.js';
import { recordedCounter } from '../simulation/recorded-counters.js';
import { jsonSafe, terminalSafe, terminalSafeLines } from '../text/terminal-safe.js';
import { outputClosed } from './closed-output.js';
import { exportFormat, printExport } from './export-rows.js';
import { describeCommand } from './journal-commands.js';
import { loadRoster } from './load-roster.js';
import { noSuchDay, type DayOptions } from './open-day.js';
import { openScript, scriptLines } from './script-input.js';
import { UsageError } from './usage-error.js';

const write = (text: string) => process.stdout.write(text);

async function withJournal<T>(url: string, work: (journal: PgJournal) => Promise<T>): Promise<T> {
  const journal = await PgJournal.open(url, { poolSize: 2 });
  try {
    return await work(journal);
  } finally {
    await journal.close();
  }
}

/** A recorded day, replayed: refused, naming the days there are, when it was never started. */
async function recordedDay(journal: PgJournal, options: DayOptions, replay: { archive?: boolean } = {}): Promise<AsyncSession> {
  const date = options.date === undefined ? localDate() : parseDate(options.date);
  if ((await journal.day(date)) === undefined) {
    throw noSuchDay(journal.location, date, await journal.dates());
  }
  return AsyncSession.open({
    journal,
    date,
    desk: 'reader',
    ...(options.replayAnyway !== undefined && { replayAnyway: options.replayAnyway }),
    ...(replay.archive !== undefined && { archive: replay.archive }),
  });
}

export function pgLog(url: string, options: DayOptions & { replay?: boolean }): Promise<number> {
  return withJournal(url, async (journal) => {
    const session = await recordedDay(journal, { ...options, replayAnyway: true });
    const { date, roster, entries } = session;
    write(terminalSafe(`${journal.location} · ${date} · ${roster.doctors.map((d) => d.name).join(', ')} · ${entries.length} commands`) + '\n');
    const day = options.replay ? createDay(roster) : undefined;
    let differ = 0;
    for (const entry of entries) {
      if (outputClosed()) break;
      const at = new Date(entry.at);
      const time = Number.isNaN(at.getTime()) ? entry.at : `${localDate(at)} ${localTime(at)}:${String(at.getSeconds()).padStart(2, '0')}`;
      let mark = '';
      if (day !== undefined) {
        const replayed = execute(day, entry.command, { events: false, ref: { key: 'seq', value: entry.seq } }).result;
        if (JSON.stringify(replayed) !== (entry.resultText ?? JSON.stringify(entry.result))) {
          differ += 1;
          mark = `  ≠ replays as ${resultLine(replayed)}`;
        }
      }
      write(
        terminalSafe(`${String(entry.seq).padStart(5)}  ${time}  ${entry.desk}  ${describeCommand(entry.command)}  →  ${resultLine(entry.result)}${mark}`) +
          '\n',
      );
    }
    if (differ > 0)
      process.stderr.write(`opd-desk: ${differ} result${differ === 1 ? '' : 's'} of ${date} replay differently with this version (marked ≠ above)\n`);
    return 0;
  });
}

export function pgExport(url: string, options: DayOptions & { format?: string; unserved?: boolean }): Promise<number> {
  const format = exportFormat(options);
  return withJournal(url, async (journal) => {
    const session = await recordedDay(journal, options, { archive: true });
    return printExport(session.day, format, options.unserved === true);
  });
}

export function pgReport(url: string, options: DayOptions & { json?: boolean }): Promise<number> {
  return withJournal(url, async (journal) => {
    const session = await recordedDay(journal, options);
    const day = createDay(session.roster);
    const counters = emptyCounters();
    const count = recordedCounter(counters);
    for (const entry of session.entries) {
      const outcome = execute(day, entry.command, { ref: { key: 'seq', value: entry.seq } });
      count(entry.seq, outcome.result, outcome.events);
    }
    const report = buildReport(day, counters, { date: session.date });
    write(options.json ? reportJson(report) : `${reportText(report).join('\n')}\n`);
    return 0;
  });
}

/** Each line committed as it is read; its result printed once it is durable (as apply --data FILE). */
export async function pgApply(url: string, file: string, options: DayOptions & { roster?: string; json?: boolean }): Promise<number> {
  const roster = options.roster === undefined ? undefined : loadRoster(options.roster);
  const deskError = options.desk === undefined ? null : deskNameError(options.desk);
  if (deskError !== null) throw new UsageError(deskError);
  const input = openScript(file);
  const date = options.date === undefined ? localDate() : parseDate(options.date);
  return withJournal(url, async (journal) => {
    const session = await AsyncSession.open({
      journal,
      date,
      desk: options.desk ?? deskName(),
      ...(roster !== undefined && { roster }),
      fallbackRoster: defaultRoster(),
      ...(options.replayAnyway !== undefined && { replayAnyway: options.replayAnyway }),
    });
    const results: LineResult[] = [];
    for await (const line of scriptLines(input)) {
      let result: Result | undefined;
      if (!line.ok) result = { status: 'ERROR', error: line.error };
      else if (line.text.trim() !== '') {
        const parsed = parseScriptLine(line.text);
        if (!parsed.ok) result = { ...(parsed.op !== undefined && { op: parsed.op }), status: 'ERROR', error: parsed.error };
        else {
          try {
            result = (await session.submit(parsed.command)).at(-1)!.result;
          } catch (error) {
            result = { op: parsed.command.op, status: 'ERROR', error: `not saved: ${(error as Error).message}` };
          }
        }
      }
      if (result === undefined) continue;
      const lineResult = { line: line.number, ...result } as LineResult;
      results.push(lineResult);
      if (!options.json) write(`${terminalSafe(`line ${line.number}  ${(lineResult.op ?? '?').padEnd(OP_COLUMN)}  ${resultLine(lineResult)}`)}\n`);
    }
    const failed = results.filter((r) => r.status === 'ERROR');
    if (options.json) writeJsonReport((text) => write(jsonSafe(text)), session.day, results);
    else
      write(terminalSafeLines(`${results.length} commands: ${results.length - failed.length} applied, ${failed.length} failed\n\n${textBoard(session.day)}\n`));
    for (const result of failed)
      if (result.status === 'ERROR') process.stderr.write(`${terminalSafe(`${file === '-' ? 'stdin' : file}:${result.line}: ${result.error}`)}\n`);
    return failed.length > 0 ? 1 : 0;
  });
}

export function pgKeysAdd(url: string, name: string, role: string | undefined): Promise<number> {
  if (!role || !ROLES.includes(role as Role)) throw new UsageError(`--role takes one of ${ROLES.join(', ')}${role ? `, not "${role}"` : ''}`);
  return withJournal(url, async (journal) => {
    let key: string;
    try {
      key = await new PgRecords(journal).addKey(name, role as Role);
    } catch (error) {
      if (error instanceof JournalError) throw error;
      throw new UsageError((error as Error).message);
    }
    write(`${key}\n`);
    process.stderr.write(`Key "${name}" (${role}) added. It is shown only this once: keep it now.\n`);
    return 0;
  });
}

export function pgKeysList(url: string): Promise<number> {
  return withJournal(url, async (journal) => {
    const keys = await new PgRecords(journal).listKeys();
    if (keys.length === 0) write('no keys (the server listens on loopback only)\n');
    for (const key of keys) write(`${key.name}\t${key.role}\t${key.createdAt}\n`);
    return 0;
  });
}

export function pgKeysRevoke(url: string, name: string): Promise<number> {
  return withJournal(url, async (journal) => {
    if (!(await new PgRecords(journal).revokeKey(name))) throw new UsageError(`there is no key named "${name}"`);
    write(`revoked ${name}\n`);
    return 0;
  });
}
