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
  lateRate: share.optional(),
  consultMinutes: z
    .strictObject({
      mean: z.number({ error: 'must be a number' }).min(2, 'must be at least 2').max(240, 'must be at most 240'),
      spread: count.max(120, 'must be at most 120'),
    })
    .partial()
    .optional(),
  doctorAwayChance: share.optional(),
});

export type ModelParse = { ok: true; model: ArrivalModel } | { ok: false; error: string };

export function parseArrivalModelText(text: string): ModelParse {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = modelSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const { prebooked, consultMinutes, ...rest } = parsed.data;
  const definedOf = (part: object | undefined) => Object.fromEntries(Object.entries(part ?? {}).filter(([, value]) => value !== undefined));
  return {
    ok: true,
    model: {
      ...DEFAULT_ARRIVAL_MODEL,
      ...definedOf(rest),
      prebooked: { ...DEFAULT_ARRIVAL_MODEL.prebooked, ...definedOf(prebooked) },
      consultMinutes: { ...DEFAULT_ARRIVAL_MODEL.consultMinutes, ...definedOf(consultMinutes) },
    },
  };
}
