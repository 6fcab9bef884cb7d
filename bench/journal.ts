/**
 * The journal: durable commands per second (each committed and synced before the next), the
 * replay of a 100,000-command day, and the dashboard's start on that day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDay, defaultRoster, execute } from '../src/engine/index.js';
import { DeskSession } from '../src/journal/session.js';
import { SqliteJournal } from '../src/journal/sqlite-journal.js';
import { timeToScreen } from './pty.js';
import { median, table } from './stats.js';
import { generateDay } from './workload.js';

const DATE = '2026-03-02';

function durableRate(folder: string, commands = 400): number {
  const journal = SqliteJournal.open(join(folder, 'durable.db'));
  try {
    const session = DeskSession.open({ journal, date: DATE, desk: 'bench', fallbackRoster: defaultRoster() });
    const start = performance.now();
    for (let i = 0; i < commands; i++) session.submit({ op: 'book', doctor: ['sharma', 'reddy', 'kapoor'][i % 3]!, patient: `Patient ${i}` });
    return commands / ((performance.now() - start) / 1000);
  } finally {
    journal.close();
  }
}

/** A journal holding a 100,000-command day, written in one transaction (quicker to set up). */
function bigJournal(folder: string): string {
  const file = join(folder, 'big.db');
  const { roster, commands } = generateDay(30, 100_000, 5);
  const journal = SqliteJournal.open(file);
  journal.startDay({ date: DATE, roster }, 'bench');
  const day = createDay(roster);
  journal.exclusive((locked) => {
    commands.forEach((command, i) => {
      locked.append(DATE, { seq: i + 1, command, result: execute(day, command).result, at: '2026-03-02T09:00:00.000Z', desk: 'bench' });
    });
  });
  journal.close();
  return file;
}

function replayMs(file: string): number {
  const journal = SqliteJournal.open(file);
  try {
    const start = performance.now();
    DeskSession.open({ journal, date: DATE, desk: 'bench', fallbackRoster: defaultRoster() });
    return performance.now() - start;
  } finally {
    journal.close();
  }
}

export async function benchJournal(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'opd-desk-journal-bench-'));
  try {
    const rates = [durableRate(folder), durableRate(folder), durableRate(folder)];
    const file = bigJournal(folder);
    const replays = [replayMs(file), replayMs(file), replayMs(file)];
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) starts.push(await timeToScreen(`--data ${file} --date ${DATE}`, (screen) => screen.includes('seats ') && screen.includes('Dr. Number 2')));
    return table(
      ['measure', 'median'],
      [
        ['durable commands/s (synced commit each)', Math.round(median(rates)).toLocaleString('en-US')],
        ['replay of a 100,000-command day (verify each result)', `${median(replays).toFixed(0)} ms`],
        ['opd-desk start to board on that day', `${median(starts).toFixed(0)} ms`],
      ],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
