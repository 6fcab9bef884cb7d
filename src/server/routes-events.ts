/**
 * Server-sent events. `/api/v1/events`: one event per journal entry, `id` its seq; a client
 * resumes with Last-Event-ID and misses or repeats nothing. A slow reader is never buffered
 * for: while its socket is backed up nothing is queued for it, and when it drains it is caught
 * up from the journal itself, so memory stays bounded however slowly it reads.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JournalEntry } from '../journal/journal.js';
import { dateQuery } from './routes-commands.js';
import { dateOf, type CommandContext } from './run-command.js';
import { displayOf } from './views.js';

const HEARTBEAT_MS = 15_000;
/** Entries sent per catch-up write; the rest follows when the socket drains. */
const CATCH_UP_BATCH = 500;

function open(raw: ServerResponse): void {
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 1000\n\n');
}

const entryEvent = (e: JournalEntry) =>
  `id: ${e.seq}\nevent: entry\ndata: ${JSON.stringify({ seq: e.seq, at: e.at, desk: e.desk, command: e.command, result: e.result })}\n\n`;

export function eventRoutes(app: FastifyInstance, context: CommandContext, streams: Set<ServerResponse>): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { hub } = context;

  const heartbeat = (raw: ServerResponse) => {
    const timer = setInterval(() => {
      if (!raw.writableNeedDrain) raw.write(': heartbeat\n\n');
    }, HEARTBEAT_MS);
    raw.on('close', () => clearInterval(timer));
  };

  api.get(
    '/api/v1/events',
    {
      schema: {
        summary: 'Server-sent events: one per journal entry (id = seq); resume with Last-Event-ID',
        tags: ['events'],
        querystring: dateQuery.extend({ lastEventId: z.string().optional().describe('as the Last-Event-ID header') }),
      },
      config: { roles: ['desk'] },
    },
    (request, reply) => {
      const date = dateOf(request, context);
      hub.session(date);
      const resume = Number(request.headers['last-event-id'] ?? request.query.lastEventId ?? 0);
      // An id past the day's end (another day's stream, say) resumes from the end.
      let sent = Number.isSafeInteger(resume) && resume > 0 ? Math.min(resume, hub.session(date).appliedSeq) : 0;
      const raw = reply.raw;
      reply.hijack();
      open(raw);
      streams.add(raw);
      let catchingUp = false;
      const catchUp = () => {
        if (catchingUp) return;
        catchingUp = true;
        try {
          while (!raw.writableNeedDrain && !raw.destroyed) {
            const entries = hub.journal.read(date, sent).slice(0, CATCH_UP_BATCH);
            if (entries.length === 0) break;
            raw.write(entries.map(entryEvent).join(''));
            sent = entries[entries.length - 1]!.seq;
          }
        } catch {
          // the journal is busy: the next change or drain tries again
        } finally {
          catchingUp = false;
        }
      };
      const onChanged = (changed: string, entries: JournalEntry[]) => {
        if (changed !== date || raw.writableNeedDrain) return;
        if (entries.length > 0 && entries.length <= CATCH_UP_BATCH && entries[0]!.seq === sent + 1) {
          raw.write(entries.map(entryEvent).join(''));
          sent = entries[entries.length - 1]!.seq;
        } else catchUp();
      };
      hub.on('changed', onChanged);
      raw.on('drain', catchUp);
      raw.on('close', () => {
        hub.off('changed', onChanged);
        streams.delete(raw);
      });
      heartbeat(raw);
      catchUp();
    },
  );

  api.get(
    '/api/v1/display/events',
    {
      schema: {
        summary: 'The display feed as server-sent events, one whenever it changes',
        tags: ['display', 'events'],
        querystring: dateQuery.extend({ key: z.string().optional() }),
      },
      config: { roles: ['desk', 'display'], keyInQuery: true },
    },
    (request: FastifyRequest<{ Querystring: { date?: string } }>, reply) => {
      const date = dateOf(request, context);
      const session = hub.session(date);
      const raw = reply.raw;
      reply.hijack();
      open(raw);
      streams.add(raw);
      let last = '';
      let pending = false;
      const push = () => {
        if (raw.writableNeedDrain) {
          pending = true; // only the latest view matters: sent when the socket drains
          return;
        }
        pending = false;
        const view = JSON.stringify(displayOf(date, session.day));
        if (view === last) return;
        last = view;
        raw.write(`event: display\ndata: ${view}\n\n`);
      };
      const onChanged = (changed: string) => {
        if (changed === date) push();
      };
      hub.on('changed', onChanged);
      raw.on('drain', () => pending && push());
      raw.on('close', () => {
        hub.off('changed', onChanged);
        streams.delete(raw);
      });
      heartbeat(raw);
      push();
    },
  );
}
