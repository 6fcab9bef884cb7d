/**
 * View models of the day for the dashboard, computed once per day version and shared by every
 * component that asks (so a slice keeps its identity until the day really changes).
 */
import {
  countStatuses,
  formatPhone,
  formatTime,
  isActive,
  matchTokens,
  overflowQueue,
  waitAlertMinutes,
  waitingList,
  type Minutes,
  type Day,
  type Doctor,
  type Priority,
  type Source,
  type Token,
} from '../engine/index.js';
import type { DeskState } from './desk-store.js';

export interface ChipView {
  token: string;
  patient: string;
  source: Source;
  priority: Priority;
  bumps: number;
  /** At the counter (SPEC §5): in consultation now, or checked in and waiting to be called. */
  counter?: 'consulting' | 'checked-in';
  /** Checked in and waiting longer than the roster's `waitAlertMinutes`. */
  overdue?: boolean;
}

/** A patient at the counter: in consultation (minutes since the call) or waiting (since check-in). */
export interface WaitingView {
  token: string;
  patient: string;
  source: Source;
  minutes: number;
  overdue: boolean;
}

export interface SlotView {
  index: number;
  label: string;
  /** Minutes since midnight. */
  start: Minutes;
  end: Minutes;
  capacity: number;
  closed: boolean;
  /** The doctor is away for this slot (SPEC §5 `absent`): nothing is booked into it. */
  off?: boolean;
  /** The clock is inside this slot. */
  current: boolean;
  chips: ChipView[];
  completed: number;
}

export interface OverflowView extends ChipView {
  slot: string;
  /** The start of the slot they wait for, in minutes since midnight. */
  slotStart: Minutes;
  position: number;
}

export interface ColumnView {
  index: number;
  id: string;
  name: string;
  code: string;
  /** Seats used today (seated now or completed) and the day's total. */
  seatsUsed: number;
  seatsTotal: number;
  slots: SlotView[];
  overflow: OverflowView[];
  /** Who is with the doctor and who is checked in and waiting, in call order. */
  waiting: { consulting: WaitingView | null; queue: WaitingView[] };
}

export interface TotalsView {
  clock: string;
  issued: number;
  booked: number;
  waiting: number;
  completed: number;
  cancelled: number;
  noShow: number;
  unserved: number;
}

function counterOf(token: Token): ChipView['counter'] {
  if (token.doctor.inConsultation === token) return 'consulting';
  return token.checkedIn !== null && token.calledAt === null ? 'checked-in' : undefined;
}

function chipOf(token: Token, day: Day): ChipView {
  const counter = counterOf(token);
  const overdue = counter === 'checked-in' && day.clock - (token.checkedIn ?? day.clock) > waitAlertMinutes(day);
  return {
    token: token.id,
    patient: token.patient,
    source: token.source,
    priority: token.priority,
    bumps: token.bumps,
    ...(counter && { counter }),
    ...(overdue && { overdue }),
  };
}

function waitingOf(day: Day, doctor: Doctor): ColumnView['waiting'] {
  const list = waitingList(day, doctor);
  const view = ({ token, minutes, overdue }: { token: Token; minutes: number; overdue: boolean }): WaitingView => ({
    token: token.id,
    patient: token.patient,
    source: token.source,
    minutes,
    overdue,
  });
  return { consulting: list.consulting && view(list.consulting), queue: list.queue.map(view) };
}

function columnOf(day: Day, doctor: Doctor): ColumnView {
  const completed = new Map<number, number>();
  for (const token of doctor.tokens) {
    if (token.status === 'COMPLETED') completed.set(token.slot.index, (completed.get(token.slot.index) ?? 0) + 1);
  }
  const slots = doctor.slots.map((slot) => ({
    index: slot.index,
    label: slot.label,
    start: slot.start,
    end: slot.end,
    capacity: slot.capacity,
    closed: slot.closed,
    off: slot.off,
    current: !slot.closed && slot.start <= day.clock,
    chips: slot.booked.map((token) => chipOf(token, day)),
    completed: completed.get(slot.index) ?? 0,
  }));
  return {
    index: doctor.index,
    id: doctor.id,
    name: doctor.name,
    code: doctor.code,
    seatsUsed: slots.reduce((sum, s) => sum + s.chips.length + s.completed, 0),
    seatsTotal: slots.reduce((sum, s) => sum + s.capacity, 0),
    slots,
    waiting: waitingOf(day, doctor),
    overflow: overflowQueue(doctor).map((token, i) => ({ ...chipOf(token, day), slot: token.slot.label, slotStart: token.slot.start, position: i + 1 })),
  };
}

function totalsOf(day: Day): TotalsView {
  // The engine's status counter, the one the end-of-day report uses (MOVED/VOIDED are not unserved).
  const by = countStatuses(day.tokens);
  return {
    clock: formatTime(day.clock),
    issued: day.tokens.length,
    booked: by.BOOKED,
    waiting: by.WAITLISTED,
    completed: by.COMPLETED,
    cancelled: by.CANCELLED,
    noShow: by.NO_SHOW,
    unserved: by.UNSERVED,
  };
}

/** Caches one value per day, recomputed when the day's version moves. */
export function perVersion<T>(compute: (day: Day) => T): (state: DeskState) => T {
  const cache = new WeakMap<Day, { version: number; value: T }>();
  return (state) => {
    const hit = cache.get(state.day);
    if (hit && hit.version === state.version) return hit.value;
    const value = compute(state.day);
    cache.set(state.day, { version: state.version, value });
    return value;
  };
}

export const selectColumns = perVersion((day) => day.doctors.map((doctor) => columnOf(day, doctor)));
export const selectTotals = perVersion(totalsOf);

/** A patient the day left unserved: whom to call back, at which number. */
export interface CallBackView {
  token: string;
  patient: string;
  /** Formatted as the desk shows phones, or null when none was given. */
  phone: string | null;
  doctor: string;
  /** The slot they were waiting for. */
  slot: string;
}

/** The day's unserved patients, in issue order. */
export const selectCallBacks = perVersion((day): CallBackView[] =>
  day.tokens
    .filter((token) => token.status === 'UNSERVED')
    .map((token) => ({
      token: token.id,
      patient: token.patient,
      phone: token.phone === null ? null : formatPhone(token.phone, day.phoneRegion),
      doctor: token.doctor.name,
      slot: token.slot.label,
    })),
);

export interface ActiveMatch {
  token: string;
  patient: string;
  source: Source;
  doctor: string;
  slot: string;
  status: 'BOOKED' | 'WAITLISTED';
  /** As the desk shows a phone (national format at home), or null. */
  phone: string | null;
}

/**
 * Active tokens whose id contains the query (case-insensitive; `shr4` and `SHR-004` both find
 * SHR-004), or whose patient the engine's search finds by name or phone (`98450 12345` finds
 * `+91 98450-12345`), in issue order, at most `limit` of them.
 */
export function searchActive(day: Day, query: string, limit = 50): ActiveMatch[] {
  const needle = query.trim().toLowerCase();
  const compactNeedle = needle.replace(/[-\s]/g, '').replace(/^([a-z]+)0*(\d)/, '$1$2');
  const byNameOrPhone = new Set(needle === '' ? [] : matchTokens(day, query, { where: isActive }));
  const matches: ActiveMatch[] = [];
  for (const token of day.tokens) {
    if (token.status !== 'BOOKED' && token.status !== 'WAITLISTED') continue;
    const id = token.id.toLowerCase();
    const compactId = id.replace('-', '').replace(/^([a-z]+)0*(\d)/, '$1$2');
    if (needle !== '' && !id.includes(needle) && !compactId.includes(compactNeedle) && !byNameOrPhone.has(token)) continue;
    const phone = token.phone === null ? null : formatPhone(token.phone, day.phoneRegion);
    matches.push({
      token: token.id,
      patient: token.patient,
      source: token.source,
      doctor: token.doctor.name,
      slot: token.slot.label,
      status: token.status,
      phone,
    });
    if (matches.length >= limit) break;
  }
  return matches;
}
