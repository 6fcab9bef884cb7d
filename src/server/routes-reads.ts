/** The read routes of SPEC §6, and the seeds' contract (`POST /allocate`, `GET /view-status`). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STATUSES, boardOf, findToken, resolveDoctor, DeskError } from '../engine/index.js';
import { HttpError, errorBody } from './http-errors.js';
import { dateQuery } from './routes-commands.js';
import { dateOf, runCommand, type CommandContext, type Shape } from './run-command.js';
import { displayOf, reportOf, tokenView, touches } from './views.js';

/** The seeds' answers: `token_id`, `removed_token`, `reason`, `position`. */
const seedShape: Shape = (result, seq) => {
  if (result.status === 'ERROR') return { status: 0, body: undefined }; // replaced by the standard error below
  if (result.op !== 'book') return { status: 200, body: { ...result, seq } };
  switch (result.status) {
    case 'ALLOCATED':
      return { status: 200, body: { status: 'ALLOCATED', token_id: result.token } };
    case 'REALLOCATED':
      return { status: 200, body: { status: 'REALLOCATED', token_id: result.token, removed_token: result.displaced } };
    case 'WAITLISTED':
      return { status: 200, body: { status: 'WAITLISTED', token_id: result.token, position: result.position } };
    default:
      return { status: 200, body: { status: 'REJECTED', reason: result.reason } };
  }
};

const allocateBody = z
  .looseObject({
    doctor_id: z.string({ error: 'must be a doctor id such as "sharma"' }),
    slot_id: z.string({ error: 'must be a slot such as "D1-9-10"' }).optional(),
    source: z.string({ error: 'must be a source such as "online"' }).optional(),
    patient_name: z.string().optional(),
    phone: z.union([z.string(), z.number().transform(String)]).optional(),
  })
  .describe('Extra fields are ignored.');

/** `D1-9-10` → `9-10`; any other spelling is passed on as it is. */
export function seedSlot(slotId: string): string {
  const match = /(\d{1,2}(?::\d{2})?-\d{1,2}(?::\d{2})?)$/.exec(slotId);
  return match ? match[1]! : slotId;
}

export function readRoutes(app: FastifyInstance, context: CommandContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { hub, store } = context;
  const dayOf = (request: Parameters<typeof dateOf>[0]) => {
    const date = dateOf(request, context);
    return { date, session: hub.session(date) };
  };

  api.get('/api/v1/board', { schema: { summary: 'The board (SPEC §3)', tags: ['reads'], querystring: dateQuery }, config: { roles: ['desk'] } }, (request) => {
    return boardOf(dayOf(request).session.day);
  });

  api.get(
    '/api/v1/tokens',
    {
      schema: {
        summary: 'Tokens, filtered by status or doctor',
        tags: ['reads'],
        querystring: dateQuery.extend({ status: z.enum([...STATUSES, 'MOVED', 'VOIDED']).optional(), doctor: z.string().optional() }),
      },
      config: { roles: ['desk', 'booking'] },
    },
    async (request) => {
      const { date, session } = dayOf(request);
      const day = session.day;
      let doctorId: string | undefined;
      if (request.query.doctor !== undefined) {
        try {
          doctorId = resolveDoctor(day, request.query.doctor).id;
        } catch (error) {
          throw new HttpError(404, (error as DeskError).message);
        }
      }
      const own = request.caller.role === 'booking' ? await store.ownedTokens(date, request.caller.name) : undefined;
      const tokens = day.tokens.filter(
        (t) =>
          (request.query.status === undefined || t.status === request.query.status) &&
          (doctorId === undefined || t.doctor.id === doctorId) &&
          (!own || own.has(t.id)),
      );
      return { date, tokens: tokens.map(tokenView) };
    },
  );

  api.get(
    '/api/v1/tokens/:id',
    {
      schema: {
        summary: 'A token and every journal entry that touched it',
        tags: ['reads'],
        querystring: dateQuery,
        params: z.strictObject({ id: z.string() }),
      },
      config: { roles: ['desk', 'booking'] },
    },
    async (request) => {
      const { date, session } = dayOf(request);
      const token = findToken(session.day, request.params.id);
      if (!token) throw new HttpError(404, `unknown token "${request.params.id}"`);
      if (request.caller.role === 'booking' && (await store.ownerOf(date, token.id)) !== request.caller.name)
        throw new HttpError(403, `${token.id} was not booked with this key`);
      const entries = hub.journal.read(date, 0).filter((entry) => touches(entry, token.id));
      return { ...tokenView(token), entries: entries.map((e) => ({ seq: e.seq, at: e.at, desk: e.desk, command: e.command, result: e.result })) };
    },
  );

  const report = (request: Parameters<typeof dateOf>[0]) => {
    const { date, session } = dayOf(request);
    return { date, ...reportOf(session.day, hub.journal.read(date, 0)) };
  };
  api.get(
    '/api/v1/report',
    { schema: { summary: 'The day report (SPEC §4, §5)', tags: ['reads'], querystring: dateQuery }, config: { roles: ['desk'] } },
    report,
  );
  api.get(
    '/view-status',
    { schema: { summary: "The seeds' contract: the report", tags: ['seeds'], querystring: dateQuery }, config: { roles: ['desk'] } },
    report,
  );

  api.get(
    '/api/v1/display',
    {
      schema: { summary: 'The waiting-room display: token ids only', tags: ['display'], querystring: dateQuery.extend({ key: z.string().optional() }) },
      config: { roles: ['desk', 'display'], keyInQuery: true },
    },
    (request) => {
      const { date, session } = dayOf(request);
      return displayOf(date, session.day);
    },
  );

  api.post(
    '/allocate',
    {
      schema: { summary: "The seeds' contract: book one token", tags: ['seeds'], querystring: dateQuery, body: allocateBody },
      config: { roles: ['desk', 'booking'] },
    },
    async (request, reply) => {
      const body = request.body;
      const command = {
        op: 'book',
        doctor: body.doctor_id,
        patient: body.patient_name ?? 'Online patient',
        ...(body.slot_id !== undefined && { slot: seedSlot(body.slot_id) }),
        ...(body.source !== undefined && { source: body.source }),
        ...(body.phone !== undefined && { phone: body.phone }),
      };
      return runCommand(request, reply, context, command, (result, seq) => {
        const answer = seedShape(result, seq);
        return result.status === 'ERROR' ? { status: answer.status || statusOf(result.error), body: errorBody(result.error) } : answer;
      });
    },
  );
}

function statusOf(error: string): number {
  return /^unknown doctor/.test(error) ? 404 : /^missing/.test(error) ? 400 : 409;
}
