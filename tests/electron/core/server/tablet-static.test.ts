/**
 * The tablet page's files over real HTTP on a free loopback port: the precompressed copy chosen
 * by Accept-Encoding (brotli first, then gzip, then none), Vary on every answer, hashed assets
 * immutable, the page no-cache — and the path rule on Windows paths too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { cacheControlFor, IMMUTABLE, REVALIDATE, serveTabletStatic } from '../../../../electron/core/server/tablet-static';

const page = '<!doctype html><title>评议</title>' + '<p>x</p>'.repeat(200);
const script = 'console.log("tablet");'.repeat(400);
let app: FastifyInstance;
let port = 0;

function writeWithCopies(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.gz`, gzipSync(text));
  writeFileSync(`${path}.br`, brotliCompressSync(text));
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'pingyi-static-'));
  mkdirSync(join(root, 'assets'));
  writeWithCopies(join(root, 'index.html'), page);
  writeWithCopies(join(root, 'assets', 'index-AbC123.js'), script);
  app = Fastify({ logger: false });
  await serveTabletStatic(app, root);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app.close();
});

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tablet static files', () => {
  it('sends brotli when asked for it, gzip otherwise, the plain file to a client that accepts neither', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    for (const answer of [br, gz, plain]) expect(answer.headers['vary']).toMatch(/accept-encoding/i);
  });

  it('caches hashed assets for a year as immutable and makes the page revalidate, compressed or not', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      expect((await get('/assets/index-AbC123.js', encoding)).headers['cache-control']).toBe(IMMUTABLE);
      const root = await get('/', encoding);
      expect(root.headers['cache-control']).toBe(REVALIDATE);
      expect(root.headers['content-type']).toMatch(/text\/html/);
      expect((await get('/index.html', encoding)).headers['cache-control']).toBe(REVALIDATE);
    }
    const html = await get('/', 'br');
    expect(brotliDecompressSync(html.body).toString()).toBe(page);
  });

  it('decides on the path relative to the root, with the platform separator (Windows too)', () => {
    expect(cacheControlFor('C:\\Pingyi\\dist\\tablet', 'C:\\Pingyi\\dist\\tablet\\assets\\index-AbC.js.br', win32)).toBe(IMMUTABLE);
    expect(cacheControlFor('C:\\Pingyi\\dist\\tablet', 'C:\\Pingyi\\dist\\tablet\\index.html', win32)).toBe(REVALIDATE);
    // A folder named assets above the root does not make the page immutable.
    expect(cacheControlFor('C:\\assets\\tablet', 'C:\\assets\\tablet\\index.html', win32)).toBe(REVALIDATE);
    expect(cacheControlFor('/opt/assets/tablet', '/opt/assets/tablet/index.html', posix)).toBe(REVALIDATE);
    expect(cacheControlFor('/opt/pingyi/tablet', '/opt/pingyi/tablet/assets/a.css', posix)).toBe(IMMUTABLE);
  });
});
