/**
 * Bundles the benchmark (scripts/bench/) to dist/bench/bench.cjs and the kill -9 loop
 * (scripts/kill-loop/) to dist/bench/kill-loop.cjs; both run the real core in plain Node.
 */
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { dependencies: Record<string, string> };
const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)].map(
  (name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`),
);

export default defineConfig({
  build: {
    outDir: here('./dist/bench'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { bench: here('./scripts/bench/bench.ts'), 'kill-loop': here('./scripts/kill-loop/main.ts') } as Record<string, string>,
      external,
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
