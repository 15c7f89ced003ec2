/**
 * Built files over real HTTP on a free loopback port, as both servers serve them
 * (electron/core/server/static-files.ts): the precompressed copy chosen by Accept-Encoding
 * (brotli first, then gzip, then none), Vary on every answer, hashed assets immutable, the page
 * no-cache — and the path rule on Windows paths too; the chair's console through its real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { cacheControlFor, IMMUTABLE, REVALIDATE, serveBuiltFiles } from '../../../../electron/core/server/static-files';
import { startChairServer } from '../../../../electron/core/server/chair-server';
import { createCore } from '../../../../electron/core/core';

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
  await serveBuiltFiles(app, root);
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

describe('the chair console, served by the same module (chair-server.ts)', () => {
  it('compresses by Accept-Encoding with Vary, keeps hashed assets immutable and pages no-cache, even installed under a folder named assets', async () => {
    // The old chair rule matched '/assets/' anywhere in the file path: under this install path every page was "immutable".
    const base = mkdtempSync(join(tmpdir(), 'pingyi-chair-static-'));
    const root = join(base, 'assets', 'console');
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(join(root, 'chair'));
    writeWithCopies(join(root, 'chair', 'index.html'), page);
    writeWithCopies(join(root, 'assets', 'chair-XyZ.js'), script);
    writeFileSync(join(root, '.env'), 'SECRET=1');
    const core = createCore({ dataDir: join(base, 'data'), demo: false });
    const chair = await startChairServer(core, { port: 0, assetsDir: root });
    try {
      const fetchChair = (path: string, encoding?: string) =>
        new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: chair.port, path, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          });
          req.on('error', reject);
          req.end();
        });
      const js = await fetchChair('/assets/chair-XyZ.js', 'gzip, br');
      expect(js.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(js.body).toString()).toBe(script);
      expect(js.headers['cache-control']).toBe(IMMUTABLE);
      expect(js.headers['vary']).toMatch(/accept-encoding/i);
      const html = await fetchChair('/chair/index.html', 'gzip');
      expect(html.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(html.body).toString()).toBe(page);
      expect(html.headers['cache-control']).toBe(REVALIDATE);
      expect((await fetchChair('/chair/')).headers['cache-control']).toBe(REVALIDATE);
      expect((await fetchChair('/.env')).status).toBe(404);
    } finally {
      await chair.close();
      core.close();
    }
  });
});
