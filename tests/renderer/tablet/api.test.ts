// Node environment on purpose: the real fetch against a real HTTP server (happy-dom would put its own fetch in between).
/**
 * The tablet's requests against a real HTTP server on a free loopback port: a host that accepts
 * the connection and never answers (frozen) gives `timeout`, a closed port gives `offline`, an
 * answer passes through, and the body carries the submission key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openSession, post, submitBallot } from '../../../renderer/tablet/api';

let server: Server;
let base = '';
const bodies: unknown[] = [];
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      bodies.push(JSON.parse(text));
      if (request.url === '/frozen') {
        held.push(response); // never answered, like a host under SIGSTOP
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ ok: true, value: { receipt: 'ABCD-EFGH' } }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of held) response.destroy();
  await new Promise<void>((done) => server.close(() => done()));
});

describe('tablet requests', () => {
  it('give up on a host that does not answer and say `timeout`', async () => {
    const answer = await post(`${base}/frozen`, { code: 'X' }, 300);
    expect(answer).toEqual({ ok: false, error: { code: 'timeout', message: '' } });
  });

  it('say `offline` when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expect(await post(`http://127.0.0.1:${port}/x`, {})).toEqual({ ok: false, error: { code: 'offline', message: '' } });
  });

  it('send the submission key with the ballot, and with the session only when the tablet holds one', async () => {
    bodies.length = 0;
    const key = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect(await submitBallot('CODE', key, { type: 'worst', picks: [] }, base)).toEqual({ ok: true, value: { receipt: 'ABCD-EFGH' } });
    await openSession('CODE', undefined, base);
    await openSession('CODE', key, base);
    expect(bodies).toEqual([{ code: 'CODE', submissionKey: key, ballot: { type: 'worst', picks: [] } }, { code: 'CODE' }, { code: 'CODE', submissionKey: key }]);
  });
});
