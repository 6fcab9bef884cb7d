/**
 * The PostgreSQL journal on a real PostgreSQL server, started for this file in a temporary
 * folder: the shared journal behaviours, then what only a server database has (several
 * processes migrating at once, notifications, restarts, databases that are not ours).
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JournalUnavailableError } from '../../src/journal/async-journal.js';
import { GroupCommit } from '../../src/journal/group-commit.js';
import { JournalError } from '../../src/journal/journal.js';
import { isPostgresUrl, PgJournal, type PgExclusiveJournal, type PgJournalOptions } from '../../src/journal/pg-journal.js';
import { LOCK_NAMESPACE, MIGRATIONS, SCHEMA_VERSION } from '../../src/journal/pg/migrations.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { appendOne, entry, eventually, plain, sharedJournalSuite } from './shared-journal-suite.js';

const DATE = '2026-03-02';
let server: TestPostgres;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const freshDatabase = () => server.createDatabase(`journal_${++databases}`);

sharedJournalSuite('the PostgreSQL journal', async () => {
  const url = await freshDatabase();
  return { open: () => PgJournal.open(url, { pollMs: 60_000 }) };
});

const opened: PgJournal[] = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.close();
});
const open = async (url: string, options: PgJournalOptions = {}) => {
  const journal = await PgJournal.open(url, options);
  opened.push(journal);
  return journal;
};

/** Every table of the database's public schema, and every row of each: to prove nothing changed. */
async function contents(database: string): Promise<unknown> {
  const tables = (await server.sql(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.tablename as string);
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = (await server.sql(database, `SELECT * FROM "${table}" ORDER BY 1`)).rows;
  return rows;
}

describe('the PostgreSQL schema', () => {
  it('is created once when several servers start on an empty database at the same moment', async () => {
    const url = await freshDatabase();
    const journals = await Promise.all(Array.from({ length: 4 }, () => open(url)));
    expect(journals).toHaveLength(4);
    const database = `journal_${databases}`;
    expect((await server.sql(database, 'SELECT key, value FROM meta ORDER BY key')).rows).toEqual([
      { key: 'format', value: 'opd-desk-journal' },
      { key: 'version', value: String(SCHEMA_VERSION) },
    ]);
  });

  it('is migrated from an older opd-desk version, keeping the entries', async () => {
    const url = await freshDatabase();
    const database = `journal_${databases}`;
    for (const statement of MIGRATIONS[0]!) await server.sql(database, statement);
    await server.sql(database, "INSERT INTO meta (key, value) VALUES ('format', 'opd-desk-journal'), ('version', '1')");
    await server.sql(database, "INSERT INTO commands VALUES ('2026-03-02', 1, '{}', '{}', 'now', 'old@desk')");
    const journal = await open(url);
    expect(await journal.lastSeq(DATE)).toBe(1);
    expect((await server.sql(database, "SELECT value FROM meta WHERE key = 'version'")).rows[0].value).toBe(String(SCHEMA_VERSION));
    expect((await server.sql(database, 'SELECT count(*)::int AS n FROM idempotency')).rows[0].n).toBe(0);
  });

  it("refuses another program's database and leaves it as it was", async () => {
    const url = await freshDatabase();
    const database = `journal_${databases}`;
    await server.sql(database, 'CREATE TABLE patients (name TEXT, phone TEXT)');
    await server.sql(database, "INSERT INTO patients VALUES ('Asha', '98450 00000')");
    const before = await contents(database);
    await expect(open(url)).rejects.toThrow(/is a database of another program \(tables: patients\), not an opd-desk journal; it was left as it is/);
    await expect(open(url)).rejects.toBeInstanceOf(JournalError);
    expect(await contents(database)).toEqual(before);
  });

  it('refuses a journal written by a newer opd-desk and leaves it as it was', async () => {
    const url = await freshDatabase();
    const database = `journal_${databases}`;
    const journal = await open(url);
    await appendOne(journal, 1);
    await server.sql(database, "UPDATE meta SET value = '99' WHERE key = 'version'");
    const before = await contents(database);
    await expect(open(url)).rejects.toThrow(
      new RegExp(
        `written by a newer opd-desk \\(schema version 99; this one reads version ${SCHEMA_VERSION}\\); upgrade opd-desk to open it\\. The database was left as it is`,
      ),
    );
    expect(await contents(database)).toEqual(before);
  });

  it('answers that the journal is unavailable when nothing listens at the address', async () => {
    const error = await PgJournal.open(`postgres://opd@127.0.0.1:1/none`, { connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalUnavailableError);
    expect(String(error)).toMatch(/cannot be reached .*nothing was changed, try again/);
  });

  it('is chosen for postgres:// and postgresql:// addresses, the SQLite file for anything else', () => {
    expect(['postgres://opd@db:5432/opd', 'postgresql://db/opd', 'POSTGRES://db/opd'].map(isPostgresUrl)).toEqual([true, true, true]);
    expect(['desk.db', '/var/lib/opd/postgres.db', 'postgres.db', 'http://db/opd'].map(isPostgresUrl)).toEqual([false, false, false, false]);
  });

  it('never shows the password of the address in its messages', async () => {
    const error = await PgJournal.open(`postgres://opd:secret-word@127.0.0.1:1/none`, { connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(String(error)).not.toContain('secret-word');
  });
});

describe("a day's lock in PostgreSQL", () => {
  it('says so when another server holds the day too long, and appends nothing', async () => {
    const url = await freshDatabase();
    const journal = await open(url, { lockWaitMs: 100 });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, DATE]);
      await expect(appendOne(journal, 1)).rejects.toThrow(/stayed locked by another server for too long; try again/);
      await appendOne(journal, 1, '2026-03-03'); // another day is not held up
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await journal.lastSeq(DATE)).toBe(0);
    await appendOne(journal, 1);
  });
});

describe('PostgreSQL notifications', () => {
  it("delivers a commit made through one server to the other server's subscriber within a second", async () => {
    const url = await freshDatabase();
    // The safety-net poll is slowed to a minute: only NOTIFY can deliver in time.
    const [writer, reader] = [await open(url, { pollMs: 60_000 }), await open(url, { pollMs: 60_000 })];
    let heardAt = 0;
    await reader.subscribe(DATE, () => (heardAt = Date.now()));
    await appendOne(writer, 1);
    const committedAt = Date.now();
    await eventually(() => heardAt > 0, 1000);
    expect(heardAt - committedAt).toBeLessThan(1000);
  });

  it('notices by its slow poll a commit whose notification never came', async () => {
    const url = await freshDatabase();
    const reader = await open(url, { pollMs: 50 });
    const heard: number[] = [];
    await reader.subscribe(DATE, (seq) => heard.push(seq));
    // Written behind the journal's back: no NOTIFY.
    await server.sql(`journal_${databases}`, "INSERT INTO commands VALUES ($1, 1, '{}', '{}', 'now', 'elsewhere')", [DATE]);
    await eventually(() => heard.includes(1));
    expect(heard).toEqual([1]);
  });
});

describe('PostgreSQL restarted under use', () => {
  it('fails a write in flight as unavailable; the retry succeeds and subscribers hear it after the listener reconnects', async () => {
    const url = await freshDatabase();
    const journal = await open(url, { pollMs: 60_000 });
    const watcher = await open(url, { pollMs: 60_000 });
    await appendOne(journal, 1);
    const heard: number[] = [];
    await watcher.subscribe(DATE, (seq) => heard.push(seq));

    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let proceed!: () => void;
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    const inFlight = journal.exclusive(DATE, async (locked) => {
      const seq = (await locked.lastSeq(DATE)) + 1;
      inside();
      await gate;
      await locked.append(DATE, entry(seq));
    });
    const failure = inFlight.catch((e: unknown) => e);
    await entered;
    await server.restart();
    proceed();
    expect(await failure).toBeInstanceOf(JournalUnavailableError);

    await eventually(() => watcher.listening, 5000);
    await appendOne(journal, 2);
    expect(plain(await journal.read(DATE, 0))).toEqual([entry(1), entry(2)]);
    await eventually(() => heard.includes(2));
  });
});

describe('the server keys in PostgreSQL', () => {
  it('keeps an idempotent answer with its command, for any server to recall, and drops it with a failed write', async () => {
    const url = await freshDatabase();
    const [one, two] = [await open(url), await open(url)];
    const answer = { requestHash: 'h1', responseJson: '{"status":"ALLOCATED"}', seq: 1 };
    await one.exclusive(DATE, async (locked) => {
      await locked.append(DATE, entry(1));
      await locked.remember('key-1', answer);
    });
    expect(await two.exclusive(DATE, (locked) => locked.recall('key-1'))).toEqual(answer);
    await expect(
      one.exclusive(DATE, async (locked) => {
        await locked.remember('key-2', answer);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await two.exclusive(DATE, (locked) => locked.recall('key-2'))).toBeUndefined();
    expect(await two.exclusive('2026-03-03', (locked) => locked.recall('key-1'))).toBeUndefined();
  });

  it('says so, and keeps nothing, when the database rolled back a write whose failed statement was caught inside it', async () => {
    const journal = await open(await freshDatabase());
    const answer = { requestHash: 'h1', responseJson: '{}', seq: 1 };
    await expect(
      journal.exclusive(DATE, async (locked) => {
        await locked.append(DATE, entry(1));
        await locked.remember('key-1', answer);
        await locked.remember('key-1', answer).catch(() => undefined); // a duplicate key, swallowed
      }),
    ).rejects.toThrow(/the write to 2026-03-02 was rolled back by the database after an error inside it; nothing was kept/);
    expect(await journal.lastSeq(DATE)).toBe(0);
  });

  it('answers a retried key from the first answer inside a group commit, appending once', async () => {
    const journal = await open(await freshDatabase());
    const group = new GroupCommit<PgExclusiveJournal>(journal);
    const book = (key: string) =>
      group.exclusive(DATE, async (locked) => {
        const earlier = await locked.recall(key);
        if (earlier) return earlier.responseJson;
        const seq = (await locked.lastSeq(DATE)) + 1;
        await locked.append(DATE, entry(seq));
        const responseJson = JSON.stringify({ seq });
        await locked.remember(key, { requestHash: 'h', responseJson, seq });
        return responseJson;
      });
    const answers = await Promise.all([book('a'), book('b'), book('a')]);
    expect(answers).toEqual(['{"seq":1}', '{"seq":2}', '{"seq":1}']);
    expect(await journal.lastSeq(DATE)).toBe(2);
  });

  it("reads the day with its lock when told from where (readAfter): another server's entries, the last seq, then its own append", async () => {
    const url = await freshDatabase();
    const [one, two] = [await open(url), await open(url)];
    for (const seq of [1, 2, 3]) await appendOne(two, seq);
    const seen = await one.exclusive(
      DATE,
      async (locked) => {
        const missed = (await locked.read(DATE, 1)).map((e) => e.seq);
        const last = await locked.lastSeq(DATE);
        await locked.append(DATE, entry(4));
        return { missed, last, after: (await locked.read(DATE, 2)).map((e) => e.seq) };
      },
      { readAfter: 1 },
    );
    expect(seen).toEqual({ missed: [2, 3], last: 3, after: [3, 4] });
    // Nothing to read after the end: the last seq still comes with the lock.
    const empty = await one.exclusive(DATE, async (locked) => ({ read: await locked.read(DATE, 4), last: await locked.lastSeq(DATE) }), { readAfter: 4 });
    expect(empty).toEqual({ read: [], last: 4 });
    expect(plain(await two.read(DATE, 3))).toEqual([entry(4)]);
  });

  it('keeps any text exactly as given: quotes, backslashes, escapes and characters outside ASCII', async () => {
    const url = await freshDatabase();
    const journal = await open(url);
    await appendOne(journal, 1);
    const names = ["O'Brien \\ '' \\' \"quoted\"", "Ünal 李 🙂 $$ $1 E'x'", '\\u0041 \\n; COMMIT; --'];
    const written = names.map((patient, i) => ({ ...entry(i + 2), command: { op: 'book' as const, doctor: 'sharma', patient }, desk: `desk '${i}'` }));
    await journal.exclusive(DATE, async (locked) => {
      for (const one of written) await locked.append(DATE, one);
    });
    expect(plain(await journal.read(DATE, 1))).toEqual(written);
    expect(await journal.lastSeq(DATE)).toBe(4);
  });

  it('adds, finds, lists and revokes API keys by their hash', async () => {
    const journal = await open(await freshDatabase());
    expect(await journal.apiKeys.add('front', 'desk', 'hash-1', '2026-03-02T08:00:00Z')).toBe(true);
    expect(await journal.apiKeys.add('front', 'admin', 'hash-2', '2026-03-02T08:00:00Z')).toBe(false);
    expect(await journal.apiKeys.find('hash-1')).toMatchObject({ name: 'front', role: 'desk', revokedAt: null });
    expect(await journal.apiKeys.revoke('front', '2026-03-02T09:00:00Z')).toBe(true);
    expect(await journal.apiKeys.revoke('front', '2026-03-02T09:00:00Z')).toBe(false);
    expect(await journal.apiKeys.find('hash-1')).toBeUndefined();
    expect(await journal.apiKeys.list()).toEqual([
      { name: 'front', role: 'desk', hash: 'hash-1', createdAt: '2026-03-02T08:00:00Z', revokedAt: '2026-03-02T09:00:00Z' },
    ]);
  });
});
