/** Desks on journal files for one test file: each journal is closed after each test. */
import { afterEach } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import type { Journal } from '../../src/journal/journal.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';

/** Registers the cleanup; the function it returns opens a desk ("deskA") at 09:30 UTC of `date` on a file. */
export function deskSessions(date: string): (file: string) => DeskSession {
  const journals: Journal[] = [];
  afterEach(() => {
    while (journals.length > 0) journals.pop()!.close();
  });
  return (file) => {
    const journal = SqliteJournal.open(file);
    journals.push(journal);
    return DeskSession.open({ journal, date, desk: 'deskA', fallbackRoster: defaultRoster(), now: () => new Date(`${date}T09:30:00Z`) });
  };
}
