/** Generated days of a chosen size for the benchmarks: a roster and a realistic command mix. */
import { formatTime, type Command, type Roster } from '../src/engine/index.js';
import { Seeded } from '../src/random/seeded.js';

const SOURCES = ['emergency', 'paid', 'follow-up', 'online', 'walk-in', 'walk-in', 'walk-in'];
const HOURS = [9, 10, 11, 12, 14, 15, 16];

function codeOf(index: number): string {
  let code = '';
  let n = index;
  for (let i = 0; i < 4; i++) {
    code = String.fromCharCode(65 + (n % 26)) + code;
    n = Math.floor(n / 26);
  }
  return code;
}

/**
 * `doctors` doctors with the default hours; capacity set so that about four in five bookings find
 * a seat, whatever the size, and the rest exercise the overflow queue, displacement and promotion.
 * With `flow`, a fifth of the commands are SPEC §5's: check-in, call, move (same doctor, another
 * slot) and undo, as a desk using the flow sends them.
 */
export function generateDay(doctors: number, commands: number, seed = 1, flow = false): { roster: Roster; commands: Command[] } {
  const random = new Seeded(seed);
  const bookingsPerDoctor = (commands * 0.75) / doctors;
  const capacity = Math.max(2, Math.round((bookingsPerDoctor * 0.8) / HOURS.length));
  const roster: Roster = {
    doctors: Array.from({ length: doctors }, (_, i) => ({
      id: `doc-${i}`,
      name: `Dr. Number ${i}`,
      code: codeOf(i),
      slots: HOURS.map((h) => ({ start: formatTime(h * 60), end: formatTime((h + 1) * 60), capacity })),
    })),
  };
  const issued: string[][] = roster.doctors.map(() => []);
  const issuedCount: number[] = [];
  const list: Command[] = [];
  // The clock closes one hour per step, evenly through the script; the last command closes the day.
  const clockEvery = Math.max(1, Math.floor(commands / HOURS.length));
  let hour = 0;
  while (list.length < commands) {
    const last = list.length === commands - 1;
    if (last || (list.length > 0 && list.length % clockEvery === 0 && hour < HOURS.length - 1)) {
      list.push({ op: 'clock', time: formatTime((HOURS[last ? HOURS.length - 1 : hour++]! + 1) * 60) });
      continue;
    }
    const d = random.int(0, doctors - 1);
    const roll = random.int(0, 99);
    const mine = issued[d]!;
    if (flow && roll >= 60 && roll < 80 && mine.length > 0) {
      const doctorRef = roster.doctors[d]!;
      const recent = mine[random.int(Math.max(0, mine.length - 10), mine.length - 1)]!;
      if (roll < 68) list.push({ op: 'check-in', token: recent });
      else if (roll < 74) list.push({ op: 'call', doctor: doctorRef.id });
      else if (roll < 78) list.push({ op: 'move', token: recent, slot: formatTime(random.pick(HOURS.slice(hour)) * 60) });
      else list.push({ op: 'undo' });
      continue;
    }
    if (roll < 80 || mine.length === 0) {
      const seq = (issuedCount[d] = (issuedCount[d] ?? 0) + 1);
      const open = HOURS.slice(hour);
      const slot = open.length > 0 && random.chance(0.6) ? formatTime(random.pick(open) * 60) : undefined;
      const doctorRef = roster.doctors[d]!;
      list.push({ op: 'book', doctor: doctorRef.id, patient: `Patient ${list.length}`, source: random.pick(SOURCES), ...(slot && { slot }) });
      mine.push(`${doctorRef.code}-${String(seq).padStart(3, '0')}`);
    } else {
      // Each token is cancelled or marked at most once, and mostly a recent one, as at a desk.
      const at = random.int(Math.max(0, mine.length - 40), mine.length - 1);
      const token = mine[at]!;
      mine[at] = mine[mine.length - 1]!;
      mine.pop();
      list.push({ op: roll < 93 ? 'cancel' : 'no-show', token });
    }
  }
  return { roster, commands: list };
}
