/**
 * A small loopback TCP proxy in front of the tablet server that misbehaves on purpose, one
 * request per connection: it may drop the answer after the server sent it, send the request
 * twice on two connections, or cut the request off half-way. Used by network-faults.test.ts.
 */
import { connect, createServer, type Socket } from 'node:net';

export type ProxyFault = 'pass' | 'drop-response' | 'duplicate' | 'cut-request';

export interface UpstreamAnswer {
  readonly status: number;
  readonly body: string;
}

export interface FaultyProxy {
  readonly port: number;
  /** Answers the server gave to requests whose answer the client never saw (dropped or the duplicate's). */
  readonly unseen: UpstreamAnswer[];
  /** How many requests went through each fault. */
  readonly counts: Record<ProxyFault, number>;
  close(): Promise<void>;
}

/** Reads one whole HTTP request (headers + content-length body) from a client socket. */
function readRequest(socket: Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(data.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (data.length >= end + 4 + length) {
        socket.off('data', onData);
        resolve(data);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('end', () => reject(new Error('client closed before sending a whole request')));
  });
}

/**
 * Sends raw bytes to the server and collects its whole answer (the server closes: Connection:
 * close). The request is written, not ended: like a browser, the proxy does not half-close its
 * side while it waits (Node's HTTP server drops the answer to a half-closed connection whose
 * answer is not ready yet, and the ballot writer may wait a few ms for company on a slow disk).
 */
function exchange(port: number, request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const upstream = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    upstream.on('data', (chunk: Buffer) => chunks.push(chunk));
    upstream.once('end', () => resolve(Buffer.concat(chunks)));
    upstream.once('error', reject);
    upstream.write(request);
  });
}

function parseAnswer(raw: Buffer): UpstreamAnswer {
  const text = raw.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), body: split < 0 ? '' : text.slice(split + 4) };
}

/** Starts the proxy on a free loopback port; `pick` chooses the fault of each connection. */
export function startFaultyProxy(targetPort: number, pick: () => ProxyFault): Promise<FaultyProxy> {
  const unseen: UpstreamAnswer[] = [];
  const counts: Record<ProxyFault, number> = { pass: 0, 'drop-response': 0, duplicate: 0, 'cut-request': 0 };
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  const server = createServer((client) => {
    client.on('error', () => undefined);
    track(
      (async () => {
        const request = await readRequest(client);
        // One request per connection keeps faults simple; the Host names the server itself, as a
        // tablet that reaches it directly would (the server refuses any other Host).
        const head = request.toString('latin1');
        const split = head.indexOf('\r\n\r\n');
        const headers = head
          .slice(0, split)
          .split('\r\n')
          .filter((line) => !/^(connection|host):/i.test(line));
        const closing = Buffer.concat([
          Buffer.from([...headers, `Host: 127.0.0.1:${targetPort}`, 'Connection: close'].join('\r\n'), 'latin1'),
          request.subarray(split),
        ]);
        const fault = pick();
        counts[fault] += 1;
        if (fault === 'cut-request') {
          const upstream = connect(targetPort, '127.0.0.1');
          upstream.on('error', () => undefined);
          upstream.write(closing.subarray(0, Math.floor(closing.length / 2)), () => upstream.destroy());
          client.destroy();
          return;
        }
        if (fault === 'duplicate') {
          const [first, second] = await Promise.all([exchange(targetPort, closing), exchange(targetPort, closing)]);
          unseen.push(parseAnswer(second));
          client.end(first);
          return;
        }
        const answer = await exchange(targetPort, closing);
        if (fault === 'drop-response') {
          unseen.push(parseAnswer(answer));
          client.destroy();
          return;
        }
        client.end(answer);
      })().catch(() => client.destroy()),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        unseen,
        counts,
        async close() {
          await Promise.allSettled([...pending]);
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
