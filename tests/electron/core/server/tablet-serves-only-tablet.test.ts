/**
 * "The LAN serves only the tablet page." Against the real built host (dist/electron/host.cjs
 * serving dist/tablet as it does in a room), run from a copy of dist/ in which we plant a file
 * beside dist/tablet, a dotfile inside it and a file above it: raw HTTP requests for the chair
 * console, the print pages, the chair API, every file of dist/console, percent-encoded and
 * double-encoded paths, backslashes and dotfiles get 404, `../` paths 400, and no answer ever
 * carries a byte of a file outside dist/tablet (it found dotfiles served: now `dotfiles: 'ignore'`). Every file of dist/tablet is served as it is.
 */
import { readdirSync, readFileSync, writeFileSync, type Dirent } from 'node:fs';
import { connect } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kill, startHost, type BenchHost } from '../../../../scripts/bench/host-process';
import { readableHostCopy } from '../../../support/readable-copy';
import { tempDir } from '../../../support/running-host';

let copy: ReturnType<typeof readableHostCopy>;
let host: BenchHost;
let port = 0;
const SECRETS = { beside: 'PINGYI-BESIDE-TABLET-7f3a', dotfile: 'PINGYI-DOTFILE-91c2', above: 'PINGYI-ABOVE-DIST-55e0' };

beforeAll(async () => {
  copy = readableHostCopy();
  const dist = join(copy.dir, 'dist');
  writeFileSync(join(dist, 'secret.txt'), SECRETS.beside);
  writeFileSync(join(dist, 'tablet', '.env'), SECRETS.dotfile);
  writeFileSync(join(copy.dir, 'secret.txt'), SECRETS.above);
  host = await startHost(dist, tempDir(), null, { demo: true });
  port = Number(new URL(host.tabletBase).port);
}, 60_000);
afterAll(async () => {
  if (host) await kill(host.child);
  copy?.cleanup();
});

/** One raw HTTP/1.1 request, the path sent byte for byte as given (no client normalises it). */
function raw(method: string, path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(all.subarray(0, 20).toString('latin1'))?.[1] ?? 0);
      resolve({ status, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
    // write, not end: a half-closed request gets no answer from Node's server. Connection: close ends it.
    socket.write(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((f) => f.isFile()).map((f) => relative(dir, join(f.parentPath, f.name)));
}

/** Distinctive bytes of every file that must never leave: all of dist/console, the planted secrets, /etc/passwd. */
function forbiddenSnippets(): { name: string; bytes: Buffer }[] {
  const dist = join(copy.dir, 'dist');
  const snippets = filesUnder(join(dist, 'console')).map((rel) => {
    const bytes = readFileSync(join(dist, 'console', rel));
    return { name: `console/${rel}`, bytes: bytes.subarray(0, Math.min(bytes.length, 64)) };
  });
  return [...snippets, ...Object.entries(SECRETS).map(([name, text]) => ({ name, bytes: Buffer.from(text) })), { name: '/etc/passwd', bytes: Buffer.from('root:x:0:0') }];
}

describe('the tablet port serves dist/tablet and nothing else', () => {
  it('serves the tablet page and every file of dist/tablet byte for byte', async () => {
    const tablet = join(copy.dir, 'dist', 'tablet');
    const root = await raw('GET', '/');
    expect(root.status).toBe(200);
    expect(root.body.equals(readFileSync(join(tablet, 'index.html')))).toBe(true);
    const files = filesUnder(tablet).filter((rel) => !rel.split('/').some((part) => part.startsWith('.')));
    expect(files.length).toBeGreaterThan(1);
    for (const rel of files) {
      const answer = await raw('GET', `/${rel}`);
      expect(answer.status, rel).toBe(200);
      expect(answer.body.equals(readFileSync(join(tablet, rel))), rel).toBe(true);
    }
  });

  it('answers 404 to the chair console, the print pages, the chair API and every file of dist/console', async () => {
    const consoleFiles = filesUnder(join(copy.dir, 'dist', 'console'));
    expect(consoleFiles.length).toBeGreaterThan(3);
    const paths = [
      '/chair', '/chair/', '/chair/index.html', '/print/', '/print/index.html', '/console/chair/index.html',
      '/api/chair/listMeetings', '/api/chair/events', '/api/chair/serverInfo',
      ...consoleFiles.map((rel) => `/${rel}`),
      ...consoleFiles.map((rel) => `/console/${rel}`),
    ];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'HEAD']) {
        const answer = await raw(method, path);
        expect(answer.status, `${method} ${path}`).toBe(404);
      }
    }
  });

  it('refuses ../ paths (400) and answers 404 to encoded paths, backslashes and dotfiles (the planted .env too); no answer carries a byte from outside dist/tablet', async () => {
    const paths = [
      '/../secret.txt', '/../../secret.txt', '/assets/../../secret.txt', '/../console/chair/index.html', '/assets/../../console/chair/index.html',
      '/%2e%2e/secret.txt', '/%2E%2E/%2E%2E/secret.txt', '/%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%252e%252e/secret.txt', '/..%5csecret.txt', '/..\\secret.txt', '/assets\\..\\..\\secret.txt', '/%2e%2e%5c%2e%2e%5csecret.txt',
      '/../../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '//etc/passwd', '/%2fetc%2fpasswd',
      '/.env', '/%2eenv', '/assets/../.env', '/.git/config', '/.htaccess', '/secret.txt', '/tablet/../secret.txt',
      '/%63hair/index.html', '/CHAIR/index.html', '/chair%2findex.html', '/api/chair%2flistMeetings', '/api/%63hair/listMeetings',
    ];
    const forbidden = forbiddenSnippets();
    for (const path of paths) {
      const answer = await raw('GET', path);
      // 400 only where HTTP itself refuses the request line; never a file.
      expect([400, 404], `GET ${path} → ${answer.status}`).toContain(answer.status);
      for (const snippet of forbidden) expect(answer.body.includes(snippet.bytes), `GET ${path} carried ${snippet.name}`).toBe(false);
    }
    // Traversal is refused outright (400 from the file server); the rest is simply not there (404).
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) expect((await raw('GET', path)).status, path).toBe(400);
    for (const path of ['/.env', '/%2eenv', '/.git/config', '/secret.txt', '/%63hair/index.html', '/chair%2findex.html', '/api/%63hair/listMeetings']) expect((await raw('GET', path)).status, path).toBe(404);
  });
});
