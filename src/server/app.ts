/** The OPD server (SPEC §6): Fastify, zod-validated routes, OpenAPI 3.1 at /openapi.json, docs at /docs. */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DISPLAY_PAGE } from './display-page.js';
import { authenticator } from './auth.js';
import { installErrorHandlers } from './http-errors.js';
import { commandRoutes } from './routes-commands.js';
import { dayRoutes } from './routes-day.js';
import { eventRoutes } from './routes-events.js';
import { readRoutes } from './routes-reads.js';
import type { ServerRecords } from './records.js';
import { dateOf } from './run-command.js';
import type { ServerDays } from './server-days.js';

export const BODY_LIMIT = 16 * 1024;

/**
 * What a request log line says: method, path, request id. Never a body (names, phones) nor the
 * query string (a display page's `?key=`).
 */
const REQUEST_LOG = {
  req: (request: { method: string; url: string; id: string }) => ({ method: request.method, path: request.url.split('?')[0], id: request.id }),
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['status', 'error'],
  properties: { status: { type: 'string', const: 'ERROR' }, error: { type: 'string', description: 'what is wrong, naming the field' } },
};
const ERRORS: Record<string, string> = {
  400: 'bad JSON, or a field failed validation (named); unknown fields are refused',
  401: 'missing or unknown key',
  403: "a right the key's role lacks",
  404: 'unknown route, doctor or token',
  409: 'a rule refused the command; nothing changed',
  413: 'a body over 16 KiB',
  422: 'an Idempotency-Key reused with another body',
  503: 'the journal cannot be written; nothing changed, retry with the same Idempotency-Key',
};

/** Every route's OpenAPI entry names its answers: the success, and the error shape for each error code. */
function withResponses<T extends { schema: object; url: string }>(transformed: T): T {
  const schema = transformed.schema as Record<string, unknown>;
  if (schema.hide) return transformed;
  const responses: Record<string, unknown> = {
    200: {
      description: 'the answer (for commands: the result of SPEC §3 with the journal seq), sent after the journal commit',
      type: 'object',
      additionalProperties: true,
    },
  };
  for (const [code, description] of Object.entries(ERRORS)) responses[code] = { ...ERROR_SCHEMA, description };
  return { ...transformed, schema: { ...schema, response: { ...responses, ...(schema.response as object | undefined) } } };
}

export interface ServerOptions {
  hub: ServerDays;
  store: ServerRecords;
  /** `--date`: the day routes serve without `?date=` (default: today). */
  defaultDate?: string;
  logger?: FastifyServerOptions['logger'];
}

export interface OpdServer {
  app: FastifyInstance;
  /** Open event streams, ended on shutdown. */
  streams: Set<ServerResponse>;
}

export async function buildServer(options: ServerOptions): Promise<OpdServer> {
  const logger = options.logger && typeof options.logger === 'object' ? { ...options.logger, serializers: REQUEST_LOG } : (options.logger ?? false);
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // Request logs carry method, path and status: never a body, so never a name or phone.
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'opd-desk server', version: '1', description: 'OPD token allocation: the desk, the online channel and the waiting-room display.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: (input) => withResponses(jsonSchemaTransform(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const context = { hub: options.hub, store: options.store, defaultDate: options.defaultDate };
  app.addHook('onRequest', authenticator(options.store));
  // Every API route works on a day: opened (over the network, on PostgreSQL) before the handler runs.
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config.roles !== undefined) await options.hub.ready(dateOf(request, context));
  });
  const streams = new Set<ServerResponse>();
  commandRoutes(app, context);
  readRoutes(app, context);
  dayRoutes(app, context);
  eventRoutes(app, context, streams);
  app.withTypeProvider().get(
    '/display',
    {
      schema: { summary: 'The waiting-room page (HTML)', tags: ['display'], querystring: z.looseObject({}) },
    },
    (_request, reply) => reply.type('text/html; charset=utf-8').send(DISPLAY_PAGE),
  );
  // A keep-alive connection would hold the close for keepAliveTimeout (72 s): each one is closed
  // as soon as it is idle, that is once its answer is out.
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.end(); // before the listener waits for open connections
    sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });
  return { app, streams };
}
