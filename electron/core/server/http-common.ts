import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hostAllowed, originAllowed, type HostRule } from './guards';
import { tabletErrorText } from '../../../shared/i18n/tablet-words';

/**
 * The answers of the error handler below to a request fastify could not parse, and to a crash
 * (the lean ballot route answers the same). `text` is the wire's fallback wording
 * (shared/i18n/tablet-words.ts); the tablet and the console word the code themselves.
 */
export const GENERIC_ERRORS = {
  badRequest: { status: 400, code: 'bad_request', text: tabletErrorText('bad_request', undefined, 'zh') },
  internal: { status: 500, code: 'internal', text: tabletErrorText('internal', undefined, 'zh') },
} as const;

/** Error body shape shared by every endpoint: { ok: false, error: { code, message } }. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send({ ok: false, error: { code, message } });
}

/**
 * Refuses requests whose Host or Origin is not this server, and maps fastify's own parser
 * errors (too large, not JSON, wrong content type) onto our error codes with clear messages.
 */
export function installGuards(app: FastifyInstance, rule: () => HostRule): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host;
    if (!hostAllowed(host, rule()) || !originAllowed(request.headers.origin, host)) {
      return sendError(reply, 403, 'forbidden', tabletErrorText('forbidden', undefined, 'zh'));
    }
    return undefined;
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'payload_too_large', tabletErrorText('payload_too_large', undefined, 'zh'));
    const { badRequest, internal } = GENERIC_ERRORS;
    if (status >= 400 && status < 500) return sendError(reply, badRequest.status, badRequest.code, badRequest.text);
    console.error('request failed:', error.message);
    return sendError(reply, internal.status, internal.code, internal.text);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not_found', tabletErrorText('not_found', undefined, 'zh')));
}

/** The port a started fastify instance actually listens on. */
export function listeningPort(app: FastifyInstance): number {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  return address.port;
}
