/**
 * The glibc gate of Linux packaging, run on this machine's own (Node-ABI) better-sqlite3: built
 * on Debian 12 (glibc 2.36), it needs a glibc newer than 2.28 and must be refused, naming the
 * symbols; the same file passes against its own machine's glibc. objdump (binutils) is required.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binding = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

interface Glibc {
  GLIBC_FLOOR: string;
  glibcNeeds(file: string): { versions: string[]; highest: string | null; symbols: string[] };
  checkGlibc(paths: string[], max?: string): { ok: boolean; problems: string[]; results: { file: string }[] };
}

describe('glibc check (objdump -T)', () => {
  it('reads the highest GLIBC version the Node build imports, and refuses it against 2.28 when newer', async () => {
    const glibc = (await import(join(root, 'scripts/package-glibc-check.mjs'))) as Glibc;
    expect(glibc.GLIBC_FLOOR).toBe('2.28');
    const needs = glibc.glibcNeeds(binding);
    expect(needs.versions.length).toBeGreaterThan(0);
    expect(needs.highest).toMatch(/^2\.\d+$/);
    // Cross-check against objdump's own text: the highest version named in the dynamic symbol table.
    const table = execFileSync('objdump', ['-T', binding], { encoding: 'utf8' });
    const named = [...table.matchAll(/GLIBC_(2\.\d+)/g)].map((m) => Number((m[1] ?? '').split('.')[1]));
    expect(Number(needs.highest?.split('.')[1])).toBe(Math.max(...named));
    const minor = Number(needs.highest?.split('.')[1]);
    const atFloor = glibc.checkGlibc([binding]);
    expect(atFloor.results).toHaveLength(1);
    if (minor > 28) {
      expect(atFloor.ok).toBe(false);
      expect(atFloor.problems[0]).toContain(`needs GLIBC_${needs.highest}`);
      expect(atFloor.problems[0]).toContain(needs.symbols[0] ?? '');
    } else {
      expect(atFloor.ok).toBe(true);
    }
    expect(glibc.checkGlibc([binding], needs.highest ?? '2.0').ok).toBe(true);
    expect(glibc.checkGlibc([binding], `2.${minor - 1}`).ok).toBe(false);
  });

  it('as a command: exit 1 with the reason when too new, 0 when within --max, and it finds .node files in a folder', () => {
    const script = join(root, 'scripts/package-glibc-check.mjs');
    const run = (args: string[]) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { code: e.status, out: e.stdout + e.stderr };
      }
    };
    const folder = run(['--max', '9.99', join(root, 'node_modules/better-sqlite3/build/Release')]);
    expect(folder.code).toBe(0);
    expect(folder.out).toContain('better_sqlite3.node: highest GLIBC_');
    expect(run(['--max', '2.0', binding])).toMatchObject({ code: 1 });
    expect(run([]).code).toBe(2);
  });
});
