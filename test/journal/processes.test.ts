/** The journal under real processes: killed mid-stream, and two desks racing for one seat. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute, findToken, snapshot } from '../../src/engine/index.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { Seeded } from '../../src/random/seeded.js';
import { rosterOf } from '../support/day.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const RACER = join(import.meta.dirname, '../support/racing-desk.mjs');
const DATE = '2026-03-02';

function lines(child: ChildProcess): AsyncIterableIterator<string> {
  return createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('crash safety', () => {
  it('never loses an acknowledged booking when the desk is killed with SIGKILL at random moments', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-crash-')), 'desk.db');
    const random = new Seeded(20261121);
    const acknowledged = new Map<string, string>(); // token -> status, as printed by the desk
    let patient = 0;
    for (let round = 0; round < 25; round++) {
      const desk = spawn(process.execPath, [CLI, 'apply', '-', '--data', file, '--date', DATE, '--desk', `round${round}`], {
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      const output = lines(desk);
      // Feed bookings one by one; each printed line is an acknowledgement of a commit.
      const killAfter = random.int(1, 12);
      let acked = 0;
      while (acked < killAfter) {
        desk.stdin!.write(`${JSON.stringify({ op: 'book', doctor: random.pick(['sharma', 'reddy', 'kapoor']), patient: `Patient ${++patient}` })}\n`);
        const { value } = await output.next();
        const match = /^line \d+ +book +(ALLOCATED|WAITLISTED|REALLOCATED) ([A-Z]+-\d+)/.exec(value ?? '');
        expect(match, value).not.toBeNull();
        acknowledged.set(match![2]!, match![1]!);
        acked++;
      }
      // One more line in flight, then the kill lands somewhere in its handling.
      desk.stdin!.write(`${JSON.stringify({ op: 'book', doctor: 'sharma', patient: `Patient ${++patient}` })}\n`);
      await new Promise((resolve) => setTimeout(resolve, random.int(0, 3)));
      desk.kill('SIGKILL');
      await exited(desk);
    }
    // A fresh desk rebuilds the day from the journal, checking every recorded result.
    const journal = SqliteJournal.open(file);
    try {
      const restored = DeskSession.open({ journal, date: DATE, desk: 'check', fallbackRoster: defaultRoster() });
      const replay = createDay(defaultRoster());
      for (const entry of journal.read(DATE, 0)) execute(replay, entry.command);
      expect(snapshot(restored.day)).toBe(snapshot(replay));
      for (const [token, status] of acknowledged) {
        const kept = journal.read(DATE, 0).find((e) => 'token' in e.result && e.result.token === token);
        expect(kept?.result.status, token).toBe(status);
        expect(findToken(restored.day, token), token).toBeDefined();
      }
      expect(acknowledged.size).toBeGreaterThan(25);
    } finally {
      journal.close();
    }
  });
});

describe('two desks, one day', () => {
  it('gives the last seat to exactly one of two desks booking at the same moment, every time, and both converge', async () => {
    for (let round = 0; round < 12; round++) {
      const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-race-')), 'desk.db');
      const journal = SqliteJournal.open(file);
      const setup = DeskSession.open({ journal, date: DATE, desk: 'setup', roster: rosterOf({ sharma: [2] }), fallbackRoster: defaultRoster() });
      setup.submit({ op: 'book', doctor: 'sharma', slot: '09:00', patient: 'Already here' }); // one seat left
      journal.close();
      const desks = ['deskA', 'deskB'].map((desk) =>
        spawn(process.execPath, [RACER, file, DATE, desk, `Patient of ${desk}`, '3'], { stdio: ['pipe', 'pipe', 'inherit'] }),
      );
      const outputs = desks.map(lines);
      for (const output of outputs) expect((await output.next()).value).toBe('ready');
      for (const desk of desks) desk.stdin!.write('go\n');
      const reports = await Promise.all(
        outputs.map(async (output) => JSON.parse((await output.next()).value as string) as { result: { status: string }; snapshot: string }),
      );
      await Promise.all(desks.map(exited));
      expect(reports.map((r) => r.result.status).sort()).toEqual(['ALLOCATED', 'WAITLISTED']);
      expect(reports[0]!.snapshot).toBe(reports[1]!.snapshot);
    }
  });
});
