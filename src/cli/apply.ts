import { createDay, execute } from '../engine/index.js';
import { writeJsonReport } from '../script/json-report.js';
import type { CommandRunner, LineResult } from '../script/run-script.js';
import { OP_COLUMN, resultLine, textReportLines, textBoard } from '../script/text-report.js';
import { ChunkedOutput } from './chunked-output.js';
import { loadRoster } from './load-roster.js';
import { openDay, type DayOptions } from './open-day.js';
import { openScript, resultOfLine, scriptLines } from './script-input.js';
import { jsonSafe, terminalSafe, terminalSafeLines } from '../text/terminal-safe.js';

export interface ApplyOptions extends DayOptions {
  roster?: string;
  json?: boolean;
}

function reportErrors(file: string, results: readonly LineResult[]): void {
  for (const result of results) {
    if (result.status === 'ERROR') process.stderr.write(`${terminalSafe(`${file === '-' ? 'stdin' : file}:${result.line}: ${result.error}`)}\n`);
  }
}

/** `opd-desk apply FILE|-`: returns the exit status (0 all applied, 1 some line failed). */
export async function applyCommand(file: string, options: ApplyOptions): Promise<number> {
  if (options.data !== undefined) return applyDurably(file, options);
  const roster = loadRoster(options.roster);
  const day = createDay(roster);
  const results: LineResult[] = [];
  for await (const line of scriptLines(openScript(file))) {
    const result = resultOfLine(line, (command, ref) => execute(day, command, { events: false, ref }).result);
    if (result) results.push(result);
  }
  const failed = results.filter((r) => r.status === 'ERROR').length;
  const out = new ChunkedOutput();
  if (options.json) writeJsonReport((text) => out.write(jsonSafe(text)), day, results);
  else
    for (const line of textReportLines(day, results)) {
      out.write(`${terminalSafeLines(line)}\n`);
      if (out.mustWait) await out.drained();
    }
  await out.end();
  reportErrors(file, results);
  return failed > 0 ? 1 : 0;
}

/**
 * With --data: each line is committed to the journal as it is read, and (without --json) its
 * result is printed once it is durable, so what the output acknowledges is never lost.
 */
async function applyDurably(file: string, options: ApplyOptions): Promise<number> {
  const roster = options.roster === undefined ? undefined : loadRoster(options.roster);
  const input = openScript(file);
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
    for await (const scriptLine of scriptLines(input)) {
      const line = resultOfLine(scriptLine, run);
      if (!line) continue;
      results.push(line);
      if (!options.json) process.stdout.write(`${terminalSafe(`line ${line.line}  ${(line.op ?? '?').padEnd(OP_COLUMN)}  ${resultLine(line)}`)}\n`);
    }
    const failed = results.filter((r) => r.status === 'ERROR').length;
    if (options.json) {
      const out = new ChunkedOutput();
      writeJsonReport((text) => out.write(jsonSafe(text)), session.day, results);
      await out.end();
    } else
      process.stdout.write(
        terminalSafeLines(`${results.length} commands: ${results.length - failed} applied, ${failed} failed\n\n${textBoard(session.day)}\n`),
      );
    reportErrors(file, results);
    return failed > 0 ? 1 : 0;
  } finally {
    journal.close();
  }
}
