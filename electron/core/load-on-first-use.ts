/**
 * Loads a heavy dependency when it is first needed rather than at start, so the host accepts
 * ballots sooner after a start or a crash (playwright-core and exceljs took 0.5-0.9 s of every
 * start; docs/performance.md). `require`, not `import()`: it resolves inside Electron's app.asar
 * the way static imports do.
 */
import { createRequire } from 'node:module';

export function loadOnFirstUse<T>(name: string): T {
  const load = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  return load(name) as T;
}
