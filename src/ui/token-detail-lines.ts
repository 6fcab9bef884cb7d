/**
 * A token's detail as lines for the screen: who, where, status, phone, source, expected time,
 * then its history from the journal, newest at the bottom, scrolled back `back` lines.
 */
import type { TokenDetail } from '../store/counter-selectors.js';
import { cutLine, type Line } from './lines.js';
import { SOURCE_STYLE } from './theme.js';

const STATUS_COLOR: Partial<Record<TokenDetail['status'], string>> = { BOOKED: 'green', WAITLISTED: 'magenta', UNSERVED: 'red', NO_SHOW: 'red' };

function facts(detail: TokenDetail): Line[] {
  const style = SOURCE_STYLE[detail.source];
  const at = [
    detail.expected !== null ? `expected about ${detail.expected}` : null,
    detail.checkedIn !== null ? `checked in ${detail.checkedIn}` : 'not checked in',
    detail.calledAt !== null ? `called ${detail.calledAt}` : null,
    detail.movedTo !== null ? `now ${detail.movedTo}` : null,
  ].filter((part): part is string => part !== null);
  return [
    [
      { text: `${detail.token} `, bold: true },
      { text: detail.patient, bold: true },
      { text: ` · ${detail.doctor} · ${detail.slot} · ` },
      { text: detail.status, bold: true, ...(STATUS_COLOR[detail.status] !== undefined && { color: STATUS_COLOR[detail.status] }) },
    ],
    [
      { text: 'source ', dim: true },
      { text: style.label, color: style.color, bold: style.bold ?? false },
      { text: ' · phone ', dim: true },
      { text: detail.phone ?? 'none given' },
    ],
    [{ text: at.join(' · '), ...(detail.expected !== null && { color: 'yellow' }) }],
  ];
}

/** The facts above the history: three lines, a blank and the "History" heading. */
const HEAD_LINES = 5;

/** How far back the history can scroll at this height: the lines that do not fit. */
export function maxHistoryBack(detail: TokenDetail, height: number): number {
  return Math.max(0, (detail.history?.length ?? 0) - Math.max(1, height - HEAD_LINES));
}

/** The lines of the detail screen, exactly `height` or fewer, none wider than `width`. */
export function tokenDetailLines(detail: TokenDetail, width: number, height: number, back: number): Line[] {
  const head = [...facts(detail), [{ text: ' ' }], [{ text: 'History', bold: true }] as Line];
  const history: Line[] =
    detail.history === null
      ? [[{ text: 'This day is kept in memory without its log: no history to show.', dim: true }]]
      : detail.history.length === 0
        ? [[{ text: 'Nothing recorded for this token.', dim: true }]]
        : detail.history.map((line) => [
            { text: `${line.time} `, dim: true },
            { text: `#${line.seq} `, dim: true },
            ...(line.desk !== undefined ? [{ text: `${line.desk} `, color: 'cyan' }] : []),
            { text: line.text },
          ]);
  const room = Math.max(1, height - HEAD_LINES);
  const end = history.length - Math.min(back, Math.max(0, history.length - room));
  const start = Math.max(0, end - room);
  const shown = history.slice(start, end);
  // The first line shown gives way to saying how many came before it.
  if (start > 0) shown[0] = [{ text: `  ↑ ${start + 1} earlier (↑ scrolls)`, dim: true }];
  return [...head, ...shown].slice(0, height).map((line) => cutLine(line, width));
}
