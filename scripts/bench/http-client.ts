/** A tablet as the benchmark sees it: one new TCP connection per request, like 1,000 devices. */
import { request } from 'node:http';

export interface JsonAnswer {
  status: number;
  body: { value?: unknown } | null;
}

/**
 * POSTs a JSON body (an object, or bytes already serialised so that the client's own work is
 * not counted in a latency) on a fresh connection and parses the answer.
 */
export function postJson(url: string, body: unknown, onSent?: () => void): Promise<JsonAnswer> {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
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
    if (onSent) req.on('finish', onSent);
    req.end(payload);
  });
}
