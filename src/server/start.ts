/**
 * Starts `opd-desk serve`: opens the journal, its server tables and the days, listens, and on
 * SIGTERM or SIGINT stops taking requests, answers the ones in flight, ends the event streams
 * and closes the journal.
 */
import type { Roster } from '../engine/index.js';
import { deskName } from '../journal/place.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';
import { buildServer } from './app.js';
import { DayHub } from './days.js';
import { ServerStore } from './store.js';

export interface StartOptions {
  host: string;
  port: number;
  file: string;
  roster: Roster;
  date?: string;
  logLevel?: string;
  /** How often to look for other processes' commits and the wall clock (ms). */
  pollMs?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export class ServeError extends Error {}

export async function startServer(options: StartOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const journal = SqliteJournal.open(options.file);
  const store = new ServerStore(journal.database);
  if (!store.hasKeys() && !LOOPBACK.has(options.host)) {
    journal.close();
    throw new ServeError(
      `no key is configured, so the server listens on loopback only and refuses --host ${options.host}. ` +
        'Add a key first (opd-desk keys add NAME --role desk), then every request must carry it.',
    );
  }
  const hub = new DayHub({ journal, store, roster: options.roster, desk: `server@${deskName().split('@')[1] ?? 'host'}`, pollMs: options.pollMs ?? 100 });
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
      hub.close();
      journal.close();
    })());
  return { url, close };
}
