/** Runs a JSON-lines command script against a fresh day (SPEC §3). No I/O: text in, results out. */
import { createDay, execute, type Day, type Result, type Roster } from '../engine/index.js';
import { parseScriptLine } from '../schema/script-line.js';

export type LineResult = { line: number } & Result;

export interface ScriptRun {
  day: Day;
  results: LineResult[];
  failed: number;
}

export function runScript(text: string, roster: Roster): ScriptRun {
  const day = createDay(roster);
  const results: LineResult[] = [];
  let failed = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i] as string;
    if (source.trim() === '') continue;
    const parsed = parseScriptLine(source);
    const result: Result = parsed.ok
      ? execute(day, parsed.command, { events: false }).result
      : { ...(parsed.op !== undefined && { op: parsed.op }), status: 'ERROR', error: parsed.error };
    if (result.status === 'ERROR') failed += 1;
    results.push({ line: i + 1, ...result });
  }
  return { day, results, failed };
}
