/**
 * Everything read back from a journal is checked with the schemas input is checked with: a
 * damaged row (not JSON, a null command, a doctor stored as a number, a garbage roster) is a
 * JournalError naming the day and seq, never a crash further on.
 */
import { z } from 'zod';
import { RESULT_STATUSES, type Command, type Result, type Roster } from '../engine/index.js';
import { parseRoster } from '../schema/roster.js';
import { parseScriptLine } from '../schema/script-line.js';
import { JournalError } from './journal.js';
import { quickCommand } from './quick-check.js';

const optionalText = z.string().optional();
const resultSchema = z.looseObject({
  op: optionalText,
  status: z.enum(RESULT_STATUSES),
  token: optionalText,
  slot: optionalText,
  displaced: optionalText,
  promoted: optionalText,
  position: z.number().optional(),
  warning: optionalText,
  reason: optionalText,
  time: optionalText,
  error: optionalText,
});

/** Control characters as JSON.stringify writes them (\u001b) or leaves them (C1, bidi). */
const JSON_CONTROLS = /\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\\u202[a-eA-E]|\\u206[6-9]|\\[bfnrt]|[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const damaged = (location: string, date: string, seq: number, what: string) =>
  new JournalError(`the journal of ${date} in ${location} is damaged at seq ${seq}: ${what}. The file was left as it is; restore it from a backup`);

export function checkedCommand(location: string, date: string, seq: number, text: string): Command {
  // Most rows pass the quick check (the same rules, without zod's cost per row); others get the schemas.
  const quick = quickCommand(text);
  if (quick !== undefined) return quick;
  let parsed: ReturnType<typeof parseScriptLine>;
  try {
    parsed = parseScriptLine(text);
  } catch {
    throw damaged(location, date, seq, 'its command is nested too deeply');
  }
  if (parsed.ok) return parsed.command;
  // A journal written before names refused control characters may hold them: valid otherwise,
  // it is kept as recorded (the replay must see the same names) and shown neutralised.
  const withoutControls = text.replace(JSON_CONTROLS, '\\ufffd');
  if (withoutControls !== text && parseScriptLine(withoutControls).ok) return JSON.parse(text) as Command;
  throw damaged(location, date, seq, `its command is not valid (${parsed.error})`);
}

export function checkedResult(location: string, date: string, seq: number, text: string): Result {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged(location, date, seq, 'its result is not JSON');
  }
  if (!resultSchema.safeParse(value).success) throw damaged(location, date, seq, 'its result is not valid');
  // The value as recorded, not zod's copy: that one lists the keys in the schema's order, and a
  // replay compares results as JSON text.
  return value as Result;
}

export function checkedRoster(location: string, date: string, text: string): Roster {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new JournalError(`the journal of ${date} in ${location} has a damaged roster (not JSON); the file was left as it is`);
  }
  const parsed = parseRoster(value);
  if (!parsed.ok) throw new JournalError(`the journal of ${date} in ${location} has a damaged roster (${parsed.error}); the file was left as it is`);
  return parsed.roster;
}

export function checkedSeq(location: string, date: string, seq: unknown, expected: number): number {
  if (seq !== expected) {
    const shown = typeof seq === 'number' ? seq : String(seq);
    throw new JournalError(
      `the journal of ${date} in ${location} has been altered: expected seq ${expected}, found ${shown} (a row removed, added or renumbered). The file was left as it is; restore it from a backup`,
    );
  }
  return expected;
}
