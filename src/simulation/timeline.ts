/**
 * The seeded plan of a simulated day: who books when, who cancels, who does not come, and the
 * clock reaching each slot's end. Pure: the same roster, model and seed give the same timeline.
 * It holds no allocation logic; the runner turns each entry into an ordinary engine command.
 */
import { OPENING_TIME, parseTime, type Roster, type Source } from '../engine/index.js';
import { Seeded } from '../random/seeded.js';
import { NO_SHOW_AFTER_MINUTES, type ArrivalModel } from './arrival-model.js';
import { GIVEN_NAMES, SURNAMES } from './names.js';

export interface Patient {
  /** Index in the day's patient list; how later entries refer to this patient's token. */
  id: number;
  name: string;
  phone: string;
}

export type TimelineEntry =
  | { at: number; kind: 'book'; patient: Patient; doctor: string; source: Source; slot?: string }
  | { at: number; kind: 'cancel'; patient: number }
  | { at: number; kind: 'no-show'; patient: number }
  | { at: number; kind: 'clock' };

interface SlotTimes {
  start: number;
  end: number;
  label: string;
}

function slotTimes(roster: Roster, doctor: number): SlotTimes[] {
  return roster.doctors[doctor]!.slots
    .map((slot) => ({ start: parseTime(slot.start)!, end: parseTime(slot.end)!, label: slot.start }))
    .sort((a, b) => a.start - b.start);
}

/** A count drawn so that its average is `mean` (whole part, plus one with the fraction's chance). */
function countAround(random: Seeded, mean: number): number {
  const whole = Math.floor(mean);
  return whole + (random.chance(mean - whole) ? 1 : 0);
}

export function generateTimeline(roster: Roster, model: ArrivalModel, seed: number): TimelineEntry[] {
  const random = new Seeded(seed);
  const entries: TimelineEntry[] = [];
  const patients: Patient[] = [];
  const newPatient = (): Patient => {
    const id = patients.length;
    const patient = {
      id,
      name: `${random.pick(GIVEN_NAMES)} ${random.pick(SURNAMES)}`,
      // Unique per patient, so no booking is refused as a second token for one phone.
      phone: `9${String(800000000 + id * 7919).padStart(9, '0')}`,
    };
    patients.push(patient);
    return patient;
  };

  roster.doctors.forEach((doctor, d) => {
    const slots = slotTimes(roster, d);
    if (slots.length === 0) return;
    const open = slots[0]!.start;
    const close = slots.at(-1)!.end;

    // Before opening: pre-booked patients for a chosen slot, sources interleaved.
    const sources: Source[] = [
      ...Array<Source>(countAround(random, model.prebooked.online)).fill('ONLINE'),
      ...Array<Source>(countAround(random, model.prebooked.followUp)).fill('FOLLOW_UP'),
      ...Array<Source>(countAround(random, model.prebooked.paid)).fill('PAID'),
    ];
    for (let i = sources.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [sources[i], sources[j]] = [sources[j]!, sources[i]!];
    }
    for (const source of sources) {
      const slot = random.pick(slots);
      const patient = newPatient();
      entries.push({ at: OPENING_TIME, kind: 'book', patient, doctor: doctor.id, source, slot: slot.label });
      if (random.chance(model.cancelRate) && slot.start - 10 > OPENING_TIME) {
        entries.push({ at: random.int(OPENING_TIME + 1, slot.start - 10), kind: 'cancel', patient: patient.id });
      } else if (random.chance(model.noShowRate)) {
        entries.push({ at: slot.start + NO_SHOW_AFTER_MINUTES, kind: 'no-show', patient: patient.id });
      }
    }

    // Through the day: walk-ins from half an hour before opening until an hour before the close.
    const hours = (close - open) / 60;
    const walkIns = countAround(random, model.walkInsPerHour * hours);
    const from = Math.max(OPENING_TIME, open - 30);
    const to = Math.max(from, close - 60);
    for (let i = 0; i < walkIns; i++) {
      const at = random.int(from, to);
      const arrival = model.walkInsEarly ? Math.min(at, random.int(from, to)) : at;
      entries.push({ at: arrival, kind: 'book', patient: newPatient(), doctor: doctor.id, source: 'WALK_IN' });
    }
    // Emergencies: at a moment inside some slot, into the slot the clock is in.
    const emergencies = countAround(random, model.emergenciesPerDay);
    for (let i = 0; i < emergencies; i++) {
      const slot = random.pick(slots);
      entries.push({ at: random.int(slot.start, Math.max(slot.start, slot.end - 5)), kind: 'book', patient: newPatient(), doctor: doctor.id, source: 'EMERGENCY' });
    }
    for (const slot of slots) entries.push({ at: slot.end, kind: 'clock' });
  });

  // Time order; at the same minute the clock first (a slot that ends closes before anyone new
  // arrives), then bookings before cancellations and no-shows, then as generated.
  const rank = { clock: 0, book: 1, cancel: 2, 'no-show': 3 } as const;
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.at - b.entry.at || rank[a.entry.kind] - rank[b.entry.kind] || a.order - b.order)
    .map(({ entry }) => entry)
    .filter((entry, i, all) => entry.kind !== 'clock' || all[i - 1]?.kind !== 'clock' || all[i - 1]?.at !== entry.at);
}
