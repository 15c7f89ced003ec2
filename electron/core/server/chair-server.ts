import { randomBytes, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyWebsocket from '@fastify/websocket';
import type { Core } from '../core';
import { callChair } from '../chair-api';
import { installGuards, listeningPort, sendError } from './http-common';
import { serveBuiltFiles } from './static-files';
import { errorWords } from '../../../shared/i18n/error-words';

export interface ChairServer {
  readonly app: FastifyInstance;
  readonly port: number;
  readonly token: string;
  /** The console's address, token in the fragment so it never reaches a log or a Referer. */
  readonly url: string;
  close(): Promise<void>;
}

function tokenMatches(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode's chair console: bound to 127.0.0.1 only, so it is never reachable from the LAN,
 * and every API call must carry this run's random token.
 */
export async function startChairServer(core: Core, options: { port: number; assetsDir?: string; token?: string }): Promise<ChairServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  let port = options.port;
  installGuards(app, () => ({ port, anyIpLiteral: false, names: ['127.0.0.1', 'localhost'] }));
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 } });

  app.post<{ Params: { method: string } }>('/api/chair/:method', async (request, reply) => {
    if (!tokenMatches(request.headers['x-pingyi-token'], token)) return sendError(reply, 401, 'unauthorized', errorWords({ code: 'unauthorized' }, 'zh'));
    const result = await callChair(core, request.params.method, request.body);
    return reply.header('cache-control', 'no-store').send(result);
  });

  app.get<{ Querystring: { token?: string } }>('/api/chair/events', { websocket: true }, (socket, request) => {
    if (!tokenMatches(request.query.token, token)) {
      socket.close(4401, 'unauthorized');
      return;
    }
    const unsubscribe = core.events.subscribe((event) => socket.send(JSON.stringify(event)));
    socket.on('message', () => socket.close(4400, 'the event stream is one-way'));
    socket.on('close', unsubscribe);
  });

  app.get('/', (_request, reply) => reply.redirect('/chair/'));
  await serveBuiltFiles(app, options.assetsDir);
  await app.listen({ host: '127.0.0.1', port: options.port });
  port = listeningPort(app);
  return { app, port, token, url: `http://127.0.0.1:${port}/chair/#token=${token}`, close: () => app.close() };
}
