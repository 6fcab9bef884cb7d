/**
 * How patients arrive in a simulated day. Every number is per doctor; the defaults are tuned so
 * that the default roster (28 seats a doctor) sees full slots, several displacements and
 * promotions, and an overflow queue during the day.
 */
export interface ArrivalModel {
  /** Bookings made before opening (at 08:00) for a slot chosen at random. */
  prebooked: { online: number; followUp: number; paid: number };
  /** Walk-ins arriving through opening hours, without a slot (they get the next free seat). */
  walkInsPerHour: number;
  /** Walk-ins come early, as at most OPDs: each arrives at the earlier of two random times. */
  walkInsEarly: boolean;
  /** Emergencies a day, each at a random moment into the slot the clock is in. */
  emergenciesPerDay: number;
  /** Share of pre-booked patients who cancel some time before their slot. */
  cancelRate: number;
  /** Share of pre-booked patients who never come: never checked in, NO_SHOW when their slot closes. */
  noShowRate: number;
  /** Share of pre-booked patients who check in after their slot has started (up to 40 minutes). */
  lateRate: number;
  /** Minutes a consultation takes: drawn evenly from mean − spread to mean + spread (at least 2). */
  consultMinutes: { mean: number; spread: number };
  /** Chance that, on a given seed, one doctor is away for an hour or two (their patients are rebooked). */
  doctorAwayChance: number;
}

export const DEFAULT_ARRIVAL_MODEL: Readonly<ArrivalModel> = Object.freeze({
  prebooked: Object.freeze({ online: 8, followUp: 4, paid: 3 }),
  walkInsPerHour: 1.75,
  walkInsEarly: true,
  emergenciesPerDay: 2.5,
  cancelRate: 0.12,
  noShowRate: 0.12,
  lateRate: 0.15,
  consultMinutes: Object.freeze({ mean: 12, spread: 5 }),
  doctorAwayChance: 0.4,
});
