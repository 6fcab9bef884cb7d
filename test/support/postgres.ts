/**
 * A real PostgreSQL server for tests and benchmarks, started from the system's binaries in a
 * temporary folder: its own cluster, a free port on 127.0.0.1, its unix socket in the folder.
 * initdb refuses to run as root, so as root the server runs as an unprivileged user.
 */
import { execFileSync, execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';

const run = promisify(execFile);

export interface TestPostgres {
  readonly port: number;
  /** A connection string for `database` (as the superuser `opd`). */
  url(database: string): string;
  /** Creates an empty database and answers its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Runs one statement as the superuser in `database`. */
  sql(database: string, text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** pg_ctl restart -m fast: every connection is cut, the server comes back on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/N/bin, newest first. */
export function findPostgresBin(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of onPath) if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(debian, version, 'bin');
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  return undefined;
}

/** As root: an unprivileged account to run the server as (Debian's `postgres`, else `nobody`). */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // No such account: try the next.
    }
  }
  throw new Error('tests run as root, and there is neither a postgres nor a nobody account to run PostgreSQL as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server. `durable: false` (tests) turns off fsync for speed; benchmarks keep it on,
 * so a commit is on disk before it is acknowledged.
 */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error("PostgreSQL's initdb and pg_ctl were not found (install Debian's postgresql package)");
  const account = serverAccount();
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-pg-'));
  if (account) chownSync(folder, account.uid, account.gid);
  const data = join(folder, 'data');
  const as = (program: string, args: string[]) => {
    const command = join(bin, program);
    return account
      ? run('setpriv', [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', '--', command, ...args], { cwd: folder })
      : run(command, args, { cwd: folder });
  };
  await as('initdb', ['-D', data, '-U', 'opd', '-A', 'trust', '-N', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  appendFileSync(
    join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${folder}'`,
      'max_connections = 200',
      `fsync = ${durable ? 'on' : 'off'}`,
      `synchronous_commit = ${durable ? 'on' : 'off'}`,
      '',
    ].join('\n'),
  );
  const pgCtl = (...args: string[]) => as('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', ...args]);
  await pgCtl('start');
  const url = (database: string) => `postgres://opd@127.0.0.1:${port}/${database}`;
  const sql = async (database: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await client.query(text, values);
    } finally {
      await client.end();
    }
  };
  let stopped = false;
  return {
    port,
    url,
    sql,
    createDatabase: async (name) => {
      await sql('postgres', `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      return url(name);
    },
    restart: async () => {
      await pgCtl('-m', 'fast', 'restart');
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL server for the test file that calls this (at its top level): started before its
 * tests (handed to `started`), stopped after them. Returns how a test has something closed after it.
 */
export function postgresForFile(started: (postgres: TestPostgres) => void): (close: () => Promise<void>) => void {
  let postgres: TestPostgres | undefined;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
    started(postgres);
  }, 60_000);
  afterEach(async () => {
    while (closers.length > 0) await closers.pop()!();
  });
  afterAll(async () => {
    await postgres?.stop();
  });
  return (close) => void closers.push(close);
}
