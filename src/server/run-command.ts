/**
 * One command through the API: validated by the script-line schemas, checked against the
 * caller's role, answered once from the Idempotency-Key store or committed by group commit.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Command, Result } from '../engine/index.js';
import { parseDate } from '../journal/place.js';
import { JournalError } from '../journal/journal.js';
import { parseScriptLine } from '../schema/script-line.js';
import type { Caller } from './auth.js';
import type { ServerRecords } from './records.js';
import type { StoredAnswer } from './store.js';
import type { ServerDays } from './server-days.js';
import { HttpError, errorBody, ruleErrorCode } from './http-errors.js';

export interface Answer {
  status: number;
  body: unknown;
}

/** How a result is answered: §3's result plus `seq` by default; the seeds' contract differs. */
export type Shape = (result: Result, seq: number | null) => Answer;

export const standardShape: Shape = (result, seq) =>
  result.status === 'ERROR' ? { status: ruleErrorCode(result.error), body: errorBody(result.error) } : { status: 200, body: { ...result, seq } };

export interface CommandContext {
  hub: ServerDays;
  store: ServerRecords;
  defaultDate: string | undefined;
}

/** `?date=` (default `--date`, else today), checked. */
export function dateOf(request: FastifyRequest, context: CommandContext): string {
  const asked = (request.query as { date?: string } | undefined)?.date;
  if (asked === undefined) return context.defaultDate ?? context.hub.today();
  try {
    return parseDate(asked);
  } catch (error) {
    throw new HttpError(400, `querystring.date: ${(error as Error).message.replace('--date', 'date')}`);
  }
}

/** Per server: the commands running under each caller's idempotency key (a retry waits for them). */
const running = new WeakMap<CommandContext, Map<string, Promise<unknown>>>();

export async function runCommand(
  request: FastifyRequest,
  reply: FastifyReply,
  context: CommandContext,
  raw: Record<string, unknown>,
  shape: Shape = standardShape,
): Promise<FastifyReply> {
  const date = dateOf(request, context);
  const parsed = parseScriptLine(JSON.stringify(raw));
  if (!parsed.ok) return reply.code(400).send(errorBody(parsed.error));
  const command = parsed.command;
  const caller = request.caller;
  if (caller.role === 'booking') await checkBookingRight(context, date, caller.name, command);

  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') return send(reply, await commit(context, date, command, caller, shape));
  if (key.length > 200) throw new HttpError(400, 'Idempotency-Key: at most 200 characters');
  const hash = createHash('sha256')
    .update(`${request.method} ${request.routeOptions.url} ${date} ${JSON.stringify(raw)}`)
    .digest('hex');
  const slot = `${caller.name}\u0000${key}`;
  let inFlight = running.get(context);
  if (!inFlight) running.set(context, (inFlight = new Map()));
  while (inFlight.has(slot)) await inFlight.get(slot)!.catch(() => undefined);
  const stored = await context.store.answer(caller.name, key);
  if (stored) {
    if (stored.hash !== hash) throw new HttpError(422, 'this Idempotency-Key was used with another request body');
    return reply.code(stored.status).header('idempotent-replayed', 'true').type('application/json').send(stored.body);
  }
  const committing = commit(context, date, command, caller, shape, { key, hash });
  inFlight.set(slot, committing);
  try {
    const answer = await committing;
    if (answer.replayed) {
      if (answer.replayed.hash !== hash) throw new HttpError(422, 'this Idempotency-Key was used with another request body');
      return reply.code(answer.replayed.status).header('idempotent-replayed', 'true').type('application/json').send(answer.replayed.body);
    }
    return send(reply, answer);
  } finally {
    inFlight.delete(slot);
  }
}

/** An answer, or the one another server gave to the same idempotency key meanwhile. */
type Committed = Answer & { replayed?: StoredAnswer };

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(answer.status).send(answer.body);
}

async function commit(
  context: CommandContext,
  date: string,
  command: Command,
  caller: Caller,
  shape: Shape,
  idempotency?: { key: string; hash: string },
): Promise<Committed> {
  let answer: Answer | undefined;
  // Only the online channel is limited to its own tokens; nobody else needs the record.
  const ownsTokens = caller.role === 'booking';
  try {
    const submitted = await context.hub.submit(
      date,
      command,
      ({ outcome, seq }) => {
        answer = shape(outcome.result, seq);
        const result = outcome.result as { token?: string; newToken?: string };
        return {
          ...(ownsTokens && command.op === 'book' && seq !== null && result.token && { owner: { token: result.token, caller: caller.name } }),
          ...(idempotency && {
            answer: { caller: caller.name, key: idempotency.key, answer: { hash: idempotency.hash, status: answer.status, body: JSON.stringify(answer.body) } },
          }),
        };
      },
      idempotency && { caller: caller.name, key: idempotency.key },
    );
    if ('replayed' in submitted) return { status: submitted.replayed.status, body: undefined, replayed: submitted.replayed };
  } catch (error) {
    if (error instanceof JournalError) throw error;
    throw new JournalError((error as Error).message);
  }
  return answer!;
}

/** `booking` keys book, and cancel only the tokens they booked. */
async function checkBookingRight(context: CommandContext, date: string, caller: string, command: Command): Promise<void> {
  if (command.op === 'book') return;
  if (command.op === 'cancel') {
    if (!command.token) throw new HttpError(403, 'a booking key cancels by token only');
    if ((await context.store.ownerOf(date, command.token)) !== caller) throw new HttpError(403, `${command.token} was not booked with this key`);
    return;
  }
  throw new HttpError(403, `a booking key may not ${command.op}`);
}
