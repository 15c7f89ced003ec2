/**
 * Renderer builds, plain Vite (not electron-vite: the fixed layout puts main, preload and three
 * renderer entries in our own folders, and two small configs say exactly what is built where).
 *
 *   vite build -c vite.renderer.config.ts --mode tablet   → dist/tablet   (served on the LAN)
 *   vite build -c vite.renderer.config.ts --mode console  → dist/console  (chair + print, loopback/IPC)
 *
 * The tablet is a separate build so that the LAN server holds only the tablet's files and its
 * bundle stays tiny (no chair code, no QR library, no Pinia).
 */
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes `file.gz` and `file.br` next to every text file of a build, at the highest levels (once,
 * at build time, so the laptop never compresses per request). The tablet server picks one by the
 * request's Accept-Encoding (electron/core/server/static-files.ts). A compressed copy that is
 * not smaller than the original is not written.
 */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function compressFile(path: string): void {
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
  if (br.length < raw.length) writeFileSync(`${path}.br`, br);
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pingyi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) if (TEXT.test(file)) compressFile(file);
    },
  };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  if (mode === 'tablet') {
    return {
      root: here('./renderer/tablet'),
      base: '/',
      // gzip + brotli copies next to every text file, made once here rather than per request on
      // the laptop: 100+ tablets load the page at once over one Wi-Fi (budget: 36 KB on the wire).
      plugins: [vue(), precompress()],
      // The tablet uses the Composition API only: leaving the Options API out saves ≈ 4 KB on the wire.
      define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      build: { outDir: here('./dist/tablet'), emptyOutDir: true, target: 'es2020', reportCompressedSize: false },
    };
  }
  return {
    root: here('./renderer'),
    // Relative paths: Electron loads these pages from file://, browser mode from loopback HTTP.
    base: './',
    plugins: [vue()],
    build: {
      outDir: here('./dist/console'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: {
        input: {
          chair: here('./renderer/chair/index.html'),
          print: here('./renderer/print/index.html'),
          projector: here('./renderer/chair/projector/index.html'),
        },
      },
    },
  };
});
