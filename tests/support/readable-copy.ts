/**
 * A copy of the built host that an unprivileged user can run.
 *
 * Tests that drop to `nobody` (setpriv, as root) must not depend on where the repository lives:
 * a clone under /root is unreadable to nobody. So the built bundles and the production
 * node_modules they load are copied to a world-readable temp folder (hard links where the file
 * system allows, a plain copy otherwise), and the host runs from there.
 */
import { cpSync, mkdtempSync, chmodSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The production dependency folders, as npm resolved them (paths inside node_modules). */
function productionModules(): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line !== ROOT.replace(/\/$/, ''))
    .map((line) => relative(ROOT, line))
    .filter((rel) => rel.startsWith('node_modules'));
}

function copyTree(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true, mode: 0o755 });
  // Hard links: instant and no extra space; where they are impossible, copy.
  if (spawnSync('cp', ['-al', from, to], { stdio: 'ignore' }).status !== 0) cpSync(from, to, { recursive: true });
}

/** Copies dist/ and the production node_modules; returns the folder and a cleanup. */
export function readableHostCopy(): { dir: string; hostEntry: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-host-copy-'));
  chmodSync(dir, 0o755);
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  // Nested packages come after their parents in npm's list; a parent copy already holds them.
  const modules = productionModules().sort();
  const copied: string[] = [];
  for (const rel of modules) {
    if (copied.some((parent) => rel.startsWith(`${parent}/`))) continue;
    copyTree(join(ROOT, rel), join(dir, rel));
    copied.push(rel);
  }
  spawnSync('chmod', ['-R', 'a+rX', dir], { stdio: 'ignore' });
  return { dir, hostEntry: join(dir, 'dist', 'electron', 'host.cjs'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
