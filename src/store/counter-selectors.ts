/**
 * What the counter shows beyond the board: the lobby board for the waiting room (token numbers
 * only, never a name or a phone) and a token's detail, with its history from the day's log.
 */
import { expectedTime, findToken, formatPhone, formatTime, HistoryIndex, waitingRoomOf, type HistoryLine, type Source, type Status } from '../engine/index.js';
import type { DeskState } from './desk-store.js';
import { perVersion } from './selectors.js';

/** The lobby board: the waiting room's view of the day (the engine's, as the server's display feed). */
export const selectLobby = perVersion(waitingRoomOf);

export interface TokenDetail {
  token: string;
  patient: string;
  doctor: string;
  slot: string;
  status: Status;
  source: Source;
  phone: string | null;
  /** When to expect to go in (HH:MM), for a seated patient not yet called. */
  expected: string | null;
  checkedIn: string | null;
  calledAt: string | null;
  movedTo: string | null;
  /** Null when the day's keeper keeps no log of its commands. */
  history: HistoryLine[] | null;
}

/**
 * One history index per store (its log function): the first detail replays the day's log, later
 * ones only what was logged since.
 */
const indexes = new WeakMap<DeskState['log'], HistoryIndex>();

function historyOf(state: DeskState, token: string): HistoryLine[] | null {
  let index = indexes.get(state.log);
  if (!index) {
    // Asking for nothing new tells whether the keeper keeps a log at all, without reading one.
    if (state.log(Number.MAX_SAFE_INTEGER) === null) return null;
    index = new HistoryIndex(state.day.roster);
    indexes.set(state.log, index);
  }
  index.add(state.log(index.seq) ?? []);
  return index.history(token);
}

/** A token's detail, or undefined for a token the day does not have. The first one on a day replays its log. */
export function tokenDetail(state: DeskState, id: string): TokenDetail | undefined {
  const day = state.day;
  const token = findToken(day, id);
  if (!token) return undefined;
  const expected = expectedTime(day, token);
  return {
    token: token.id,
    patient: token.patient,
    doctor: token.doctor.name,
    slot: token.slot.label,
    status: token.status,
    source: token.source,
    phone: token.phone === null ? null : formatPhone(token.phone, day.phoneRegion),
    expected: expected === null ? null : formatTime(expected),
    checkedIn: token.checkedIn === null ? null : formatTime(token.checkedIn),
    calledAt: token.calledAt === null ? null : formatTime(token.calledAt),
    movedTo: token.movedTo,
    history: historyOf(state, token.id),
  };
}
