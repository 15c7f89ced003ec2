import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { parseSubmitRequest } from '../../../shared/api/submit-request';
import { sessionRequestSchema, TABLET_ERRORS, type TabletErrorCode, type TabletErrorParams } from '../../../shared/api/tablet-schemas';
import { tabletErrorText, type TabletWireCode } from '../../../shared/i18n/tablet-words';
import type { Core } from '../core';
import { ballotSession, type TabletResult } from '../services/voting';
import { GENERIC_ERRORS, installGuards, listeningPort } from './http-common';
import { hostAllowed, originAllowed, type HostRule } from './guards';
import { BALLOT_PATH, serveBallot, takesRequest, type BallotRoute, type JsonAnswer } from './ballot-route';
import { serveBuiltFiles } from './static-files';
import { FailureThrottle, sourceKey } from './throttle';
import { markTabletContact } from './tablet-contact';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Limits checked before any parsing: a full ballot of 100 objects × 5 indicators is ~15 KB. */
export const TABLET_BODY_LIMITS = { session: 1024, ballot: 256 * 1024 } as const;

/** Connections the system may queue before the server accepts them (capped by net.core.somaxconn). */
const TABLET_LISTEN_BACKLOG = 2048;

/**
 * Time and connection limits of the LAN server, sized for a room of 1,000 tablets (each holds
 * one or two keep-alive connections). Slow or idle sockets are dropped early so that thousands
 * of them cannot use up the process's file descriptors, which the chair console shares.
 */
export interface TabletLimits {
  /** Whole request, headers and body (a ballot is ~15 KB: well under a second on Wi-Fi). */
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  /** A socket with no traffic at all. */
  readonly connectionTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Open connections from one address (a NAT of a few dozen tablets stays far below). */
  readonly perAddress: number;
  /** Open connections in total. */
  readonly total: number;
}

export const TABLET_LIMITS: TabletLimits = {
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  connectionTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  perAddress: 64,
  total: 2_500,
};

/**
 * Caps open connections. A new socket from an address (IPv6: its /64) that already holds its
 * share is closed at once. When the server as a whole is full, the oldest connection with no
 * request in flight (a slow or idle socket) makes room, so a flood spread over many addresses
 * cannot keep a real tablet out; only when every connection is busy is the new one refused.
 */
function capConnections(server: Server, limits: TabletLimits): void {
  const perAddress = new Map<string, number>();
  /** Open sockets, oldest first, with how many requests each has in flight. */
  const open = new Map<Socket, { inFlight: number }>();
  server.on('connection', (socket: Socket) => {
    const address = sourceKey(socket.remoteAddress ?? '');
    const mine = perAddress.get(address) ?? 0;
    if (mine >= limits.perAddress) {
      socket.destroy();
      return;
    }
    if (open.size >= limits.total) {
      let victim: Socket | null = null;
      for (const [candidate, state] of open) {
        if (state.inFlight === 0) {
          victim = candidate;
          break;
        }
      }
      if (!victim) {
        socket.destroy();
        return;
      }
      open.delete(victim);
      victim.destroy();
    }
    open.set(socket, { inFlight: 0 });
    perAddress.set(address, mine + 1);
    socket.once('close', () => {
      open.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = open.get(request.socket as Socket);
    if (!state) return;
    state.inFlight += 1;
    response.once('close', () => {
      state.inFlight -= 1;
    });
  });
}

/**
 * Failures that count as guessing at codes (a typo caught by the check character does not reach
 * here), and a conflict on a used code: whoever holds a slip must not be able to probe it.
 */
const GUESS_ERRORS: ReadonlySet<TabletErrorCode> = new Set(['unknown_code', 'voided_code', 'malformed_code', 'code_used']);

export interface TabletServer {
  readonly app: FastifyInstance;
  readonly port: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A refusal on the wire: its status, code and params, and the shared Chinese wording as `message`. */
function errorAnswer(code: TabletWireCode, params?: TabletErrorParams): JsonAnswer {
  const status = code === 'internal' ? 500 : TABLET_ERRORS[code];
  const message = tabletErrorText(code, params, 'zh');
  return { status, body: { ok: false, error: params === undefined ? { code, message } : { code, params, message } } };
}

function send(res: FastifyReply, answer: JsonAnswer): FastifyReply {
  return res.code(answer.status).header('cache-control', 'no-store').send(answer.body);
}

/**
 * The only server reachable from the room's LAN: the tablet page and the two tablet endpoints.
 * No chair endpoint is ever registered here. Fastify's logger is off: nothing logs addresses.
 */
export async function startTabletServer(
  core: Core,
  options: { host: string; port: number; assetsDir?: string; throttle?: FailureThrottle; limits?: Partial<TabletLimits> },
): Promise<TabletServer> {
  const limits: TabletLimits = { ...TABLET_LIMITS, ...options.limits };
  /** The ballot endpoint's lean path (ballot-route.ts), set once the route's answer exists below. */
  let ballotRoute: BallotRoute | null = null;
  const app = Fastify({
    logger: false,
    bodyLimit: TABLET_BODY_LIMITS.ballot,
    trustProxy: false,
    // Our own server, so that an ordinary ballot is answered before fastify's machinery
    // (ballot-route.ts); every other request goes to fastify's handler unchanged. With a
    // serverFactory fastify applies none of its timeout options, so the limits are set here only.
    serverFactory: (handler) => {
      // Node checks the header and request timeouts on this interval (default 30 s): check each
      // second, so that a slow socket is dropped within about a second of its deadline.
      const server = createServer({ headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: 1000 }, (req, res) => {
        if (ballotRoute && takesRequest(ballotRoute, req)) serveBallot(ballotRoute, req, res);
        else handler(req, res);
      });
      server.keepAliveTimeout = limits.keepAliveTimeoutMs;
      server.requestTimeout = limits.requestTimeoutMs;
      server.setTimeout(limits.connectionTimeoutMs);
      return server;
    },
  });
  capConnections(app.server, limits);
  const throttle = options.throttle ?? new FailureThrottle();
  let port = options.port;
  let closing = false;
  const hostRule = (): HostRule => ({ port, anyIpLiteral: true, names: ['localhost'] });
  installGuards(app, hostRule);
  // Any request at all proves the network path (and the firewall) lets tablets in.
  app.addHook('onRequest', async () => markTabletContact(core));

  function alarm(raised: { source: boolean; room: boolean }) {
    if (raised.source) {
      core.events.emit({ type: 'alarm', kind: 'bad-codes', code: 'alarm_guessing_client', params: {} });
    }
    if (raised.room) {
      core.events.emit({ type: 'alarm', kind: 'bad-codes', code: 'alarm_guessing_room', params: {} });
    }
  }

  function answerOf<T>(result: TabletResult<T>, client: string, slowed: boolean): JsonAnswer {
    if (result.ok) return { status: 200, body: { ok: true, value: result.value } };
    if (GUESS_ERRORS.has(result.error.code)) {
      alarm(throttle.fail(client));
      // A throttled source learns nothing about a failed code, not even which failure it was.
      if (slowed) return errorAnswer('too_many_attempts');
    }
    return errorAnswer(result.error.code, result.error.params);
  }

  /** Runs `answer` now, or after the throttle's delay; refuses when the source has too many waiting. */
  async function admitted(client: string, answer: (slowed: boolean) => Promise<JsonAnswer>): Promise<JsonAnswer> {
    const admission = throttle.admit(client);
    if (admission.kind === 'refused') return errorAnswer('too_many_attempts');
    if (admission.kind === 'now') return answer(false);
    try {
      await sleep(admission.ms);
      return await answer(true);
    } finally {
      admission.done();
    }
  }

  app.post('/api/tablet/session', { bodyLimit: TABLET_BODY_LIMITS.session }, async (request, res) =>
    send(
      res,
      await admitted(request.ip, async (slowed) => {
        const parsed = sessionRequestSchema.safeParse(request.body);
        if (!parsed.success) return errorAnswer('bad_request');
        return answerOf(ballotSession(core.store, parsed.data.code, parsed.data.submissionKey), request.ip, slowed);
      }),
    ),
  );

  /** A ballot's answer, for fastify's route and the lean path alike. */
  const answerBallot = (client: string, body: unknown): Promise<JsonAnswer> =>
    admitted(client, async (slowed) => {
      // The same rules as submitRequestSchema, checked by hand: see shared/api/submit-request.ts.
      const parsed = parseSubmitRequest(body);
      if (!parsed) return errorAnswer('bad_request', { what: 'ballot' });
      return answerOf(await core.writer.submit(parsed.code, parsed.submissionKey, parsed.ballot), client, slowed);
    });
  app.post(BALLOT_PATH, { bodyLimit: TABLET_BODY_LIMITS.ballot }, async (request, res) => send(res, await answerBallot(request.ip, request.body)));
  const { badRequest, internal } = GENERIC_ERRORS;
  ballotRoute = {
    allowed: (host, origin) => hostAllowed(host, hostRule()) && originAllowed(origin, host),
    limit: TABLET_BODY_LIMITS.ballot,
    answer: answerBallot,
    badJson: errorAnswer(badRequest.code),
    internal: errorAnswer(internal.code),
    onRequest: () => markTabletContact(core),
    closing: () => closing,
  };

  await serveBuiltFiles(app, options.assetsDir);
  // A room's tablets may all connect within the same moment (the bench sends 1,000 at once):
  // with Node's default queue of 511, connections beyond it are dropped and the tablet's system
  // retries only after 1 s, then 3 s, whenever a disk flush holds the loop (docs/performance.md).
  await app.listen({ host: options.host, port: options.port, backlog: TABLET_LISTEN_BACKLOG });
  port = listeningPort(app);
  return {
    app,
    port,
    close: () => {
      closing = true;
      return app.close();
    },
  };
}
