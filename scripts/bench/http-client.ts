/** A tablet as the benchmark sees it: one new TCP connection per request, like 1,000 devices. */
import { request } from 'node:http';
import { connect } from 'node:net';
import { withSubmissionKey } from './submission-key';

export interface JsonAnswer {
  status: number;
  body: { value?: unknown } | null;
}

/**
 * POSTs a JSON body (an object, or bytes already serialised so that the client's own work is
 * not counted in a latency) on a fresh connection and parses the answer.
 */
export function postJson(url: string, body: unknown, options: { localAddress?: string; onSent?: () => void } = {}): Promise<JsonAnswer> {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(withSubmissionKey(new URL(url).pathname, body)));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, localAddress: options.localAddress, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { value?: unknown } });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
    // 'finish': the whole request has been handed to the operating system (the kill loop uses it
    // to know that a kill landed while the host held a request it had not answered).
    if (options.onSent) req.on('finish', options.onSent);
    req.end(payload);
  });
}

/**
 * A loopback address of its own for tablet `n` (127.1.x.y): a room's tablets each have their
 * own address, and the tablet server caps connections per address.
 */
export function tabletAddress(n: number): string {
  return `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

/**
 * One tablet of the burst, built before the clock starts: the whole HTTP/1.1 request (head and
 * body) as one buffer, written on a fresh TCP connection when `send` is called.
 *
 * Why not postJson: the benchmark's 1,000 tablets run on the same two cores as the host, and
 * node:http's client took 0.42–0.56 ms of CPU per request (docs/performance.md, change 21), about
 * half of what the host itself spends on a ballot. Real tablets are other machines. This client
 * does what a browser's network stack would and nothing more (connect, write, read to the end),
 * so less of the cores the budget is measured on goes to the stand-ins; the host, its HTTP
 * server and every byte on the wire are the same.
 */
export interface RawAnswer {
  status: number;
  /** The answer's body, parsed after the clock stops (null if it was not JSON). */
  body: () => { value?: unknown } | null;
}

export function rawPost(url: string, body: Buffer, localAddress?: string): { send: () => Promise<RawAnswer> } {
  const target = new URL(url);
  const port = Number(target.port || 80);
  const head = `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  const bytes = Buffer.concat([Buffer.from(head, 'latin1'), body]);
  const send = () =>
    new Promise<RawAnswer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect({ host: target.hostname, port, localAddress }, () => socket.write(bytes));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('end', () => {
        const answer = Buffer.concat(chunks);
        const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(answer.toString('latin1', 0, 16))?.[1] ?? 0);
        resolve({
          status,
          body: () => {
            const split = answer.indexOf('\r\n\r\n');
            if (split < 0) return null;
            try {
              return JSON.parse(answer.toString('utf8', split + 4)) as { value?: unknown };
            } catch {
              return null;
            }
          },
        });
      });
    });
  return { send };
}
