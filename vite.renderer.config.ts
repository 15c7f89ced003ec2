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

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  if (mode === 'tablet') {
    return {
      root: here('./renderer/tablet'),
      base: '/',
      plugins: [vue()],
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
