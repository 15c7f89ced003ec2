/** A tablet as the benchmark sees it: one new TCP connection per request, like 1,000 devices. */
import { request } from 'node:http';
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
