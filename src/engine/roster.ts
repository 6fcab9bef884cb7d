/** The roster and policy a day is built from (SPEC §1–2). Validated at the edge by src/schema. */

export type Displacement = 'emergency-only' | 'any-higher';

export interface Policy {
  /** Who may displace a patient from a full slot: emergencies only, or anyone of higher priority. */
  displacement: Displacement;
  /** How many emergencies a slot may hold over capacity when no one can be displaced. */
  emergencyOverbook: number;
  /** A patient displaced this many times is never displaced again. */
  maxBumps: number;
  /** The most entries a doctor's overflow queue may reach through new bookings; null = no limit. */
  overflowLimit: number | null;
  /** When a slot closes, its BOOKED tokens never checked in become NO_SHOW (SPEC §5). */
  noShowAtClose: boolean;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  displacement: 'emergency-only',
  emergencyOverbook: 0,
  maxBumps: 2,
  overflowLimit: null,
  noShowAtClose: false,
});

export interface SlotSpec {
  /** `HH:MM` */
  start: string;
  /** `HH:MM` */
  end: string;
  capacity: number;
}

export interface DoctorSpec {
  /** A slug such as `sharma`. */
  id: string;
  name: string;
  /** Token prefix such as `SHR`. */
  code: string;
  /** Optional department, such as `General Medicine` (SPEC §5). */
  department?: string;
  slots: SlotSpec[];
}

export interface Roster {
  doctors: DoctorSpec[];
  policy?: Partial<Policy>;
  /** Region for phones written without a country code (ISO 3166 code); default `IN`. */
  phoneRegion?: string;
  /** A checked-in patient waiting longer than this stands out on the desk (default 30). */
  waitAlertMinutes?: number;
  /** Minutes a consultation takes, for expected times; default: each slot's length ÷ its seats. */
  consultMinutes?: number;
}

/** How long a checked-in patient may wait before the desk makes them stand out, unless the roster says. */
export const DEFAULT_WAIT_ALERT_MINUTES = 30;

const DEFAULT_HOURS = [9, 10, 11, 12, 14, 15, 16] as const;

function hourlySlots(capacity: number): SlotSpec[] {
  const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return DEFAULT_HOURS.map((hour) => ({ start: hh(hour), end: hh(hour + 1), capacity }));
}

/** Three doctors, hourly slots 09–13 and 14–17 (lunch 13–14), four seats each. */
export function defaultRoster(): Roster {
  return {
    doctors: [
      { id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: hourlySlots(4) },
      { id: 'reddy', name: 'Dr. Reddy', code: 'RED', slots: hourlySlots(4) },
      { id: 'kapoor', name: 'Dr. Kapoor', code: 'KAP', slots: hourlySlots(4) },
    ],
  };
}
