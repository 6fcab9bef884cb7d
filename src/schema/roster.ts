/** Roster files (SPEC §3): validated on load, every problem named by its field. */
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { parseTime, type Roster } from '../engine/index.js';
import { describeIssues, parseJsonText } from './issues.js';
import { plainText } from './names.js';

const time = z
  .string({ error: 'must be a time written HH:MM' })
  .refine((text) => /^\d{2}:\d{2}$/.test(text) && parseTime(text) !== null, { message: 'must be a time written HH:MM' });

const slotSchema = z
  .strictObject({
    start: time,
    end: time,
    capacity: z.number({ error: 'must be a whole number of seats' }).int('must be a whole number of seats').min(1, 'must be at least 1'),
  })
  .refine((slot) => (parseTime(slot.start) ?? 0) < (parseTime(slot.end) ?? 0), {
    message: 'must end after it starts',
    path: ['end'],
  });

const doctorSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "sharma"'),
    name: plainText(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters')),
    code: z.string().regex(/^[A-Z]{2,5}$/, 'must be 2 to 5 capital letters such as "SHR"'),
    department: z.string({ error: 'must be text such as "General Medicine"' }).trim().min(1, 'must not be empty').optional(),
    slots: z.array(slotSchema).min(1, 'must list at least one slot'),
  })
  .superRefine((doctor, ctx) => {
    const ordered = doctor.slots
      .map((slot, index) => ({ index, start: parseTime(slot.start) ?? 0, end: parseTime(slot.end) ?? 0 }))
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < ordered.length; i++) {
      const previous = ordered[i - 1]!;
      const current = ordered[i]!;
      if (current.start < previous.end) {
        ctx.addIssue({ code: 'custom', message: `overlaps slots[${previous.index}]`, path: ['slots', current.index] });
      }
    }
  });

const policySchema = z
  .strictObject({
    displacement: z.enum(['emergency-only', 'any-higher'], { error: 'must be "emergency-only" or "any-higher"' }),
    emergencyOverbook: z.number().int().min(0, 'must be 0 or more'),
    maxBumps: z.number().int().min(0, 'must be 0 or more'),
    overflowLimit: z.number().int().min(0, 'must be 0 or more').nullable(),
    noShowAtClose: z.boolean({ error: 'must be true or false' }),
  })
  .partial();

export const rosterSchema = z
  .strictObject({
    doctors: z.array(doctorSchema).min(1, 'must list at least one doctor'),
    policy: policySchema.optional(),
    phoneRegion: z
      .string({ error: 'must be a region code such as "IN"' })
      .refine((code) => isSupportedCountry(code), { message: 'must be a region code such as "IN" that libphonenumber-js knows' })
      .optional(),
    waitAlertMinutes: z
      .number({ error: 'must be a whole number of minutes' })
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1')
      .max(720, 'must be at most 720')
      .optional(),
    consultMinutes: z.number({ error: 'must be a number of minutes' }).min(1, 'must be at least 1').max(720, 'must be at most 720').optional(),
  })
  .superRefine((roster, ctx) => {
    // A doctor is referenced by id or name, case-insensitively: every such key must be unique.
    const owners = new Map<string, number>();
    roster.doctors.forEach((doctor, index) => {
      for (const [field, key] of [
        ['id', doctor.id],
        ['name', doctor.name],
      ] as const) {
        const lower = key.toLowerCase();
        const owner = owners.get(lower);
        if (owner !== undefined && owner !== index) {
          ctx.addIssue({ code: 'custom', message: `"${key}" is already used by doctors[${owner}]`, path: ['doctors', index, field] });
        }
        owners.set(lower, index);
      }
    });
    const codes = new Map<string, number>();
    roster.doctors.forEach((doctor, index) => {
      const owner = codes.get(doctor.code);
      if (owner !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${doctor.code}" is already used by doctors[${owner}]`, path: ['doctors', index, 'code'] });
      }
      codes.set(doctor.code, index);
    });
  });

export type RosterParse = { ok: true; roster: Roster } | { ok: false; error: string };

/** Validates a parsed roster document. */
export function parseRoster(document: unknown): RosterParse {
  const parsed = rosterSchema.safeParse(document);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  return { ok: true, roster: parsed.data as Roster };
}

/** Validates a roster file's text (JSON). */
export function parseRosterText(text: string): RosterParse {
  const json = parseJsonText(text);
  return json.ok ? parseRoster(json.value) : json;
}
