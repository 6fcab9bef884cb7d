import { describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { parseRoster, parseRosterText } from '../../src/schema/roster.js';

const slot = { start: '09:00', end: '10:00', capacity: 3 };
const doctor = { id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: [slot] };

function errorOf(document: unknown): string {
  const parsed = parseRoster(document);
  if (parsed.ok) throw new Error('expected the roster to be refused');
  return parsed.error;
}

describe('roster files', () => {
  it('accepts the default roster and the SPEC example', () => {
    expect(parseRoster(defaultRoster()).ok).toBe(true);
    expect(parseRoster({ doctors: [doctor], policy: { displacement: 'any-higher', overflowLimit: null } }).ok).toBe(true);
  });

  it('names a bad capacity by its path', () => {
    expect(errorOf({ doctors: [{ ...doctor, slots: [slot, { start: '10:00', end: '11:00', capacity: 0 }] }] })).toBe(
      'doctors[0].slots[1].capacity: must be at least 1',
    );
  });

  it('names a time that is not HH:MM', () => {
    expect(errorOf({ doctors: [{ ...doctor, slots: [{ ...slot, start: '9am' }] }] })).toBe('doctors[0].slots[0].start: must be a time written HH:MM');
  });

  it('refuses a slot that ends before it starts', () => {
    expect(errorOf({ doctors: [{ ...doctor, slots: [{ ...slot, end: '08:00' }] }] })).toBe('doctors[0].slots[0].end: must end after it starts');
  });

  it('refuses overlapping slots', () => {
    expect(errorOf({ doctors: [{ ...doctor, slots: [slot, { start: '09:30', end: '10:30', capacity: 1 }] }] })).toBe('doctors[0].slots[1]: overlaps slots[0]');
  });

  it('refuses a doctor id, name or code used twice', () => {
    const twin = { ...doctor, id: 'sharma2', code: 'SHA' };
    expect(errorOf({ doctors: [doctor, twin] })).toBe('doctors[1].name: "Dr. Sharma" is already used by doctors[0]');
    expect(errorOf({ doctors: [doctor, { ...doctor, id: 'other', name: 'Dr. Other' }] })).toBe('doctors[1].code: "SHR" is already used by doctors[0]');
  });

  it('refuses a misspelt policy key instead of ignoring it', () => {
    expect(errorOf({ doctors: [doctor], policy: { maxbumps: 1 } })).toBe('policy: Unrecognized key: "maxbumps"');
  });

  it('refuses an unknown displacement policy', () => {
    expect(errorOf({ doctors: [doctor], policy: { displacement: 'everyone' } })).toBe('policy.displacement: must be "emergency-only" or "any-higher"');
  });

  it('refuses a bad code and an empty doctor list', () => {
    expect(errorOf({ doctors: [{ ...doctor, code: 'shr' }] })).toBe('doctors[0].code: must be 2 to 5 capital letters such as "SHR"');
    expect(errorOf({ doctors: [] })).toBe('doctors: must list at least one doctor');
  });

  it('reports text that is not JSON', () => {
    const parsed = parseRosterText('{doctors:');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/^not valid JSON/);
  });
});

describe('roster phoneRegion', () => {
  it('accepts a region libphonenumber-js knows and refuses another, naming the field', () => {
    const doctors = [{ id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: [{ start: '09:00', end: '10:00', capacity: 1 }] }];
    expect(parseRoster({ doctors, phoneRegion: 'US' })).toMatchObject({ ok: true });
    const refused = parseRoster({ doctors, phoneRegion: 'XX' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error).toMatch(/phoneRegion/);
  });
});
