/**
 * The replay's fast path for checking a stored command: a plain walk over the parsed JSON for
 * the shapes a journal holds (every field text, no control characters, names within their cap),
 * giving the same command the zod schemas give, fields in the same order. Anything it does not
 * recognise at once (a phone written as a number, an unknown field, a wrong type) returns
 * undefined and goes through the schemas, which accept it or say what is wrong. A property test
 * checks it never accepts what the schemas refuse, and gives the same command when it accepts.
 */
import type { Command, Op } from '../engine/index.js';
import { hasControls, MAX_PATIENT_NAME } from '../schema/names.js';

type Kind = 'text' | 'patient' | 'expect';
type Field = readonly [name: string, kind: Kind, required: boolean];

const text = (name: string, required = false): Field => [name, 'text', required];
const TARGET = [text('token'), text('doctor'), text('patient')] as const;

/** Each op's fields in its schema's order (src/schema/script-line.ts). */
const FIELDS: Record<Op, readonly Field[]> = {
  book: [text('doctor'), text('slot'), ['patient', 'patient', false], text('source'), text('phone')],
  cancel: TARGET,
  'no-show': TARGET,
  clock: [text('time', true)],
  'check-in': TARGET,
  call: [text('doctor'), text('token')],
  done: [text('doctor'), text('token')],
  move: [text('token', true), text('doctor'), text('slot')],
  absent: [text('doctor', true), text('from'), text('to')],
  undo: [['expect', 'expect', false]],
};

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'expect') return typeof value === 'number' && Number.isInteger(value) && value > 0;
  if (typeof value !== 'string' || hasControls(value)) return false;
  return kind !== 'patient' || value.length <= MAX_PATIENT_NAME;
}

export function quickCommand(json: string): Command | undefined {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  const record = document as Record<string, unknown>;
  const op = record.op;
  if (typeof op !== 'string' || !Object.hasOwn(FIELDS, op)) return undefined;
  const fields = FIELDS[op as Op];
  const command: Record<string, unknown> = { op };
  let seen = 1;
  for (const [name, kind, required] of fields) {
    if (!Object.hasOwn(record, name)) {
      if (required) return undefined;
      continue;
    }
    const value = record[name];
    if (!fits(value, kind)) return undefined;
    command[name] = value;
    seen += 1;
  }
  // A field the op does not take: the schemas name it.
  if (Object.keys(record).length !== seen) return undefined;
  return command as unknown as Command;
}
