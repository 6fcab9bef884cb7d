/** Runs a JSON-lines command script (SPEC §3). No I/O: text in, results out. */
import { createDay, execute, type Command, type CommandReference, type Day, type Result, type Roster } from '../engine/index.js';
import { parseScriptLine } from '../schema/script-line.js';

export type LineResult = { line: number } & Result;

export interface ScriptRun {
  day: Day;
  results: LineResult[];
  failed: number;
}

/** Runs a parsed command; `ref` is how `undo` will name it (its line). */
export type CommandRunner = (command: Command, ref: CommandReference) => Result;

/**
 * One script line: a blank line gives undefined; a line that does not parse gives its ERROR;
 * otherwise `run` answers. Every way of applying a script (a fresh day, a journal) goes through here.
 */
export function runLine(source: string, line: number, run: CommandRunner): LineResult | undefined {
  if (source.trim() === '') return undefined;
  const parsed = parseScriptLine(source);
  const result: Result = parsed.ok
    ? run(parsed.command, { key: 'line', value: line })
    : { ...(parsed.op !== undefined && { op: parsed.op }), status: 'ERROR', error: parsed.error };
  return { line, ...result };
}

/** A whole script against a fresh day on `roster`. */
export function runScript(text: string, roster: Roster): ScriptRun {
  const day = createDay(roster);
  const run: CommandRunner = (command, ref) => execute(day, command, { events: false, ref }).result;
  const results: LineResult[] = [];
  let failed = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const result = runLine(lines[i] as string, i + 1, run);
    if (result === undefined) continue;
    if (result.status === 'ERROR') failed += 1;
    results.push(result);
  }
  return { day, results, failed };
}
