/** Arrival model files for `opd-desk simulate --model FILE`: any subset of the defaults. */
import { z } from 'zod';
import { DEFAULT_ARRIVAL_MODEL, type ArrivalModel } from '../simulation/arrival-model.js';
import { describeIssues, parseJsonText } from './issues.js';

const count = z.number({ error: 'must be a number' }).min(0, 'must be 0 or more').max(10_000, 'must be at most 10000');
const share = z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const modelSchema = z.strictObject({
  prebooked: z.strictObject({ online: count, followUp: count, paid: count }).partial().optional(),
  walkInsPerHour: count.optional(),
  walkInsEarly: z.boolean({ error: 'must be true or false' }).optional(),
  emergenciesPerDay: count.optional(),
  cancelRate: share.optional(),
  noShowRate: share.optional(),
});

export type ModelParse = { ok: true; model: ArrivalModel } | { ok: false; error: string };

export function parseArrivalModelText(text: string): ModelParse {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = modelSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const { prebooked, ...rest } = parsed.data;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const definedPrebooked = Object.fromEntries(Object.entries(prebooked ?? {}).filter(([, value]) => value !== undefined));
  return {
    ok: true,
    model: { ...DEFAULT_ARRIVAL_MODEL, ...defined, prebooked: { ...DEFAULT_ARRIVAL_MODEL.prebooked, ...definedPrebooked } },
  };
}
