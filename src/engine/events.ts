/**
 * What happened to whom, in order, as a command ran. A new token's first event is its
 * `seated` or `waitlisted` with via `booking`/`displacement`/`overbook`. The dashboard's ticker and the simulation's
 * report read these; the command's result says only what the desk asked about.
 */
export type DayEvent =
  | { kind: 'seated'; token: string; slot: string; doctor: string; via: SeatVia; at: number }
  | { kind: 'waitlisted'; token: string; slot: string; doctor: string; position: number; via: WaitVia; at: number }
  | { kind: 'displaced'; token: string; by: string; slot: string; doctor: string; at: number }
  | { kind: 'cancelled'; token: string; was: 'BOOKED' | 'WAITLISTED'; doctor: string; at: number }
  | { kind: 'no-show'; token: string; doctor: string; at: number }
  | { kind: 'rejected'; patient: string; doctor: string; reason: string; at: number }
  | { kind: 'slot-closed'; slot: string; doctor: string; at: number }
  | { kind: 'completed'; token: string; slot: string; doctor: string; at: number }
  | { kind: 'unserved'; token: string; doctor: string; at: number }
  | { kind: 'clock'; time: string; at: number }
  | { kind: 'checked-in'; token: string; doctor: string; at: number }
  | { kind: 'called'; token: string; slot: string; doctor: string; at: number }
  | { kind: 'moved'; token: string; to: string; doctor: string; at: number }
  | { kind: 'absent'; doctor: string; slots: string[]; at: number }
  | { kind: 'undone'; op: string; token?: string; at: number };

/** How a token came to a seat: a booking (free seat, displacement, overbook), a promotion, a roll-forward. */
export type SeatVia = 'booking' | 'displacement' | 'overbook' | 'promotion' | 'roll-forward';
/** How a token came to the overflow queue. */
export type WaitVia = 'booking' | 'displaced' | 'roll-forward';
