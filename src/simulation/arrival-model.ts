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
  /** Share of pre-booked patients who never come (marked no-show five minutes into their slot). */
  noShowRate: number;
}

export const DEFAULT_ARRIVAL_MODEL: Readonly<ArrivalModel> = Object.freeze({
  prebooked: Object.freeze({ online: 8, followUp: 4, paid: 3 }),
  walkInsPerHour: 1.75,
  walkInsEarly: true,
  emergenciesPerDay: 2.5,
  cancelRate: 0.12,
  noShowRate: 0.12,
});

/** The minutes into a slot at which an absent patient is marked no-show. */
export const NO_SHOW_AFTER_MINUTES = 5;
