/** Opens a journaled day for the desk, apply or simulate: the journal file, the session. */
import { defaultRoster, type ArchiveStore, type Roster } from '../engine/index.js';
import { JournalError } from '../journal/journal.js';
import { defaultDataFile, deskName, localDate, parseDate } from '../journal/place.js';
import { DeskSession } from '../journal/session.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { deskNameError } from '../schema/names.js';
import { UsageError } from './usage-error.js';

export interface DayOptions {
  data?: string;
  date?: string;
  desk?: string;
  replayAnyway?: boolean;
}

export interface OpenedDay {
  journal: SqliteJournal;
  session: DeskSession;
  file: string;
  date: string;
  today: boolean;
  desk: string;
}

/**
 * The journal for writing. Only the default location has its folders created on its own: a
 * --data path whose folder does not exist is more likely mistyped than meant. A new file is
 * announced on stderr, so a mistyped name is noticed.
 */
export function openJournalForWriting(options: DayOptions): { journal: SqliteJournal; file: string } {
  const file = options.data ?? defaultDataFile();
  const journal = SqliteJournal.open(file, { createFolder: options.data === undefined });
  if (journal.created) process.stderr.write(`opd-desk: new day journal created at ${terminalSafe(file)}\n`);
  return { journal, file };
}

export function openDay(options: DayOptions, roster: Roster | undefined): OpenedDay {
  const today = localDate();
  const date = options.date === undefined ? today : parseDate(options.date);
  const deskError = options.desk === undefined ? null : deskNameError(options.desk);
  if (deskError !== null) throw new UsageError(deskError);
  const desk = options.desk ?? deskName();
  const { journal, file } = openJournalForWriting(options);
  try {
    const session = DeskSession.open({
      journal,
      date,
      desk,
      ...(roster !== undefined && { roster }),
      fallbackRoster: defaultRoster(),
      ...(options.replayAnyway !== undefined && { replayAnyway: options.replayAnyway }),
    });
    return { journal, session, file, date, today: date === today, desk };
  } catch (error) {
    journal.close();
    throw error;
  }
}

export interface RecordedJournal {
  journal: SqliteJournal;
  file: string;
  date: string;
}

/** The refusal for a day a journal does not have, naming the days it has. */
export function noSuchDay(location: string, date: string, dates: readonly string[]): JournalError {
  return new JournalError(`${location} has no day ${date}${dates.length > 0 ? ` (it has: ${dates.join(', ')})` : ' (it has no days yet)'}`);
}

/** Opens an existing journal read-only on a recorded day (log, export, verify); never creates or writes anything. */
export function openRecordedJournal(options: DayOptions): RecordedJournal {
  const file = options.data ?? defaultDataFile();
  const date = options.date === undefined ? localDate() : parseDate(options.date);
  const journal = SqliteJournal.open(file, { readOnly: true });
  if (!journal.day(date)) {
    const dates = journal.dates();
    journal.close();
    throw noSuchDay(file, date, dates);
  }
  return { journal, file, date };
}

/**
 * A recorded day, replayed read-only (export), without the desk's ticker events; with `archive`,
 * in the engine's archive mode (finished tokens kept compact: for reading the day once).
 */
export function openRecordedDay(options: DayOptions, replay: { archive?: boolean | ArchiveStore } = {}): OpenedDay {
  const { journal, file, date } = openRecordedJournal(options);
  try {
    const session = DeskSession.open({
      journal,
      date,
      desk: 'reader',
      fallbackRoster: defaultRoster(),
      recentEvents: false,
      ...(replay.archive !== undefined && { archive: replay.archive }),
      ...(options.replayAnyway !== undefined && { replayAnyway: options.replayAnyway }),
    });
    return { journal, session, file, date, today: date === localDate(), desk: 'reader' };
  } catch (error) {
    journal.close();
    throw error;
  }
}
