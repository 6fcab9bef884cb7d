/** One line of a command script (SPEC §3), turned into an engine command or a clear error. */
import { z } from 'zod';
import { OPS, type Command } from '../engine/index.js';
import { describeIssues } from './issues.js';
import { MAX_PATIENT_NAME, plainText } from './names.js';

/** Phones are often written as numbers in hand-made JSON; keep them as text. */
const phone = plainText(z.union([z.string(), z.number().transform(String)], { error: 'must be text such as "98450 12345"' }));
const text = (what: string) => plainText(z.string({ error: `must be ${what}` }));
const patientName = plainText(z.string({ error: "must be the patient's name" }).max(MAX_PATIENT_NAME, `must be at most ${MAX_PATIENT_NAME} characters`));

const schemas = {
  book: z.strictObject({
    op: z.literal('book'),
    doctor: text('a doctor id or name').optional(),
    slot: text('a slot such as "09:00" or "9-10"').optional(),
    patient: patientName.optional(),
    source: text('a source such as "walk-in"').optional(),
    phone: phone.optional(),
  }),
  cancel: z.strictObject({
    op: z.literal('cancel'),
    token: text('a token such as "SHR-001"').optional(),
    doctor: text('a doctor id or name').optional(),
    patient: text("the patient's name").optional(),
  }),
  'no-show': z.strictObject({
    op: z.literal('no-show'),
    token: text('a token such as "SHR-001"').optional(),
    doctor: text('a doctor id or name').optional(),
    patient: text("the patient's name").optional(),
  }),
  clock: z.strictObject({
    op: z.literal('clock'),
    time: text('a time written HH:MM'),
  }),
  'check-in': z.strictObject({
    op: z.literal('check-in'),
    token: text('a token such as "SHR-001"').optional(),
    doctor: text('a doctor id or name').optional(),
    patient: text("the patient's name").optional(),
  }),
  call: z.strictObject({
    op: z.literal('call'),
    doctor: text('a doctor id or name').optional(),
    token: text('a token such as "SHR-001"').optional(),
  }),
  done: z.strictObject({
    op: z.literal('done'),
    doctor: text('a doctor id or name').optional(),
    token: text('a token such as "SHR-001"').optional(),
  }),
  move: z.strictObject({
    op: z.literal('move'),
    token: text('a token such as "SHR-001"'),
    doctor: text('a doctor id or name').optional(),
    slot: text('a slot such as "09:00" or "9-10"').optional(),
  }),
  absent: z.strictObject({
    op: z.literal('absent'),
    doctor: text('a doctor id or name'),
    from: text('a time written HH:MM').optional(),
    to: text('a time written HH:MM').optional(),
  }),
  undo: z.strictObject({
    op: z.literal('undo'),
    expect: z
      .number({ error: 'must be the line or sequence number of the command to undo' })
      .int('must be a whole number')
      .positive('must be 1 or more')
      .optional(),
  }),
} as const;

export type LineParse = { ok: true; command: Command } | { ok: false; op?: string; error: string };

function isOp(value: unknown): value is keyof typeof schemas {
  return typeof value === 'string' && (OPS as readonly string[]).includes(value);
}

/** Parses one non-blank script line. Rule errors are the engine's; this checks only shape. */
export function parseScriptLine(line: string): LineParse {
  let document: unknown;
  try {
    document = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, error: 'expected a JSON object such as {"op":"book",...}' };
  }
  const op = (document as { op?: unknown }).op;
  if (op === undefined) return { ok: false, error: `missing "op" (known: ${OPS.join(', ')})` };
  if (typeof op !== 'string') return { ok: false, error: `"op" must be text, one of: ${OPS.join(', ')}` };
  if (!isOp(op)) return { ok: false, op, error: `unknown op ${JSON.stringify(op)} (known: ${OPS.join(', ')})` };
  const parsed = schemas[op].safeParse(document);
  if (!parsed.success) return { ok: false, op, error: describeUnknownKeys(parsed.error, op) };
  // The zod output matches the engine's command shape for its op.
  return { ok: true, command: parsed.data as Command };
}

function describeUnknownKeys(error: z.ZodError, op: keyof typeof schemas): string {
  const unknown = error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    const allowed = Object.keys(schemas[op].shape)
      .filter((key) => key !== 'op')
      .join(', ');
    const keys = unknown.keys.map((key) => `"${key}"`).join(', ');
    return `unknown field${unknown.keys.length > 1 ? 's' : ''} ${keys} for ${op} (it takes ${allowed})`;
  }
  return describeIssues(error);
}

/** The per-op schemas, for the server's API bodies and OpenAPI document (one source of truth). */
export { schemas as scriptLineSchemas };
