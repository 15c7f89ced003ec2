/**
 * A built renderer folder over HTTP, the one way both servers serve files: the tablet page on
 * the LAN (tablet-server.ts) and the chair's console on loopback (chair-server.ts). The gzip/brotli
 * copies written at build time (vite.renderer.config.ts) are chosen by the request's
 * Accept-Encoding with Vary; hashed assets are cached for a year as immutable, pages revalidated
 * on every load (so a reload transfers only the page); dotfiles are not served; the cache rule
 * is decided on the path relative to the root, so it holds on Windows and under any install path.
 */
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * The Cache-Control of a served file: immutable under `assets/` (Vite puts a content hash in
 * every name there), no-cache for everything else. Decided on the path relative to the root,
 * split by the platform's separator, so it holds on Windows (`assets\\x.js`) as on Linux.
 */
export function cacheControlFor(root: string, file: string, pathApi: { relative: (a: string, b: string) => string; sep: string } = { relative, sep }): string {
  const [first] = pathApi.relative(root, file).split(pathApi.sep);
  return first === 'assets' ? IMMUTABLE : REVALIDATE;
}

/** Serves the built folder `root`, if it exists (tests of the API alone run without a build). */
export async function serveBuiltFiles(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (!root || !existsSync(root)) return;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    // @fastify/static serves dotfiles by default; none of ours is meant to be served (404, not 403).
    dotfiles: 'ignore',
    preCompressed: true,
    // Off, or @fastify/static's own `max-age=0` replaces the header set below.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', cacheControlFor(root, path));
      // One URL, several bodies: a cache must key on the encoding asked for.
      res.setHeader('vary', 'Accept-Encoding');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
    },
  });
}
