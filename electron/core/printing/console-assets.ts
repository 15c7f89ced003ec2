import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Finds the built console (dist/console, which holds print/index.html). The Node bundle lives
 * in dist/electron/ (or its chunks/ folder), tests run from the repository root; both are tried.
 */
export function findConsoleAssets(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates: string[] = [];
  const configured = env['PINGYI_CONSOLE_ASSETS'];
  if (configured) candidates.push(resolve(configured));
  if (typeof __dirname === 'string') candidates.push(resolve(__dirname, '..', 'console'), resolve(__dirname, '..', '..', 'console'));
  candidates.push(resolve(process.cwd(), 'dist', 'console'));
  return candidates.find((dir) => existsSync(join(dir, 'print', 'index.html'))) ?? null;
}
