/**
 * What the waiting room may see of the day: per doctor, the token in consultation, the next ones
 * in call order, how many wait, and whether the doctor is away; token ids only, never a name or a
 * phone. The server's display feed and the lobby board both show this one view.
 */
import { callQueue } from './flow.js';
import type { Day } from './model.js';
import { formatTime } from './time.js';

/** How many of the next patients the waiting room sees under the one in consultation. */
export const WAITING_ROOM_NEXT = 3;

export interface WaitingRoomDoctor {
  id: string;
  code: string;
  name: string;
  /** The token in consultation, if anyone is. */
  now: string | null;
  /** The next checked-in tokens, in call order (at most WAITING_ROOM_NEXT). */
  next: string[];
  /** How many checked-in patients wait to be called. */
  waiting: number;
  /** Away (SPEC §5 `absent`): the slot the clock is in, or between slots the next one, is off. */
  away: boolean;
}

export interface WaitingRoom {
  clock: string;
  doctors: WaitingRoomDoctor[];
}

export function waitingRoomOf(day: Day): WaitingRoom {
  return {
    clock: formatTime(day.clock),
    doctors: day.doctors.map((doctor) => {
      const queue = callQueue(doctor);
      const current = doctor.slots.find((slot) => !slot.closed && day.clock < slot.end);
      return {
        id: doctor.id,
        code: doctor.code,
        name: doctor.name,
        now: doctor.inConsultation?.id ?? null,
        next: queue.slice(0, WAITING_ROOM_NEXT).map((token) => token.id),
        waiting: queue.length,
        away: current?.off === true,
      };
    }),
  };
}
