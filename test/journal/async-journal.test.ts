import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncFromSqlite } from '../../src/journal/async-journal.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { sharedJournalSuite } from './shared-journal-suite.js';

sharedJournalSuite('the SQLite journal through asyncFromSqlite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-async-')), 'desk.db');
  return { open: async () => asyncFromSqlite(SqliteJournal.open(file), { pollMs: 20 }) };
});
