/**
 * Starts `opd-desk serve`: opens the journal, its server tables and the days, listens, and on
 * SIGTERM or SIGINT stops taking requests, answers the ones in flight, ends the event streams
 * and closes the journal.
 */
import { existsSync } from 'node:fs';
import type { Roster } from '../engine/index.js';
import { deskName } from '../journal/place.js';
import { isPostgresUrl, PgJournal } from '../journal/pg-journal.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';
import { buildServer } from './app.js';
import { DayHub } from './days.js';
import { PgDayHub } from './pg-days.js';
import { PgRecords } from './pg-records.js';
import type { ServerRecords } from './records.js';
import type { ServerDays } from './server-days.js';
import { ServerStore } from './store.js';

export interface StartOptions {
  host: string;
  port: number;
  /** An SQLite file, or a postgres:// connection string. */
  file: string;
  roster: Roster;
  date?: string;
  logLevel?: string;
  /** How often to look for other processes' commits and the wall clock (ms). */
  pollMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ServeError extends Error {}

/** The server's own copy of the class (it is bundled apart from the CLI): what `serve` tells apart. */
export { JournalError } from '../journal/journal.js';

interface Opened {
  hub: ServerDays;
  store: ServerRecords;
  close: () => Promise<void>;
}

/** The journal, the server's records and its days: in an SQLite file or in PostgreSQL. */
async function openData(options: StartOptions, desk: string): Promise<Opened> {
  if (isPostgresUrl(options.file)) {
    const journal = await PgJournal.open(options.file, { poolSize: 16 });
    const hub = new PgDayHub({ journal, roster: options.roster, desk });
    return { hub, store: new PgRecords(journal), close: async () => (await hub.close(), await journal.close()) };
  }
  const journal = SqliteJournal.open(options.file);
  const store = new ServerStore(journal.database);
  const hub = new DayHub({ journal, store, roster: options.roster, desk, pollMs: options.pollMs ?? 100 });
  return { hub, store, close: async () => (hub.close(), journal.close()) };
}

const withoutKeys = (host: string) =>
  new ServeError(
    `no key is configured, so the server listens on loopback only and refuses --host ${host}. ` +
      'Add a key first (opd-desk keys add NAME --role desk), then every request must carry it.',
  );

export async function startServer(options: StartOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const loopback = LOOPBACK.has(options.host);
  // A journal file that does not exist yet holds no key: refuse before creating it.
  if (!loopback && !isPostgresUrl(options.file) && !existsSync(options.file)) throw withoutKeys(options.host);
  const { hub, store, close: closeData } = await openData(options, `server@${deskName().split('@')[1] ?? 'host'}`);
  if (!loopback && !(await store.hasKeys())) {
    await closeData();
    throw withoutKeys(options.host);
  }
  const { app } = await buildServer({
    hub,
    store,
    ...(options.date !== undefined && { defaultDate: options.date }),
    logger: { level: options.logLevel ?? 'info' },
  });
  const url = await app.listen({ host: options.host, port: options.port });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await closeData();
    })());
  return { url, close };
}
