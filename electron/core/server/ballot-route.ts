/**
 * The ballot endpoint on Node's own request handler, in front of fastify. Under a room's burst
 * the host's main thread is the limit, and fastify's request machinery (content-type parser,
 * router, hooks as promises, Request/Reply objects, async resources) cost ≈ 0.19 ms per request
 * on top of Node's HTTP, of ≈ 1 ms per ballot in all (docs/performance.md, change 20).
 *
 * Only the ordinary request takes this path: `POST /api/tablet/ballot` with an allowed Host and
 * Origin, `application/json`, and a Content-Length between 1 byte and the limit. Everything else
 * (a wrong host, another content type, no length, chunked, too large, an empty body) goes to
 * fastify's route, so those answers (403, 415→400, 413, 400) stay exactly fastify's. What this
 * path answers itself, it answers as that route does: the same status, JSON body and headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const BALLOT_PATH = '/api/tablet/ballot';

/** A JSON answer of the tablet API: its status and body. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface BallotRoute {
  /** Host/Origin rule of the server (http-common.ts's guard). */
  readonly allowed: (host: string | undefined, origin: string | undefined) => boolean;
  /** The body limit in bytes. */
  readonly limit: number;
  /** Answers a parsed body from the client at `ip` (the same function fastify's route calls). */
  readonly answer: (ip: string, body: unknown) => Promise<JsonAnswer>;
  /** What fastify's error handler answers to a body that is not JSON. */
  readonly badJson: JsonAnswer;
  /** What it answers when the handler throws. */
  readonly internal: JsonAnswer;
  /** Called for every request taken (the tablet-contact flag). */
  readonly onRequest: () => void;
  /** True once the server is closing: fastify answers 503 then, so this path leaves it to fastify. */
  readonly closing: () => boolean;
}

/** The media type of a Content-Type header, as fastify's parser compares it. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** Whether this path answers the request (headers only: nothing of the body is read yet). */
export function takesRequest(route: BallotRoute, req: IncomingMessage): boolean {
  if (req.method !== 'POST' || pathOf(req.url) !== BALLOT_PATH || route.closing()) return false;
  const headers = req.headers;
  if (headers['transfer-encoding'] !== undefined || !isJson(headers['content-type'])) return false;
  const length = Number(headers['content-length']);
  if (!Number.isInteger(length) || length < 1 || length > route.limit) return false;
  return route.allowed(headers.host, headers.origin);
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * What fastify's JSON parser refuses besides bad JSON (secure-json-parse with `error` for both):
 * an own `__proto__` key anywhere, or a `constructor` holding a `prototype`. Walked only when the
 * text could hold one (a ballot's ids, grades and keys never do).
 */
function poisoned(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(poisoned);
  const record = value as Record<string, unknown>;
  if (hasOwn.call(record, '__proto__')) return true;
  const ctor = record['constructor'];
  if (hasOwn.call(record, 'constructor') && typeof ctor === 'object' && ctor !== null && hasOwn.call(ctor, 'prototype')) return true;
  for (const key in record) if (hasOwn.call(record, key) && poisoned(record[key])) return true;
  return false;
}

function mayBePoisoned(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
}

function send(res: ServerResponse, answer: JsonAnswer): void {
  const payload = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}

/** Reads the body, parses it as fastify would, and sends the route's answer. */
export function serveBallot(route: BallotRoute, req: IncomingMessage, res: ServerResponse): void {
  route.onRequest();
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  // A client that goes away mid-body gets no answer; Node's own timeouts cover one that stalls.
  req.on('error', () => undefined);
  req.on('end', () => {
    let text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8');
    // secure-json-parse (fastify's parser) drops a byte order mark first.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      send(res, route.badJson);
      return;
    }
    if (mayBePoisoned(text) && poisoned(body)) {
      send(res, route.badJson);
      return;
    }
    route.answer(req.socket.remoteAddress ?? '', body).then(
      (answer) => send(res, answer),
      (error: unknown) => {
        console.error('request failed:', error instanceof Error ? error.message : String(error));
        send(res, route.internal);
      },
    );
  });
}
