/**
 * Bundles the Node side to CommonJS in dist/electron/: host.cjs (browser mode), main.cjs and
 * preload.cjs (the Electron shell; sandboxed preloads must be CommonJS). Dependencies stay
 * external and are loaded from node_modules, better-sqlite3's native module above all.
 */
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { dependencies: Record<string, string> };
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
].map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`));

// The preload is built on its own (`--mode preload`): a sandboxed preload can require only
// `electron`, so it must not share chunks with main.
export default defineConfig(({ mode }) => ({
  build: {
    outDir: here('./dist/electron'),
    emptyOutDir: mode !== 'preload',
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      input: (mode === 'preload'
        ? { preload: here('./electron/preload/index.ts') }
        : {
            host: here('./electron/host/main.ts'),
            main: here('./electron/main/index.ts'),
            // `npm run retally -- FILE [--data DIR]`: re-tally an exported ballot file (issue 5).
            retally: here('./electron/host/retally.ts'),
            // `npm run verify-audit -- --data DIR`: check the audit trail's hash chain (issue 17).
            'verify-audit': here('./electron/host/verify-audit.ts'),
            // The ballot writer's own thread (electron/core/services/ballot-writer.ts).
            'ballot-writer-thread': here('./electron/core/services/ballot-writer-thread.ts'),
          }) as Record<string, string>,
      external,
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
}));
