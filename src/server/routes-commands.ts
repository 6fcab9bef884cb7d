/** The command routes of SPEC §6: one script line, and resource routes for the common commands. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scriptLineSchemas } from '../schema/script-line.js';
import { runCommand, type CommandContext } from './run-command.js';

export const dateQuery = z.strictObject({ date: z.string().optional().describe('YYYY-MM-DD (default: --date, else today)') });
const anyLine = Object.values(scriptLineSchemas) as unknown as z.ZodObject[];

/**
 * The API body of a resource route: the op's script-line schema without `op` and without the
 * fields the path gives. An op the engine does not know yet takes an empty body (and answers
 * "unknown op" until it does).
 */
export function bodyFor(op: string, fromPath: readonly string[], required = false): z.ZodType {
  const line = (scriptLineSchemas as unknown as Record<string, z.ZodObject | undefined>)[op];
  if (!line) return z.strictObject({}).nullish();
  // A schema that is not a plain object (refined, say): any object, checked by the script-line parser.
  if (!(line instanceof z.ZodObject)) return required ? z.record(z.string(), z.unknown()) : z.record(z.string(), z.unknown()).nullish();
  const drop = Object.fromEntries(['op', ...fromPath].filter((key) => key in line.shape).map((key) => [key, true as const]));
  const body = line.omit(drop as Record<string, true> & Record<number, never>);
  return required ? body : body.nullish();
}

const tokenParams = z.strictObject({ id: z.string().describe('a token such as SHR-001') });
const doctorParams = z.strictObject({ id: z.string().describe('a doctor id or name') });
const passThrough = () => (data: unknown) => ({ value: data });

export function commandRoutes(app: FastifyInstance, context: CommandContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/commands',
    {
      schema: {
        summary: 'Run one command in the script-line shape (SPEC §3, §5)',
        tags: ['commands'],
        querystring: dateQuery,
        body: z.union(anyLine as [z.ZodObject, ...z.ZodObject[]]),
      },
      // The handler validates with the script-line parser itself, for its messages (same as `apply`).
      validatorCompiler: ({ httpPart }) =>
        httpPart === 'body'
          ? passThrough()
          : (data: unknown) => {
              const parsed = dateQuery.safeParse(data);
              return parsed.success ? { value: parsed.data } : { error: new Error(`querystring: ${parsed.error.issues[0]?.message}`) };
            },
      config: { roles: ['desk', 'booking'] },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return reply.code(400).send({ status: 'ERROR', error: 'body: expected a JSON object such as {"op":"book",...}' });
      }
      return runCommand(request, reply, context, body as Record<string, unknown>);
    },
  );

  api.post(
    '/api/v1/bookings',
    {
      schema: { summary: 'Book a token', tags: ['commands'], querystring: dateQuery, body: bodyFor('book', [], true) },
      config: { roles: ['desk', 'booking'] },
    },
    (request, reply) => runCommand(request, reply, context, { op: 'book', ...(request.body as object) }),
  );

  for (const op of ['cancel', 'no-show', 'check-in', 'move']) {
    api.post(
      `/api/v1/tokens/:id/${op}`,
      {
        schema: {
          summary: `${op} a token`,
          tags: ['tokens'],
          querystring: dateQuery,
          params: tokenParams,
          body: bodyFor(
            op,
            ['token', 'doctor', 'patient'].filter((k) => !(op === 'move' && k === 'doctor')),
            op === 'move',
          ),
        },
        config: { roles: op === 'cancel' ? ['desk', 'booking'] : ['desk'] },
      },
      (request, reply) => runCommand(request, reply, context, { op, ...(request.body as object | undefined), token: request.params.id }),
    );
  }

  for (const op of ['call', 'done', 'absent']) {
    api.post(
      `/api/v1/doctors/:id/${op}`,
      {
        schema: { summary: `${op} (a doctor)`, tags: ['doctors'], querystring: dateQuery, params: doctorParams, body: bodyFor(op, ['doctor']) },
        config: { roles: ['desk'] },
      },
      (request, reply) => runCommand(request, reply, context, { op, ...(request.body as object | undefined), doctor: request.params.id }),
    );
  }

  for (const op of ['undo', 'clock']) {
    api.post(
      `/api/v1/${op}`,
      {
        schema: {
          summary: op === 'undo' ? 'Undo the last command' : 'Move the clock',
          tags: ['commands'],
          querystring: dateQuery,
          body: bodyFor(op, [], op === 'clock'),
        },
        config: { roles: ['desk'] },
      },
      (request, reply) => runCommand(request, reply, context, { op, ...(request.body as object | undefined) }),
    );
  }
}
