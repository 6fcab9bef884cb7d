/**
 * The seeded plan of a simulated day: who books when, who cancels, who checks in when (late, or
 * never), each doctor calling the next patient at a consult pace, on some seeds a doctor away for
 * an hour or two, and the clock reaching each slot's end. Pure: the same roster, model and seed give the same timeline.
 * It holds no allocation logic; the runner turns each entry into an ordinary engine command.
 */
import { OPENING_TIME, formatTime, parseTime, type Roster, type Source } from '../engine/index.js';
import { Seeded } from '../random/seeded.js';
import type { ArrivalModel } from './arrival-model.js';
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
  | { at: number; kind: 'check-in'; patient: number }
  | { at: number; kind: 'call'; doctor: string }
  | { at: number; kind: 'absent'; doctor: string; from: string; to: string }
  | { at: number; kind: 'clock' };

interface SlotTimes {
  start: number;
  end: number;
  label: string;
}

function slotTimes(roster: Roster, doctor: number): SlotTimes[] {
  return roster.doctors[doctor]!.slots.map((slot) => ({ start: parseTime(slot.start)!, end: parseTime(slot.end)!, label: slot.start })).sort(
    (a, b) => a.start - b.start,
  );
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
      } else if (!random.chance(model.noShowRate)) {
        // Those who come check in before their slot, or late; the rest never do (NO_SHOW at close).
        const at = random.chance(model.lateRate)
          ? random.int(slot.start + 1, slot.start + 40)
          : random.int(Math.max(OPENING_TIME, slot.start - 40), slot.start);
        entries.push({ at, kind: 'check-in', patient: patient.id });
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
      const patient = newPatient();
      entries.push({ at: arrival, kind: 'book', patient, doctor: doctor.id, source: 'WALK_IN' });
      entries.push({ at: arrival, kind: 'check-in', patient: patient.id });
    }
    // Emergencies: at a moment inside some slot, into the slot the clock is in.
    const emergencies = countAround(random, model.emergenciesPerDay);
    for (let i = 0; i < emergencies; i++) {
      const slot = random.pick(slots);
      const patient = newPatient();
      const at = random.int(slot.start, Math.max(slot.start, slot.end - 5));
      entries.push({ at, kind: 'book', patient, doctor: doctor.id, source: 'EMERGENCY' }, { at, kind: 'check-in', patient: patient.id });
    }
    for (const slot of slots) entries.push({ at: slot.end, kind: 'clock' });
    // The doctor calls the next patient every consultation, slot by slot.
    const { mean, spread } = model.consultMinutes;
    for (const slot of slots) {
      for (let at = slot.start; at < slot.end; at += Math.max(2, Math.round(mean - spread + random.int(0, Math.round(2 * spread))))) {
        entries.push({ at, kind: 'call', doctor: doctor.id });
      }
    }
  });
  if (random.chance(model.doctorAwayChance)) entries.push(...away(roster, random));

  // Time order; at the same minute the clock first (a slot that ends closes before anyone new
  // arrives), then bookings before cancellations and no-shows, then as generated.
  const rank = { clock: 0, book: 1, 'check-in': 2, absent: 3, cancel: 4, call: 5 } as const;
  const absence = entries.find((entry) => entry.kind === 'absent');
  return entries
    .filter((entry) => !(absence && entry.kind === 'call' && entry.doctor === absence.doctor && entry.at >= absence.at && entry.at < parseTime(absence.to)!))
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.at - b.entry.at || rank[a.entry.kind] - rank[b.entry.kind] || a.order - b.order)
    .map(({ entry }) => entry)
    .filter((entry, i, all) => entry.kind !== 'clock' || all[i - 1]?.kind !== 'clock' || all[i - 1]?.at !== entry.at);
}

/** One doctor away for one or two hours from the start of one of their slots, announced up to an hour before. */
function away(roster: Roster, random: Seeded): TimelineEntry[] {
  const d = random.int(0, roster.doctors.length - 1);
  const slots = slotTimes(roster, d);
  if (slots.length === 0) return [];
  const from = random.pick(slots).start;
  const to = Math.min(24 * 60, from + 60 * random.int(1, 2));
  const at = Math.max(OPENING_TIME, from - random.int(0, 60));
  return [{ at, kind: 'absent', doctor: roster.doctors[d]!.id, from: formatTime(from), to: formatTime(to) }];
}
