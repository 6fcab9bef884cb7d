/** Every error the server answers, as JSON `{"status":"ERROR","error":"…"}` with its HTTP code. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { JournalError } from '../journal/journal.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (error: string) => ({ status: 'ERROR' as const, error });

/** A rule error's HTTP code: an unknown doctor or token is 404, a malformed command 400, any other refusal 409. */
export function ruleErrorCode(error: string): number {
  if (/^unknown (doctor|token)\b/.test(error)) return 404;
  if (/^(unknown op|missing doctor|invalid time)\b/.test(error)) return 400;
  return 409;
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(`no route ${request.method} ${request.url.split('?')[0]}`));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const detail = error.validation
        .map((issue) => {
          const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
          return `${where}${path ? `.${path}` : ''}: ${issue.message}`;
        })
        .join('; ');
      return reply.code(400).send(errorBody(detail));
    }
    if (error instanceof HttpError) return reply.code(error.statusCode).send(errorBody(error.message));
    if (error instanceof JournalError) {
      request.log.error({ err: error.message }, 'journal write failed');
      return reply.code(503).send(errorBody(`the journal cannot be written, nothing was changed; retry with the same Idempotency-Key (${error.message})`));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('the request body is over 16 KiB'));
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError') {
      return reply.code(400).send(errorBody(`invalid JSON: ${error.message}`));
    }
    const code = error.statusCode ?? 500;
    if (code >= 400 && code < 500) return reply.code(code).send(errorBody(error.message));
    request.log.error({ err: { message: error.message, code: error.code } }, 'internal error');
    return reply.code(500).send(errorBody('internal error'));
  });
}
