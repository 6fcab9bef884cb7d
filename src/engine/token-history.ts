/**
 * A token's whole story, from the day's log of commands: replayed on a fresh day of the same
 * roster, every event that names the token (booked, displaced by whom, promoted, rolled forward,
 * moved, checked in, called, completed, undone) in the order it happened. A token moved to
 * another doctor and the token it became share one story.
 */
import { tickerLine } from './describe.js';
import type { DayEvent } from './events.js';
import { createDay, execute } from './execute.js';
import type { Command, Result } from './commands.js';
import { findToken } from './model.js';
import type { Roster } from './roster.js';
import { formatTime } from './time.js';

/** One command as the day's log holds it (a journal entry has these fields and more). */
export interface LoggedCommand {
  seq: number;
  command: Command;
  result: Result;
  /** Wall-clock time it was entered (ISO 8601), when the log knows it. */
  at?: string;
  /** Which desk entered it, when the log knows it. */
  desk?: string;
}

export interface HistoryLine {
  /** The log entry that caused it. */
  seq: number;
  /** The day's clock then (HH:MM). */
  time: string;
  desk?: string;
  text: string;
}

/** Token ids an event is about. */
function tokensOf(event: DayEvent): string[] {
  switch (event.kind) {
    case 'displaced':
      return [event.token, event.by];
    case 'moved':
      return [event.token, event.to];
    case 'rejected':
    case 'slot-closed':
    case 'clock':
    case 'absent':
      return [];
    case 'undone':
      return event.token === undefined ? [] : [event.token];
    default:
      return [event.token];
  }
}

interface Noted {
  seq: number;
  time: string;
  desk: string | undefined;
  text: string;
  tokens: string[];
}

/**
 * The history of `tokenId` (any case) in `log`, a day of `roster`; empty if the log never names
 * it. Replays the whole log, so call it when a receptionist asks, not on every frame.
 */
export function tokenHistory(roster: Roster, log: readonly LoggedCommand[], tokenId: string): HistoryLine[] {
  const day = createDay(roster);
  const notes: Noted[] = [];
  const touchedBy = new Map<number, Set<string>>();
  const links = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  };
  for (const entry of log) {
    const { result, events } = execute(day, entry.command, { ref: { key: 'seq', value: entry.seq } });
    const touched = new Set<string>();
    for (const event of events) {
      const tokens = tokensOf(event);
      if (tokens.length === 0) continue;
      if (event.kind === 'moved') link(event.token, event.to);
      // An undo concerns every token the undone command touched, not only the one it names.
      const undone = event.kind === 'undone' && result.status === 'UNDONE' && result.undid.seq !== undefined ? touchedBy.get(result.undid.seq) : undefined;
      const all = undone ? [...new Set([...tokens, ...undone])] : tokens;
      for (const token of all) touched.add(token);
      notes.push({ seq: entry.seq, time: formatTime(event.at), desk: entry.desk, text: tickerLine(day, event), tokens: all });
    }
    if (touched.size > 0) touchedBy.set(entry.seq, touched);
  }
  const wanted = findToken(day, tokenId)?.id ?? tokenId.trim().toUpperCase();
  // The token and every token it was moved from or to.
  const story = new Set([wanted]);
  const next = [wanted];
  while (next.length > 0) {
    for (const other of links.get(next.pop()!) ?? []) {
      if (!story.has(other)) {
        story.add(other);
        next.push(other);
      }
    }
  }
  return notes
    .filter((note) => note.tokens.some((token) => story.has(token)))
    .map(({ seq, time, desk, text }) => ({ seq, time, text, ...(desk !== undefined && { desk }) }));
}
