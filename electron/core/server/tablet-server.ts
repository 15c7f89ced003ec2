import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { parseSubmitRequest } from '../../../shared/api/submit-request';
import { sessionRequestSchema, TABLET_ERRORS, type TabletErrorCode } from '../../../shared/api/tablet-schemas';
import type { Core } from '../core';
import { ballotSession, type TabletResult } from '../services/voting';
import { installGuards, listeningPort, sendError, serveStatic } from './http-common';
import { FailureThrottle } from './throttle';
import { markTabletContact } from './tablet-contact';

/** Limits checked before any parsing: a full ballot of 100 objects × 5 indicators is ~15 KB. */
export const TABLET_BODY_LIMITS = { session: 1024, ballot: 256 * 1024 } as const;

/** Connections the system may queue before the server accepts them (capped by net.core.somaxconn). */
const TABLET_LISTEN_BACKLOG = 2048;

/** Failures that count as guessing at codes (a typo caught by the check character does not reach here). */
const GUESS_ERRORS: ReadonlySet<TabletErrorCode> = new Set(['unknown_code', 'voided_code', 'malformed_code']);

export interface TabletServer {
  readonly app: FastifyInstance;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The only server reachable from the room's LAN: the tablet page and the two tablet endpoints.
 * No chair endpoint is ever registered here. Fastify's logger is off: nothing logs addresses.
 */
export async function startTabletServer(core: Core, options: { host: string; port: number; assetsDir?: string }): Promise<TabletServer> {
  const app = Fastify({ logger: false, bodyLimit: TABLET_BODY_LIMITS.ballot, trustProxy: false });
  const throttle = new FailureThrottle();
  let port = options.port;
  installGuards(app, () => ({ port, anyIpLiteral: true, names: ['localhost'] }));
  // Any request at all proves the network path (and the firewall) lets tablets in.
  app.addHook('onRequest', async () => markTabletContact(core));

  function reply<T>(result: TabletResult<T>, client: string, reply: FastifyReply) {
    if (result.ok) return reply.header('cache-control', 'no-store').send({ ok: true, value: result.value });
    if (GUESS_ERRORS.has(result.error.code) && throttle.fail(client)) {
      core.events.emit({ type: 'alarm', kind: 'bad-codes', message: '有一台平板连续输入了多个无效评议码，已暂时限制其尝试。请留意是否有人在猜测评议码。' });
    }
    return sendError(reply, TABLET_ERRORS[result.error.code], result.error.code, result.error.message);
  }

  function throttled(client: string, res: FastifyReply) {
    return throttle.blocked(client) ? sendError(res, 429, 'too_many_attempts', '尝试次数过多，请稍等几分钟再试，或向工作人员求助。') : null;
  }

  app.post('/api/tablet/session', { bodyLimit: TABLET_BODY_LIMITS.session }, async (request, res) => {
    const blocked = throttled(request.ip, res);
    if (blocked) return blocked;
    const parsed = sessionRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(res, 400, 'bad_request', '请求格式有误。');
    return reply(ballotSession(core.store, parsed.data.code), request.ip, res);
  });

  app.post('/api/tablet/ballot', { bodyLimit: TABLET_BODY_LIMITS.ballot }, async (request, res) => {
    const blocked = throttled(request.ip, res);
    if (blocked) return blocked;
    // The same rules as submitRequestSchema, checked by hand: see shared/api/submit-request.ts.
    const parsed = parseSubmitRequest(request.body);
    if (!parsed) return sendError(res, 400, 'bad_request', '选票格式有误。');
    return reply(await core.writer.submit(parsed.code, parsed.ballot), request.ip, res);
  });

  await serveStatic(app, options.assetsDir);
  // A room's tablets may all connect within the same moment (the bench sends 1,000 at once):
  // with Node's default queue of 511, connections beyond it are dropped and the tablet's system
  // retries only after 1 s, then 3 s, whenever a disk flush holds the loop (docs/performance.md).
  await app.listen({ host: options.host, port: options.port, backlog: TABLET_LISTEN_BACKLOG });
  port = listeningPort(app);
  return { app, port, close: () => app.close() };
}
