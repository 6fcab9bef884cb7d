/** Whether two rosters describe the same day: same doctors, slots and policy, whatever the key order. */
import { DEFAULT_POLICY, type Roster } from '../engine/index.js';

export function canonicalRoster(roster: Roster): string {
  return JSON.stringify({
    doctors: roster.doctors.map((d) => ({
      id: d.id,
      name: d.name,
      code: d.code,
      slots: d.slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity })),
    })),
    policy: { ...DEFAULT_POLICY, ...roster.policy },
  });
}

export function sameRoster(a: Roster, b: Roster): boolean {
  return canonicalRoster(a) === canonicalRoster(b);
}
