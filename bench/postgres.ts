/**
 * The PostgreSQL journal: durable appends per second and their latency with 64 writers on one
 * day, through one journal instance and through two (two servers on one database), each
 * command in its own transaction or with GroupCommit (the writes waiting for the day's lock
 * committed together), and how
 * long a commit takes to reach the other instance's subscriber by NOTIFY. The server is a
 * fresh local cluster with fsync on: every acknowledged append is on disk.
 */
import { performance } from 'node:perf_hooks';
import { defaultRoster } from '../src/engine/index.js';
import type { JournalEntry } from '../src/journal/journal.js';
import { GroupCommit } from '../src/journal/group-commit.js';
import { PgJournal } from '../src/journal/pg-journal.js';
import { findPostgresBin, startPostgres, type TestPostgres } from '../test/support/postgres.js';
import { benchPgServe } from './pg-serve.js';
import { median, percentile, table } from './stats.js';

const DATE = '2026-03-02';
const WRITERS = 64;
const DURATION_MS = 4000;
const POOL = 16;

const entry = (seq: number, writer: number): JournalEntry => ({
  seq,
  command: { op: 'book', doctor: 'sharma', patient: `Patient ${seq}` },
  result: { op: 'book', status: 'ALLOCATED', token: `SHR-${seq}`, slot: '09:00-10:00' },
  at: new Date().toISOString(),
  desk: `bench-${writer}`,
});

interface Run {
  appends: number;
  perSecond: number;
  latencies: number[];
  notifyLatencies: number[];
}

/**
 * `instances` journals on one database share WRITERS writers; each append is what a server
 * does for a command: under the day's lock, read what others appended since, append the next.
 */
async function race(url: string, instances: number, grouped: boolean): Promise<Run> {
  const journals = await Promise.all(Array.from({ length: instances }, () => PgJournal.open(url, { poolSize: POOL })));
  const watcher = await PgJournal.open(url, { poolSize: 2 });
  try {
    await journals[0]!.startDay({ date: DATE, roster: defaultRoster() }, 'bench');
    const committedAt = new Map<number, number>();
    const heardAt = new Map<number, number>();
    const stop = await watcher.subscribe(DATE, (seq) => heardAt.set(seq, performance.now()));
    const applied = journals.map(() => 0);
    const writers = journals.map((journal) => (grouped ? new GroupCommit(journal) : journal));
    const latencies: number[] = [];
    const until = performance.now() + DURATION_MS;
    const start = performance.now();
    const writer = async (w: number) => {
      const i = w % instances;
      const journal = writers[i]!;
      while (performance.now() < until) {
        const began = performance.now();
        const seq = await journal.exclusive(DATE, async (locked) => {
          const missed = await locked.read(DATE, applied[i]!);
          const next = (missed.at(-1)?.seq ?? applied[i]!) + 1;
          await locked.append(DATE, entry(next, w));
          return next;
        });
        applied[i] = Math.max(applied[i]!, seq);
        const done = performance.now();
        committedAt.set(seq, done);
        latencies.push(done - began);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const seconds = (performance.now() - start) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    const notifyLatencies = [...committedAt].filter(([seq]) => heardAt.has(seq)).map(([seq, at]) => Math.max(0, heardAt.get(seq)! - at));
    const appends = await journals[0]!.lastSeq(DATE);
    return { appends, perSecond: appends / seconds, latencies, notifyLatencies };
  } finally {
    await watcher.close();
    await Promise.all(journals.map((journal) => journal.close()));
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function benchPostgres(): Promise<string> {
  if (findPostgresBin() === undefined) return "PostgreSQL's initdb and pg_ctl were not found: install Debian's postgresql package to run this benchmark.";
  let server: TestPostgres | undefined;
  try {
    server = await startPostgres({ durable: true });
    const version = (await server.sql('postgres', 'SHOW server_version')).rows[0].server_version as string;
    const rows: (string | number)[][] = [];
    for (const [instances, grouped] of [
      [1, false],
      [2, false],
      [1, true],
      [2, true],
    ] as const) {
      const run = await race(await server.createDatabase(`bench_${instances}_${grouped}`), instances, grouped);
      rows.push([
        `${instances} instance${instances === 1 ? '' : 's'}${grouped ? ', group commit' : ', one per commit'}`,
        run.appends,
        Math.round(run.perSecond),
        ms(median(run.latencies)),
        ms(percentile(run.latencies, 99)),
        ms(median(run.notifyLatencies)),
        ms(percentile(run.notifyLatencies, 99)),
      ]);
    }
    return [
      `PostgreSQL ${version}, fsync on, synchronous_commit on; ${WRITERS} concurrent writers on one day, shared among the instances; pool of ${POOL} connections per instance; ${DURATION_MS / 1000} s per run.`,
      'Notify: from the writer seeing its commit to a third instance hearing of it by NOTIFY (0 when the notification came first).',
      '',
      table(['run', 'appends', 'appends/s', 'p50', 'p99', 'notify p50', 'notify p99'], rows),
      '',
      await benchPgServe((name) => server!.createDatabase(name)),
    ].join('\n');
  } finally {
    await server?.stop();
  }
}
