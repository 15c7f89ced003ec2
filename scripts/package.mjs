/**
 * `npm run package [-- electron-builder options]`: installers, packed from a staging copy.
 *
 * electron-builder rebuilds native modules for Electron inside the project it packs. Run on the
 * project itself, that left node_modules' better-sqlite3 built for Electron (and for the last arch
 * packaged), which broke `npm test` and browser mode afterwards. So the app is copied to
 * release/.staging first: package.json, dist/ (no maps), resources/, the hook, and the production
 * dependency tree as the lockfile resolves it (`npm ls --omit=dev`, playwright-core left out: it
 * is browser mode's PDF engine, never loaded under Electron). Only the copy is rebuilt.
 *
 * `npm run package:check` (`--check`): the Linux dir target around a stub Electron (no download,
 * no rebuild) to check the configuration and measure what the archive carries; fails above the
 * budget (app.asar ≤ 20 MB, app.asar.unpacked ≤ 5 MB). The stub carries a fuse wire, so the
 * afterPack hook really flips it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * app.asar without the sheets' fonts ≤ 20 MB (issue 12: what runs, nothing else), the fonts on
 * their own ≤ 11 MB (renderer/print/fonts: four cut-down CJK faces the sheets print in, ≈ 10 MB,
 * docs/performance.md change 23), and the unpacked native part ≤ 5 MB.
 */
export const BUDGET = { asarBytes: 20 * 1024 * 1024, fontBytes: 11 * 1024 * 1024, unpackedBytes: 5 * 1024 * 1024 };
/** Production dependencies never loaded by the Electron shell. */
export const LEFT_OUT = new Set(['playwright-core']);

/** Absolute folders of the production dependency tree, from the lockfile (no network). */
export function productionPackages(project = root) {
  let out;
  try {
    out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // npm ls exits 1 on any oddity of the tree (an extraneous package) but still lists it.
    out = error.stdout ?? '';
    if (!out) throw error;
  }
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== project && line.includes(`${join('node_modules', '')}`))
    .filter((line) => !LEFT_OUT.has(relative(join(project, 'node_modules'), line).split(/[\\/]node_modules[\\/]/)[0] ?? ''));
}

/** Makes release/.staging: the app as electron-builder should see it. Returns its path. */
export function stage(project = root, staging = join(project, 'release', '.staging')) {
  if (!existsSync(join(project, 'dist', 'electron', 'main.cjs'))) throw new Error('dist/ is missing: run npm run build first');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  // electron-builder reads Electron's version from devDependencies; nothing else of them belongs here.
  const staged = { ...pkg, devDependencies: { electron: pkg.devDependencies.electron }, scripts: {} };
  for (const name of LEFT_OUT) delete staged.dependencies[name];
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  cpSync(join(project, 'electron-builder.yml'), join(staging, 'electron-builder.yml'));
  cpSync(join(project, 'resources'), join(staging, 'resources'), { recursive: true });
  mkdirSync(join(staging, 'scripts'));
  for (const script of ['package-after-pack.mjs', 'package-glibc-check.mjs']) cpSync(join(project, 'scripts', script), join(staging, 'scripts', script));
  cpSync(join(project, 'dist'), join(staging, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') && !src.includes(`${join('dist', 'bench')}`) });
  for (const folder of productionPackages(project)) {
    // A real copy (not a link): the rebuild for Electron happens in the copy only.
    cpSync(folder, join(staging, relative(project, folder)), { recursive: true, dereference: true });
  }
  return staging;
}

/** A stand-in Electron dist for the dir target: an executable that only carries a fuse wire. */
export function stubElectronDist(folder) {
  mkdirSync(folder, { recursive: true });
  const { SENTINEL } = require('@electron/fuses/dist/constants.js');
  // Electron 41's wire as shipped: version 1, eight fuses (RunAsNode, cookies, NODE_OPTIONS, inspect on; the rest off, file:// privileges on).
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
  writeFileSync(join(folder, 'electron'), wire);
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'LICENSE'), 'stub');
  writeFileSync(join(folder, 'version'), '41.7.1');
  return folder;
}

export function folderBytes(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
}

function electronBuilder(projectDir, args, env = process.env) {
  const cli = require.resolve('electron-builder/cli.js');
  const result = spawnSync(process.execPath, [cli, '--projectDir', projectDir, `-c.directories.output=${join(root, 'release')}`, ...args], { stdio: 'inherit', cwd: projectDir, env });
  if (result.status !== 0) throw new Error(`electron-builder failed (exit ${result.status})`);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The check: dir target around the stub, sizes against the budget. Returns the measurement. */
export function check() {
  const staging = stage();
  const stub = stubElectronDist(join(root, 'release', '.stub-electron'));
  // This machine's better-sqlite3 is built on a new glibc: the check measures, it does not ship, so the glibc gate only warns.
  electronBuilder(staging, ['--linux', 'dir', '--x64', '-c.npmRebuild=false', `-c.electronDist=${stub}`, '-c.electronVersion=41.7.1'], { ...process.env, PINGYI_GLIBC_CHECK: 'warn' });
  const resources = join(root, 'release', 'linux-unpacked', 'resources');
  const archive = join(resources, 'app.asar');
  const asar = require('@electron/asar');
  const fontBytes = asar
    .listPackage(archive, { isPack: false })
    .filter((path) => path.endsWith('.woff2'))
    .reduce((sum, path) => sum + asar.statFile(archive, path.replace(/^[\\/]/, ''), false).size, 0);
  const measured = { asarBytes: folderBytes(archive) - fontBytes, fontBytes, unpackedBytes: folderBytes(join(resources, 'app.asar.unpacked')), resources };
  return measured;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--check')) {
    const measured = check();
    console.log(`app.asar without fonts: ${mb(measured.asarBytes)} (budget ${mb(BUDGET.asarBytes)}); the sheets' fonts: ${mb(measured.fontBytes)} (budget ${mb(BUDGET.fontBytes)}); app.asar.unpacked: ${mb(measured.unpackedBytes)} (budget ${mb(BUDGET.unpackedBytes)})`);
    if (measured.asarBytes > BUDGET.asarBytes || measured.fontBytes > BUDGET.fontBytes || measured.unpackedBytes > BUDGET.unpackedBytes) {
      console.error('over budget: see electron-builder.yml files');
      process.exit(1);
    }
    return;
  }
  const staging = stage();
  electronBuilder(staging, argv);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
