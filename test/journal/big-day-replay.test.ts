/** A day whose closing clock makes hundreds of thousands of events still opens. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute, type Command } from '../../src/engine/index.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';

const DATE = '2026-03-02';

describe('replaying a big day', () => {
  it('opens a day whose closing clock ends 30,000 tokens, rolled forward hour by hour: 200,000 events, once too many for a spread', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-big-replay-')), 'day.db');
    const roster = defaultRoster();
    const commands: Command[] = Array.from({ length: 30_000 }, (_, i) => ({ op: 'book', doctor: 'sharma', patient: `Patient ${i}` }));
    commands.push({ op: 'clock', time: '23:59' });
    const writer = SqliteJournal.open(file);
    writer.startDay({ date: DATE, roster }, 'test');
    const day = createDay(roster);
    writer.exclusive((locked) => {
      commands.forEach((command, i) =>
        locked.append(DATE, { seq: i + 1, command, result: execute(day, command, { events: false }).result, at: '2026-03-02T09:00:00.000Z', desk: 'test' }),
      );
    });
    writer.close();

    const journal = SqliteJournal.open(file, { readOnly: true });
    try {
      const session = DeskSession.open({ journal, date: DATE, desk: 'reader', fallbackRoster: roster });
      expect(session.appliedSeq).toBe(30_001);
      expect(session.day.tokens.filter((token) => token.status === 'BOOKED' || token.status === 'WAITLISTED')).toEqual([]);
      expect(session.recentEvents.length).toBeGreaterThan(150_000);
    } finally {
      journal.close();
    }
  }, 60_000);
});
