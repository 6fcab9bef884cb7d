/** A server on a fresh journal, driven with Fastify's inject. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { defaultRoster, snapshot, type Roster } from '../../src/engine/index.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';
import { buildServer } from '../../src/server/app.js';
import { DayHub } from '../../src/server/days.js';
import { ServerStore } from '../../src/server/store.js';

export const DATE = '2026-03-02';

export interface TestServer {
  app: FastifyInstance;
  hub: DayHub;
  store: ServerStore;
  journal: SqliteJournal;
  file: string;
  /** The day's canonical state, to prove a refusal changed nothing. */
  state(date?: string): string;
  close(): Promise<void>;
}

export function dataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'opd-desk-server-')), 'server.db');
}

export async function testServer(roster: Roster = defaultRoster(), file = dataFile()): Promise<TestServer> {
  const journal = SqliteJournal.open(file);
  const store = new ServerStore(journal.database);
  const hub = new DayHub({ journal, store, roster, desk: 'test-server', today: () => '2000-01-01', now: () => new Date('2026-03-02T09:30:00Z') });
  const { app } = await buildServer({ hub, store, defaultDate: DATE });
  return {
    app,
    hub,
    store,
    journal,
    file,
    state: (date = DATE) => snapshot(hub.session(date).day),
    close: async () => {
      await app.close();
      hub.close();
      journal.close();
    },
  };
}

export function post(url: string, body?: unknown, headers: Record<string, string> = {}): InjectOptions {
  return { method: 'POST', url, ...(body !== undefined && { payload: body as object }), headers };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
