/**
 * What `undo` would take back, in the words of the counter (`the check-in of SHR-002 Kiran
 * Shah`, `moving SHR-004 Meena Iyer to Dr. Rao 11:00-12:00 as RAO-005`), so the desk can say it
 * before asking.
 */
import { findToken, type Day, type HistoryEntry, type Slot, type Token } from './model.js';

export interface UndoPreview {
  /** e.g. `the check-in of SHR-002 Kiran Shah` */
  what: string;
  /** The reference of that command, for `undo`'s `expect`. */
  expect: number;
}

/** The slots an `absent` in the history turned off: its trail records of `off`. */
function slotsTurnedOff(day: Day, entry: HistoryEntry, end: number): Slot[] {
  const slots: Slot[] = [];
  for (let i = entry.start; i + 2 < end; i += 3) if (day.trail[i] === 'off') slots.push(day.trail[i + 1] as Slot);
  return slots;
}

function moveWords(day: Day, token: Token): string {
  const to = token.movedTo === null ? token : findToken(day, token.movedTo);
  if (to === undefined || to === token) return `moving ${token.id} ${token.patient} to ${token.slot.label}`;
  return `moving ${token.id} ${token.patient} to ${to.doctor.name} ${to.slot.label} as ${to.id}`;
}

/** The newest undoable command in words, or undefined when there is none in reach. */
export function describeUndo(day: Day): UndoPreview | undefined {
  const entry = day.history.at(-1);
  if (entry === undefined) return undefined;
  const token = entry.token === undefined ? undefined : findToken(day, entry.token);
  const name = token ? `${token.id} ${token.patient}` : (entry.token ?? '');
  let what: string;
  switch (entry.op) {
    case 'book':
      what = token ? `the booking of ${name} (${token.doctor.name}, ${token.slot.label})` : `the booking of ${name}`;
      break;
    case 'cancel':
      what = `cancelling ${name}`;
      break;
    case 'no-show':
      what = `marking ${name} no-show`;
      break;
    case 'check-in':
      what = `the check-in of ${name}`;
      break;
    case 'call':
      what = `calling ${name} in`;
      break;
    case 'done':
      what = `finishing ${name}'s consultation`;
      break;
    case 'move':
      what = token ? moveWords(day, token) : `moving ${name}`;
      break;
    case 'absent': {
      const slots = slotsTurnedOff(day, entry, day.trail.length);
      const doctor = slots[0]?.doctor.name ?? 'a doctor';
      what = `marking ${doctor} away (${slots.map((slot) => slot.label).join(', ')})`;
      break;
    }
    default:
      what = `${entry.op}${name === '' ? '' : ` ${name}`}`;
  }
  return { what, expect: entry.refValue };
}
