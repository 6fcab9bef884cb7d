/**
 * Bearer keys and roles (SPEC §6). With no key configured every request is the local desk
 * (the server then listens on loopback only). `admin` may do everything.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-errors.js';
import type { ServerRecords } from './records.js';
import type { Role } from './store.js';

export interface Caller {
  /** The key's name, or `local` with no keys configured. */
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** Roles besides admin that may use the route; absent = public. */
    roles?: readonly Role[];
    /** The key may come as `?key=` (an EventSource or a TV page cannot set headers). */
    keyInQuery?: boolean;
  }
}

const LOCAL: Caller = { name: 'local', role: 'admin' };

export function authenticator(store: ServerRecords) {
  // Once a key exists every request needs one, even if all keys are revoked later.
  let keysConfigured = false;
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const config = request.routeOptions.config;
    keysConfigured ||= await store.hasKeys(); // `opd-desk keys add` may run while the server does
    if (!keysConfigured) {
      request.caller = LOCAL;
      return;
    }
    if (config.roles === undefined) return;
    const header = request.headers.authorization;
    let key = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (key === undefined && config.keyInQuery) key = (request.query as { key?: string } | undefined)?.key;
    if (!key) throw new HttpError(401, 'missing key: send Authorization: Bearer KEY');
    const caller = await store.authenticate(key);
    if (!caller) throw new HttpError(401, 'unknown key');
    if (caller.role !== 'admin' && !config.roles.includes(caller.role)) {
      throw new HttpError(403, `a ${caller.role} key may not use ${request.method} ${request.routeOptions.url}`);
    }
    request.caller = caller;
  };
}
