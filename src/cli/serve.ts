/** `opd-desk serve` and `opd-desk keys`: the OPD server (SPEC §6) and its API keys. */
import { defaultDataFile, parseDate } from '../journal/place.js';
import { SqliteJournal } from '../journal/sqlite-journal.js';
import { ROLES, ServerStore, type Role } from '../server/store.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { dataAddress } from './data-address.js';
import { loadRoster } from './load-roster.js';
import { UsageError } from './usage-error.js';

export interface ServeOptions {
  host?: string;
  port?: string;
  data?: string;
  date?: string;
  roster?: string;
  logLevel?: string;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const port = Number(options.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not "${options.port}"`);
  const address = dataAddress(options.data);
  const roster = loadRoster(options.roster);
  const date = options.date === undefined ? undefined : parseDate(options.date);
  // The server's modules (Fastify and its plugins) load only for `serve`, not for every desk:
  // the bundled CLI imports the server's own bundle beside it (scripts/bundle-cli.mjs).
  const here = import.meta.url;
  const entry = here.endsWith('/opd-desk.js') ? new URL('./opd-desk-server.js', here) : new URL('../server/start.js', here);
  const { startServer, ServeError, JournalError: ServerJournalError } = (await import(entry.href)) as typeof import('../server/start.js');
  let server;
  try {
    server = await startServer({
      host: options.host ?? '127.0.0.1',
      port,
      file: options.data ?? defaultDataFile(),
      roster,
      ...(date && { date }),
      ...(options.logLevel && { logLevel: options.logLevel }),
    });
  } catch (error) {
    // A journal that cannot be opened (unreachable, not ours, newer): a message and exit 2.
    if (error instanceof ServeError || error instanceof ServerJournalError) throw new UsageError(error.message);
    throw error;
  }
  const shown = address === undefined ? defaultDataFile() : address.kind === 'file' ? address.file : address.shown;
  // Fastify names one address; on a wildcard host the server answers on every interface.
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const where = wildcard ? `on every interface (${options.host}), port ${new URL(server.url).port}; here ${server.url}` : server.url;
  process.stderr.write(`opd-desk: serving ${where} (journal ${terminalSafe(shown)}); docs at ${server.url}/docs\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      void server.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}

function openStore(data: string | undefined): { journal: SqliteJournal; store: ServerStore } {
  const journal = SqliteJournal.open(data ?? defaultDataFile());
  return { journal, store: new ServerStore(journal.database) };
}

export function keysAdd(name: string, options: { role?: string; data?: string }): number {
  const role = options.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role takes one of ${ROLES.join(', ')}${role ? `, not "${role}"` : ''}`);
  const { journal, store } = openStore(options.data);
  try {
    const key = store.addKey(name, role);
    process.stdout.write(`${key}\n`);
    process.stderr.write(`Key "${name}" (${role}) added. It is shown only this once: keep it now.\n`);
    return 0;
  } catch (error) {
    throw new UsageError((error as Error).message);
  } finally {
    journal.close();
  }
}

export function keysList(options: { data?: string }): number {
  const { journal, store } = openStore(options.data);
  try {
    const keys = store.listKeys();
    if (keys.length === 0) process.stdout.write('no keys (the server listens on loopback only)\n');
    for (const key of keys) process.stdout.write(`${key.name}\t${key.role}\t${key.createdAt}\n`);
    return 0;
  } finally {
    journal.close();
  }
}

export function keysRevoke(name: string, options: { data?: string }): number {
  const { journal, store } = openStore(options.data);
  try {
    if (!store.revokeKey(name)) throw new UsageError(`there is no key named "${name}"`);
    process.stdout.write(`revoked ${name}\n`);
    return 0;
  } finally {
    journal.close();
  }
}
