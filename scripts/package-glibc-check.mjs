/**
 * Fails when a native module needs a newer glibc than the oldest Linux we support: Kylin V10 and
 * UOS 20 ship glibc 2.28–2.31, so a better-sqlite3 compiled on a current distribution (2.34+: it
 * then links e.g. `fcntl64@GLIBC_2.34`-era symbols) would not even load there.
 *
 *   node scripts/package-glibc-check.mjs [--max 2.28] FILE_OR_FOLDER...
 *
 * Reads the versioned symbols each .node imports (`objdump -T`, binutils) and compares the highest
 * GLIBC_x.y with --max. The afterPack hook runs it on every packaged Linux app.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GLIBC_FLOOR = '2.28';

function compare(a, b) {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every .node file under `path` (or `path` itself). */
export function nativeModules(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.node') ? [path] : [];
  return readdirSync(path).flatMap((name) => nativeModules(join(path, name)));
}

/** The GLIBC versions `file` needs, with the symbols that need the highest one. */
export function glibcNeeds(file) {
  const table = execFileSync('objdump', ['-T', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const needs = new Map();
  for (const line of table.split('\n')) {
    const match = /\bGLIBC_(\d+(?:\.\d+)+)\)?\s+(\S+)\s*$/.exec(line);
    if (!match || !/\*UND\*/.test(line)) continue;
    const [, version, symbol] = match;
    needs.set(version, [...(needs.get(version) ?? []), symbol]);
  }
  const versions = [...needs.keys()].sort(compare);
  const highest = versions.at(-1) ?? null;
  return { file, versions, highest, symbols: highest ? needs.get(highest) : [] };
}

/** Checks files and folders; returns { ok, results, problems }. */
export function checkGlibc(paths, max = GLIBC_FLOOR) {
  const results = paths.flatMap((path) => nativeModules(resolve(path))).map(glibcNeeds);
  const problems = results
    .filter((r) => r.highest && compare(r.highest, max) > 0)
    .map((r) => `${r.file} needs GLIBC_${r.highest} (${r.symbols.slice(0, 5).join(', ')}), newer than ${max}: build it on an older base (README → Linux builds)`);
  return { ok: problems.length === 0, results, problems };
}

function main(argv) {
  let max = GLIBC_FLOOR;
  const paths = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--max') max = argv[++i] ?? GLIBC_FLOOR;
    else paths.push(argv[i]);
  }
  if (paths.length === 0) {
    console.error('usage: node scripts/package-glibc-check.mjs [--max 2.28] FILE_OR_FOLDER...');
    return 2;
  }
  const { ok, results, problems } = checkGlibc(paths, max);
  for (const r of results) console.log(`${r.file}: highest GLIBC_${r.highest ?? 'none'}`);
  if (results.length === 0) {
    console.error('no .node file found');
    return 2;
  }
  for (const problem of problems) console.error(problem);
  return ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exit(main(process.argv.slice(2)));
