import { DeskError } from './errors.js';

/** Minutes since midnight; the engine's only unit of time. */
export type Minutes = number;

const CLOCK_PATTERN = /^(\d{1,2}):(\d{2})$/;

/** Parses `HH:MM` (or `H:MM`) into minutes; `null` when it is not a time of day. `24:00` is the day's end. */
export function parseTime(text: string): Minutes | null {
  const match = CLOCK_PATTERN.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

export function formatTime(minutes: Minutes): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatSlot(start: Minutes, end: Minutes): string {
  return `${formatTime(start)}-${formatTime(end)}`;
}

/** One end of a slot reference: `9`, `09`, `9:00` or `09:00`. */
function parseSlotEdge(text: string): Minutes | null {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const hours = Number(trimmed);
    return hours <= 24 ? hours * 60 : null;
  }
  return parseTime(trimmed);
}

export interface SlotReference {
  start: Minutes;
  end: Minutes | null;
}

/**
 * Parses the slot spellings of SPEC §1: `09:00`, `09:00-10:00` and the short `9-10`.
 * Throws a DeskError naming the text when it is none of them.
 */
export function parseSlotReference(text: string): SlotReference {
  const parts = text.split(/\s*[-–]\s*/);
  if (parts.length === 1 || parts.length === 2) {
    const start = parseSlotEdge(parts[0] ?? '');
    const end = parts.length === 2 ? parseSlotEdge(parts[1] ?? '') : null;
    if (start !== null && (parts.length === 1 || end !== null)) return { start, end };
  }
  throw new DeskError(`unknown slot "${text}" (write it as 09:00, 09:00-10:00 or 9-10)`, 'slot');
}
