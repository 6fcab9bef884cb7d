/**
 * Readers (export, report) replay a day without the ticker's events: the same day, the same
 * refusals (a result that replays differently, a broken chain), the same differences with
 * --replay-anyway, as the desk's replay; over random days.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDay, execute, snapshot, type Command, type Result } from '../../src/engine/index.js';
import { DeskSession } from '../../src/journal/session.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';

const DATE = '2026-03-02';
const folder = mkdtempSync(join(tmpdir(), 'opd-desk-reader-replay-'));
let files = 0;

type Damage = { kind: 'none' } | { kind: 'forged result'; at: number } | { kind: 'edited row'; at: number };

const damageArbitrary: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'forged result' as const, at })) },
  { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'edited row' as const, at })) },
);

/** Opens the day as `how` replays it: the outcome, or the refusal's message. */
function opened(file: string, fallbackRoster: Parameters<typeof createDay>[0], recentEvents: boolean, replayAnyway: boolean) {
  const journal = SqliteJournal.open(file, { readOnly: true });
  try {
    const session = DeskSession.open({ journal, date: DATE, desk: 'reader', fallbackRoster, recentEvents, replayAnyway });
    return { day: snapshot(session.day), appliedSeq: session.appliedSeq, mismatches: JSON.stringify(session.mismatches) };
  } catch (error) {
    return { refused: (error as Error).message };
  } finally {
    journal.close();
  }
}

describe('a reader replaying a day without events', () => {
  it('sees the same day, refuses the same days with the same message, and finds the same differences', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenarioArbitrary, damageArbitrary, ({ roster, commands }, damage) => {
        const file = join(folder, `day-${files++}.db`);
        const writer = SqliteJournal.open(file);
        writer.startDay({ date: DATE, roster }, 'test');
        const day = createDay(roster);
        const journaled: { command: Command; result: Result }[] = [];
        for (const relative of commands) {
          const command = resolveClock(relative, day.clock);
          const outcome = execute(day, command, { ref: { key: 'seq', value: journaled.length + 1 } });
          if (outcome.result.status !== 'ERROR') journaled.push({ command, result: outcome.result }); // as a desk journals
        }
        const seq = journaled.length;
        // A forged result lands on one of the entries journaled, whichever the day has.
        const forgedSeq = damage.kind === 'forged result' && seq > 0 ? (damage.at % seq) + 1 : 0;
        writer.exclusive((locked) => {
          journaled.forEach(({ command, result }, i) => {
            const forged: Result = { op: command.op, status: 'ERROR', error: 'forged' };
            locked.append(DATE, { seq: i + 1, command, result: i + 1 === forgedSeq ? forged : result, at: '2026-03-02T09:00:00.000Z', desk: 'test' });
          });
        });
        writer.close();
        if (damage.kind === 'edited row' && seq > 0) {
          const db = new Database(file);
          db.prepare('UPDATE commands SET at = ? WHERE seq = ?').run('2026-03-02T10:00:00.000Z', (damage.at % seq) + 1);
          db.close();
        }
        for (const replayAnyway of [false, true]) {
          const desk = opened(file, roster, true, replayAnyway);
          const reader = opened(file, roster, false, replayAnyway);
          expect(reader).toEqual(desk);
          if (desk.refused !== undefined) seen.add(desk.refused.includes('has been altered') ? 'broken chain' : 'replays differently');
          else if (desk.mismatches !== '[]') seen.add('differences kept');
        }
      }),
      { numRuns: 100 },
    );
    expect([...seen].sort()).toEqual(['broken chain', 'differences kept', 'replays differently']);
  });
});
