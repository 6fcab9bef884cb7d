/**
 * The journal's behaviours, run against every implementation of AsyncJournal (the SQLite file
 * through asyncFromSqlite, PostgreSQL). A store is one journal that several instances open, as
 * several desks or servers would.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import type { AsyncJournal } from '../../src/journal/async-journal.js';
import { GroupCommit } from '../../src/journal/group-commit.js';
import { JournalError, type JournalEntry } from '../../src/journal/journal.js';
import { rosterOf } from '../support/day.js';

export interface JournalStore {
  /** Opens another instance on this store (another desk, another server). */
  open(): Promise<AsyncJournal>;
}

const DATE = '2026-03-02';

export const entry = (seq: number, desk = 'test@desk'): JournalEntry => ({
  seq,
  command: { op: 'book', doctor: 'sharma', patient: `P${seq}` },
  result: { op: 'book', status: 'ALLOCATED', token: `SHR-00${seq}`, slot: '09:00-10:00' },
  at: '2026-03-02T09:00:00.000Z',
  desk,
});

export const plain = (entries: JournalEntry[]) => entries.map(({ seq, command, result, at, desk }) => ({ seq, command, result, at, desk }));

/** Appends `entry(seq)` under the day's lock, with the seq the caller expects (starting the day if need be). */
export const appendOne = async (journal: AsyncJournal, seq: number, date = DATE) => {
  await journal.startDay({ date, roster: defaultRoster() }, 'test@desk');
  return journal.exclusive(date, async (locked) => locked.append(date, entry(seq)));
};

/** Resolves when `condition` holds, polling every 10 ms; rejects after `ms`. */
export async function eventually(condition: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sharedJournalSuite(name: string, freshStore: () => Promise<JournalStore>): void {
  describe(`${name}: the shared journal behaviours`, () => {
    const opened: AsyncJournal[] = [];
    afterEach(async () => {
      while (opened.length > 0) await opened.pop()!.close();
    });
    const openFresh = async () => {
      const store = await freshStore();
      const open = async () => {
        const journal = await store.open();
        opened.push(journal);
        return journal;
      };
      return { journal: await open(), open };
    };

    it('starts a day with its roster, and a second start keeps the first roster', async () => {
      const { journal } = await openFresh();
      expect(await journal.day(DATE)).toBeUndefined();
      await journal.startDay({ date: DATE, roster: defaultRoster() }, 'test@desk');
      expect(await journal.day(DATE)).toEqual({ date: DATE, roster: defaultRoster() });
      await journal.startDay({ date: DATE, roster: rosterOf({ reddy: [2] }) }, 'other@desk');
      expect((await journal.day(DATE))?.roster).toEqual(defaultRoster());
    });

    it('lists the dates of the days it holds, in order', async () => {
      const { journal } = await openFresh();
      expect(await journal.dates()).toEqual([]);
      for (const date of ['2026-03-04', '2026-03-02', '2026-03-03']) await journal.startDay({ date, roster: defaultRoster() }, 'test@desk');
      expect(await journal.dates()).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    });

    it('appends entries in order and reads them back after a seq, and streams them', async () => {
      const { journal } = await openFresh();
      await journal.startDay({ date: DATE, roster: defaultRoster() }, 'test@desk');
      expect(await journal.lastSeq(DATE)).toBe(0);
      await appendOne(journal, 1);
      await appendOne(journal, 2);
      expect(await journal.lastSeq(DATE)).toBe(2);
      expect(plain(await journal.read(DATE, 0))).toEqual([entry(1), entry(2)]);
      expect(plain(await journal.read(DATE, 1))).toEqual([entry(2)]);
      expect(await journal.read(DATE, 2)).toEqual([]);
      const scanned: unknown[] = [];
      await journal.scan(DATE, 0, (seq, command, resultText) => scanned.push([seq, command, JSON.parse(resultText)]));
      expect(scanned).toEqual([1, 2].map((n) => [n, entry(n).command, entry(n).result]));
      expect((await journal.read(DATE, 0))[0]?.resultText).toBe(JSON.stringify(entry(1).result));
    });

    it('reads a result back with its keys in the order they were recorded, as replays compare JSON text', async () => {
      const { journal } = await openFresh();
      await journal.startDay({ date: DATE, roster: defaultRoster() }, 'test@desk');
      // The engine writes `reason` before `warning`; the journal's result schema lists them the other way.
      const refused: JournalEntry = {
        ...entry(1),
        command: { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00', source: 'vip' },
        result: { op: 'book', status: 'REJECTED', slot: '09:00-10:00', reason: 'full', warning: 'unknown source "vip" treated as WALK_IN' },
      };
      await journal.exclusive(DATE, async (locked) => locked.append(DATE, refused));
      const [read] = await journal.read(DATE, 0);
      expect(JSON.stringify(read?.result)).toBe(JSON.stringify(refused.result));
    });

    it('keeps the days apart: each has its own numbering', async () => {
      const { journal } = await openFresh();
      await appendOne(journal, 1, '2026-03-02');
      await appendOne(journal, 1, '2026-03-03');
      await appendOne(journal, 2, '2026-03-03');
      expect(await journal.lastSeq('2026-03-02')).toBe(1);
      expect(plain(await journal.read('2026-03-03', 0))).toEqual([entry(1), entry(2)]);
    });

    it('refuses an append that would leave a gap or repeat a number', async () => {
      const { journal } = await openFresh();
      await expect(appendOne(journal, 2)).rejects.toThrow(/expected seq 1, got 2/);
      await appendOne(journal, 1);
      await expect(appendOne(journal, 1)).rejects.toThrow(/expected seq 2, got 1/);
      await expect(appendOne(journal, 1)).rejects.toBeInstanceOf(JournalError);
      expect(await journal.lastSeq(DATE)).toBe(1);
    });

    it('inside the lock, lastSeq counts its own appends and read returns them', async () => {
      const { journal } = await openFresh();
      await appendOne(journal, 1);
      const seen = await journal.exclusive(DATE, async (locked) => {
        const before = await locked.lastSeq(DATE);
        await locked.append(DATE, entry(before + 1));
        await locked.append(DATE, entry(before + 2));
        return { before, after: await locked.lastSeq(DATE), read: plain(await locked.read(DATE, 1)) };
      });
      expect(seen).toEqual({ before: 1, after: 3, read: [entry(2), entry(3)] });
      expect(await journal.lastSeq(DATE)).toBe(3);
    });

    it('keeps nothing of a write that throws', async () => {
      const { journal } = await openFresh();
      await expect(
        journal.exclusive(DATE, async (locked) => {
          await locked.append(DATE, entry(1));
          await locked.append(DATE, entry(2));
          throw new Error('power cut');
        }),
      ).rejects.toThrow('power cut');
      expect(await journal.lastSeq(DATE)).toBe(0);
      await appendOne(journal, 1);
      expect(await journal.lastSeq(DATE)).toBe(1);
    });

    it('refuses, inside a day lock, to append to another day', async () => {
      const { journal } = await openFresh();
      await expect(journal.exclusive(DATE, async (locked) => locked.append('2026-03-03', entry(1)))).rejects.toThrow(
        /holds the lock of 2026-03-02, not of 2026-03-03/,
      );
      expect(await journal.lastSeq('2026-03-03')).toBe(0);
    });

    it('writers racing on one day through two instances get one order with no gaps', async () => {
      const { journal, open } = await openFresh();
      const other = await open();
      await journal.startDay({ date: DATE, roster: defaultRoster() }, 'test@desk');
      const writers = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? journal : other).exclusive(DATE, async (locked) => {
          const seq = (await locked.lastSeq(DATE)) + 1;
          await locked.append(DATE, entry(seq, `desk-${i}`));
          return seq;
        }),
      );
      const seqs = await Promise.all(writers);
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect((await other.read(DATE, 0)).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('of two instances appending the seq they both expect, one wins and the other is refused', async () => {
      const { journal, open } = await openFresh();
      const other = await open();
      const outcomes = await Promise.allSettled([appendOne(journal, 1), appendOne(other, 1)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(JournalError);
      expect(String(refused.reason)).toMatch(/expected seq 2, got 1|seq taken/);
      expect(await journal.lastSeq(DATE)).toBe(1);
    });

    it('over any sequence of appends through two instances, accepts exactly those with the next seq, and keeps 1..n', async () => {
      const { journal, open } = await openFresh();
      const instances = [journal, await open()];
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ through: fc.integer({ min: 0, max: 1 }), offset: fc.integer({ min: -2, max: 1 }) }), { maxLength: 8 }),
          async (appends) => {
            const date = `property-${++run}`;
            let last = 0;
            for (const { through, offset } of appends) {
              const seq = last + 1 + offset;
              const accepted = await appendOne(instances[through]!, seq, date).then(
                () => true,
                (error: unknown) => (expect(error).toBeInstanceOf(JournalError), false),
              );
              expect(accepted).toBe(offset === 0);
              if (accepted) last = seq;
            }
            expect((await instances[1]!.read(date, 0)).map((e) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
          },
        ),
        { numRuns: 25 },
      );
    });

    it('commits waiting writes as a group: one order, each sees those before it, a failing write loses only its own appends', async () => {
      const { journal, open } = await openFresh();
      const other = await open();
      const group = new GroupCommit(journal);
      const write = (i: number) =>
        group.exclusive(DATE, async (locked) => {
          const seq = (await locked.lastSeq(DATE)) + 1;
          await locked.append(DATE, entry(seq, `desk-${i}`));
          if (i === 3) throw new Error('refused by a rule');
          return seq;
        });
      const outcomes = await Promise.allSettled([...Array.from({ length: 8 }, (_, i) => write(i)), appendOne(other, 1).catch(() => undefined)]);
      expect(outcomes[3]).toMatchObject({ status: 'rejected', reason: new Error('refused by a rule') });
      const seqs = outcomes.slice(0, 8).flatMap((o) => (o.status === 'fulfilled' ? [o.value as number] : []));
      const all = (await other.read(DATE, 0)).map((e) => e.seq);
      expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      expect(seqs.every((seq) => all.includes(seq))).toBe(true);
      expect((await other.read(DATE, 0)).map((e) => e.desk)).not.toContain('desk-3');
      expect(seqs).toHaveLength(7);
    });

    it("tells subscribers of the day's commits, its own and another instance's, and stops when told", async () => {
      const { journal, open } = await openFresh();
      const other = await open();
      await appendOne(journal, 1);
      const heard: number[] = [];
      const otherDay: number[] = [];
      const stop = await journal.subscribe(DATE, (seq) => heard.push(seq));
      await journal.subscribe('2026-03-03', (seq) => otherDay.push(seq));
      await appendOne(journal, 2);
      await eventually(() => heard.includes(2));
      await appendOne(other, 3);
      await eventually(() => heard.includes(3));
      expect(heard).toEqual([2, 3]);
      stop();
      await appendOne(other, 4);
      await appendOne(other, 1, '2026-03-03');
      await eventually(() => otherDay.includes(1));
      expect(heard).toEqual([2, 3]);
    });
  });
}
