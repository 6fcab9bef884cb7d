/** Opens a journaled day for the desk, apply or simulate: the journal file, the session. */
import { existsSync } from 'node:fs';
import { defaultRoster, type Roster } from '../engine/index.js';
import { JournalError } from '../journal/journal.js';
import { defaultDataFile, deskName, localDate, parseDate } from '../journal/place.js';
import { DeskSession } from '../journal/session.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';

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

export function openDay(options: DayOptions, roster: Roster | undefined): OpenedDay {
  const file = options.data ?? defaultDataFile();
  const today = localDate();
  const date = options.date === undefined ? today : parseDate(options.date);
  const desk = options.desk ?? deskName();
  const journal = SqliteJournal.open(file);
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

/** Opens an existing journal to read a recorded day (log, export); never creates anything. */
export function openRecordedDay(options: DayOptions): OpenedDay {
  const file = options.data ?? defaultDataFile();
  if (!existsSync(file)) throw new JournalError(`there is no journal at ${file} (give --data the file the desk uses)`);
  const journal = SqliteJournal.open(file);
  const date = options.date === undefined ? localDate() : parseDate(options.date);
  if (!journal.day(date)) {
    const dates = journal.dates();
    journal.close();
    throw new JournalError(`${file} has no day ${date}${dates.length > 0 ? ` (it has: ${dates.join(', ')})` : ' (it has no days yet)'}`);
  }
  journal.close();
  return openDay({ ...options, data: file, date }, undefined);
}
