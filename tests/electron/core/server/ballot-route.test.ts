/**
 * The ballot endpoint's lean path (ballot-route.ts) must answer exactly as fastify's route does.
 * A request with a Content-Length takes the lean path; the same body sent chunked (no length)
 * is left to fastify. Each body goes both ways, over real HTTP against a real SQLite file, and
 * status, JSON body and the headers a tablet relies on must be the same.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullBallot, openDemoMeeting, startTestHost, type TestHost } from '../../../support/running-host';
import type { BallotDefinition } from '../../../../shared/api/tablet-schemas';

let t: TestHost;
let codes: string[];
let definition: BallotDefinition;

beforeAll(async () => {
  t = await startTestHost();
  const meeting = await openDemoMeeting(t, 4);
  codes = [...meeting.officials, ...meeting.recipients];
  definition = (await t.tablet('/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
}, 30_000);
afterAll(async () => {
  await t?.stop();
});

interface Answer {
  status: number;
  body: unknown;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

/** POSTs `text` with a Content-Length (lean path) or chunked (fastify's route). */
function post(text: string, way: 'lean' | 'fastify', contentType = 'application/json'): Promise<Answer> {
  const payload = Buffer.from(text, 'utf8');
  const headers: Record<string, string | number> = { 'content-type': contentType };
  if (way === 'lean') headers['content-length'] = payload.length;
  else headers['transfer-encoding'] = 'chunked';
  return new Promise((resolve, reject) => {
    const req = request(`${t.tabletBase}/api/tablet/ballot`, { method: 'POST', agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // kept as text: the comparison then shows it
        }
        resolve({ status: res.statusCode ?? 0, body, contentType: res.headers['content-type'], cacheControl: res.headers['cache-control'] });
      });
    });
    req.on('error', reject);
    if (way === 'fastify') {
      // Two chunks, so the body is really sent in pieces.
      const half = Math.floor(payload.length / 2);
      req.write(payload.subarray(0, half));
      req.end(payload.subarray(half));
    } else req.end(payload);
  });
}

/** A receipt differs between two stored ballots: compare its shape, not its letters. */
function withoutReceipt(answer: Answer): Answer {
  const body = answer.body as { ok?: boolean; value?: { receipt?: string } };
  if (body.ok !== true || typeof body.value?.receipt !== 'string') return answer;
  expect(body.value.receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return { ...answer, body: { ...body, value: { ...body.value, receipt: 'RECEIPT' } } };
}

describe('the ballot endpoint, lean path against fastify\'s route', () => {
  it('answers every kind of body the same both ways', async () => {
    const ballot = fullBallot(definition, (o, i) => (o + i) % 3);
    const key = (n: number) => `ballot-route-key-${String(n).padStart(6, '0')}`;
    const bodies: string[] = [
      '{"code":',
      'null',
      '[]',
      '"text"',
      JSON.stringify({ code: codes[0], submissionKey: key(0) }),
      JSON.stringify({ code: 'ABCD-EFGH-JKMN-P', submissionKey: key(0), ballot }),
      JSON.stringify({ code: codes[0], submissionKey: 'short', ballot }),
      JSON.stringify({ code: codes[0], submissionKey: key(0), ballot: { type: 'graded', answers: {} } }),
      // What fastify's parser refuses (secure-json-parse): an own __proto__ key, written plainly and escaped, and a constructor.prototype.
      `{"code":"${codes[0]}","submissionKey":"${key(0)}","ballot":{"type":"graded","answers":{}},"__proto__":{"x":1}}`,
      `{"code":"${codes[0]}","submissionKey":"${key(0)}","ballot":{"type":"graded","answers":{"o":{"\\u005f_proto__":1}}}}`,
      `{"code":"${codes[0]}","submissionKey":"${key(0)}","ballot":{"type":"graded","answers":{}},"constructor":{"prototype":{}}}`,
      // Allowed: a key merely named constructor, and unicode escapes that spell nothing special.
      `{"code":"${codes[0]}","submissionKey":"${key(0)}","ballot":{"type":"graded","answers":{"constructor":{"\\u0069":1}}}}`,
    ];
    for (const text of bodies) {
      const lean = await post(text, 'lean');
      const fastify = await post(text, 'fastify');
      expect(lean, text).toEqual(fastify);
      expect(lean.cacheControl, text).toBe('no-store');
    }
    // A byte order mark before a valid ballot, and a valid ballot: stored both ways (two codes).
    for (const [n, prefix] of [[1, '\ufeff'], [3, '']] as const) {
      const lean = await post(prefix + JSON.stringify({ code: codes[n], submissionKey: key(n), ballot }), 'lean');
      const fastify = await post(prefix + JSON.stringify({ code: codes[n + 1], submissionKey: key(n + 1), ballot }), 'fastify');
      expect(lean.status).toBe(200);
      expect(withoutReceipt(lean)).toEqual(withoutReceipt(fastify));
      // The same code again: its retry with the key, and another tablet's attempt without it.
      const retryLean = await post(JSON.stringify({ code: codes[n], submissionKey: key(n), ballot }), 'lean');
      const retryFastify = await post(JSON.stringify({ code: codes[n], submissionKey: key(n), ballot }), 'fastify');
      expect(retryLean).toEqual(retryFastify);
      expect(retryLean.body).toEqual(lean.body);
      const otherLean = await post(JSON.stringify({ code: codes[n], submissionKey: key(99), ballot }), 'lean');
      const otherFastify = await post(JSON.stringify({ code: codes[n], submissionKey: key(99), ballot }), 'fastify');
      expect(otherLean).toEqual(otherFastify);
      expect(otherLean.status).toBe(409);
    }
  });

  it('leaves to fastify what it does not take: another content type and an empty body', async () => {
    expect((await post('{}', 'lean', 'text/plain')).status).toBe(400);
    expect(await post('', 'lean')).toEqual(await post('', 'fastify'));
  });
});
