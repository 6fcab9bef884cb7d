/** A server on a fresh journal, driven with Fastify's inject. */
import { mkdtempSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
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
  streams: Set<ServerResponse>;
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

export async function testServer(roster: Roster = defaultRoster(), file = dataFile(), pollMs = 0): Promise<TestServer> {
  const journal = SqliteJournal.open(file);
  const store = new ServerStore(journal.database);
  const hub = new DayHub({ journal, store, roster, desk: 'test-server', today: () => '2000-01-01', now: () => new Date('2026-03-02T09:30:00Z'), pollMs });
  const { app, streams } = await buildServer({ hub, store, defaultDate: DATE });
  return {
    app,
    streams,
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

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** Reads server-sent events from a URL until `stop` is called; collects them in `events`. */
export function sseClient(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(url, { headers, signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) event.id = line.slice(4);
          else if (line.startsWith('event: ')) event.event = line.slice(7);
          else if (line.startsWith('data: ')) event.data += line.slice(6);
        }
        if (event.event) events.push(event);
      }
    }
  })().catch(() => undefined);
  return {
    events,
    async until(predicate: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<void> {
      const start = Date.now();
      while (!predicate(events)) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for events; have ${JSON.stringify(events.map((e) => e.id ?? e.event))}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
