/**
 * A token's whole story, from the day's log of commands: replayed on a fresh day of the same
 * roster, every event that names the token (booked, displaced by whom, promoted, rolled forward,
 * moved, checked in, called, completed, undone) in the order it happened. A token moved to
 * another doctor and the token it became share one story.
 *
 * A HistoryIndex replays the log once and then only what is new, so asking again (another token,
 * or the same one after the day moved on) costs the new commands, not the whole day.
 */
import { tickerLine } from './describe.js';
import type { DayEvent } from './events.js';
import { createDay, execute } from './execute.js';
import type { Command, Result } from './commands.js';
import { findToken, type Day } from './model.js';
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

interface Note {
  seq: number;
  desk: string | undefined;
  event: DayEvent;
}

export class HistoryIndex {
  private readonly day: Day;
  /** Every event that names a token, in log order (so in seq order). */
  private readonly notes: Note[] = [];
  /** Per token id, the indexes of its notes. */
  private readonly byToken = new Map<string, number[]>();
  /** Tokens linked by a move to another doctor. */
  private readonly links = new Map<string, string[]>();
  private last = 0;

  constructor(roster: Roster) {
    this.day = createDay(roster);
  }

  /** The last log entry taken in. */
  get seq(): number {
    return this.last;
  }

  /** Takes in log entries after `seq` (earlier ones are skipped). */
  add(entries: readonly LoggedCommand[]): this {
    for (const entry of entries) {
      if (entry.seq <= this.last) continue;
      const { result, events } = execute(this.day, entry.command, { ref: { key: 'seq', value: entry.seq } });
      for (const event of events) {
        const tokens = tokensOf(event);
        if (tokens.length === 0) continue;
        if (event.kind === 'moved') {
          this.link(event.token, event.to);
          this.link(event.to, event.token);
        }
        // An undo concerns every token the undone command touched, not only the one it names.
        const undone = event.kind === 'undone' && result.status === 'UNDONE' && result.undid.seq !== undefined ? this.tokensAt(result.undid.seq) : [];
        const index = this.notes.push({ seq: entry.seq, desk: entry.desk, event }) - 1;
        for (const token of new Set([...tokens, ...undone])) {
          const list = this.byToken.get(token);
          if (list) list.push(index);
          else this.byToken.set(token, [index]);
        }
      }
      this.last = entry.seq;
    }
    return this;
  }

  /** The history of `tokenId` (any case, `shr-1` works); empty if the log never names it. */
  history(tokenId: string): HistoryLine[] {
    const wanted = findToken(this.day, tokenId)?.id ?? tokenId.trim().toUpperCase();
    const story = new Set([wanted]);
    const next = [wanted];
    while (next.length > 0) {
      for (const other of this.links.get(next.pop()!) ?? []) {
        if (!story.has(other)) {
          story.add(other);
          next.push(other);
        }
      }
    }
    const indexes = [...new Set([...story].flatMap((token) => this.byToken.get(token) ?? []))].sort((a, b) => a - b);
    return indexes.map((i) => {
      const { seq, desk, event } = this.notes[i]!;
      return { seq, time: formatTime(event.at), text: tickerLine(this.day, event), ...(desk !== undefined && { desk }) };
    });
  }

  private link(from: string, to: string): void {
    this.links.set(from, [...(this.links.get(from) ?? []), to]);
  }

  /** Tokens named by the notes of log entry `seq` (found by binary search: notes are in seq order). */
  private tokensAt(seq: number): string[] {
    let low = 0;
    let high = this.notes.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.notes[mid]!.seq < seq) low = mid + 1;
      else high = mid;
    }
    const tokens: string[] = [];
    for (let i = low; i < this.notes.length && this.notes[i]!.seq === seq; i++) tokens.push(...tokensOf(this.notes[i]!.event));
    return tokens;
  }
}

/** The history of `tokenId` in `log`, a day of `roster` (replays the whole log: see HistoryIndex). */
export function tokenHistory(roster: Roster, log: readonly LoggedCommand[], tokenId: string): HistoryLine[] {
  return new HistoryIndex(roster).add(log).history(tokenId);
}
