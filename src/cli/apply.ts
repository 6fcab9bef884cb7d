import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { jsonReport } from '../script/json-report.js';
import { runLine, runScript, type CommandRunner, type LineResult } from '../script/run-script.js';
import { describeResult, textReport, textBoard } from '../script/text-report.js';
import { loadRoster } from './load-roster.js';
import { openDay, type DayOptions } from './open-day.js';
import { UsageError } from './usage-error.js';

export interface ApplyOptions extends DayOptions {
  roster?: string;
  json?: boolean;
}

function readError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
  return new UsageError(`cannot read script ${file}: ${why}`);
}

function readScript(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw readError(file, error);
  }
}

function reportErrors(file: string, results: readonly LineResult[]): void {
  for (const result of results) {
    if (result.status === 'ERROR') process.stderr.write(`${file === '-' ? 'stdin' : file}:${result.line}: ${result.error}\n`);
  }
}

/** `opd-desk apply FILE|-`: returns the exit status (0 all applied, 1 some line failed). */
export async function applyCommand(file: string, options: ApplyOptions): Promise<number> {
  if (options.data !== undefined) return applyDurably(file, options);
  const roster = loadRoster(options.roster);
  const { day, results, failed } = runScript(readScript(file), roster);
  process.stdout.write(options.json ? jsonReport(day, results) : textReport(day, results));
  reportErrors(file, results);
  return failed > 0 ? 1 : 0;
}

/**
 * With --data: each line is committed to the journal as it is read, and (without --json) its
 * result is printed once it is durable, so what the output acknowledges is never lost.
 */
async function applyDurably(file: string, options: ApplyOptions): Promise<number> {
  const roster = options.roster === undefined ? undefined : loadRoster(options.roster);
  if (file !== '-') {
    try {
      if (statSync(file).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    } catch (error) {
      throw readError(file, error);
    }
  }
  const input = file === '-' ? process.stdin : createReadStream(file);
  const { session, journal } = openDay(options, roster);
  const results: LineResult[] = [];
  try {
    // In the journal, undo names commands by their journal seq, as every desk of the day does.
    const run: CommandRunner = (command) => {
      try {
        return session.submit(command).at(-1)!.result;
      } catch (error) {
        return { op: command.op, status: 'ERROR', error: `not saved: ${(error as Error).message}` };
      }
    };
    let number = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      number += 1;
      const line = runLine(text, number, run);
      if (line === undefined) continue;
      results.push(line);
      if (!options.json) process.stdout.write(`line ${number}  ${(line.op ?? '?').padEnd(7)}  ${describeResult(line)}\n`);
    }
    const failed = results.filter((r) => r.status === 'ERROR').length;
    if (options.json) process.stdout.write(jsonReport(session.day, results));
    else process.stdout.write(`${results.length} commands: ${results.length - failed} applied, ${failed} failed\n\n${textBoard(session.day)}\n`);
    reportErrors(file, results);
    return failed > 0 ? 1 : 0;
  } finally {
    journal.close();
  }
}

