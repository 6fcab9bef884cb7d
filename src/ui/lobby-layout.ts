/**
 * The lobby board laid out for a TV: per doctor, the token in consultation in large type, the
 * next three and how many wait. Token numbers only: never a name or a phone. When the doctors
 * do not fit side by side, they are shown a page at a time.
 */
import type { WaitingRoomDoctor } from '../engine/index.js';
import { fitBig } from './big-type.js';
import { cut, type Line } from './lines.js';

export const LOBBY_MIN_COLUMN = 24;
export const LOBBY_GAP = 2;

export interface LobbyPaging {
  perPage: number;
  pages: number;
  columnWidth: number;
}

export function lobbyPaging(width: number, doctors: number): LobbyPaging {
  const perPage = Math.max(1, Math.min(doctors, Math.floor((width + LOBBY_GAP) / (LOBBY_MIN_COLUMN + LOBBY_GAP))));
  return { perPage, pages: Math.ceil(doctors / perPage), columnWidth: Math.floor((width - LOBBY_GAP * (perPage - 1)) / perPage) };
}

/** One doctor's column, exactly `height` lines or fewer, none wider than `width`. */
export function lobbyColumn(doctor: WaitingRoomDoctor, width: number, height: number): Line[] {
  const lines: Line[] = [
    [{ text: cut(doctor.name, width), bold: true, color: 'cyan' }],
    [{ text: 'Now seeing', dim: true }, ...(doctor.now === null ? [] : [{ text: ` ${doctor.now}`, bold: true }])],
  ];
  // Name, label, a blank, "Next", three tokens and the count take eight lines; large type gets the rest.
  const big = doctor.now === null ? null : fitBig(doctor.now, width, height - 8);
  if (doctor.now === null) lines.push(doctor.away ? [{ text: 'Away now', bold: true, color: 'magenta' }] : [{ text: '—', dim: true }]);
  else if (big === null) lines.push([{ text: doctor.now, bold: true, color: 'yellow' }]);
  else lines.push(...big.map((row): Line => [{ text: row, color: 'yellow', bold: true }]));
  lines.push([{ text: ' ' }], [{ text: 'Next', dim: true }]);
  if (doctor.next.length === 0) lines.push([{ text: '  nobody waiting', dim: true }]);
  for (const token of doctor.next) lines.push([{ text: `  ${token}`, bold: true }]);
  const more = doctor.waiting - doctor.next.length;
  lines.push([{ text: `${doctor.waiting} waiting${more > 0 ? ` (${more} more)` : ''}`, dim: doctor.waiting === 0 }]);
  return lines.slice(0, height).map((line) => line.map((segment) => ({ ...segment, text: cut(segment.text, width) })));
}
