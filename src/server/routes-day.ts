/**
 * `GET /api/v1/day`: what a remote desk needs to rebuild a day from its event stream: the date,
 * whether it is today (the clock follows the wall clock), the roster the day was started with,
 * and the last journal seq.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dateQuery } from './routes-commands.js';
import { dateOf, type CommandContext } from './run-command.js';

export function dayRoutes(app: FastifyInstance, context: CommandContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/day',
    {
      schema: { summary: 'The day: date, whether it is today, its roster and last journal seq (for a remote desk)', tags: ['reads'], querystring: dateQuery },
      config: { roles: ['desk'] },
    },
    (request) => {
      const date = dateOf(request, context);
      const session = context.hub.session(date);
      return { date, today: date === context.hub.today(), roster: session.day.roster, seq: session.appliedSeq };
    },
  );
}
