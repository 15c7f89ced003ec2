/**
 * `npm start`: the desktop app where Electron can run; otherwise one clear line and browser
 * mode on the same data folder.
 *
 * 1. Electron's binary: where it is missing, Electron's own installer runs once, with visible
 *    progress and a mirror hint. A failure is remembered for a day (so every start does not wait
 *    for it again), and each start in that day says so and how to retry.
 * 2. better-sqlite3 for Electron's ABI (145 for Electron 41; Node 20 is 115): kept in a cache
 *    folder apart from node_modules' own build, which tests and browser mode keep using. It is
 *    downloaded (prebuild-install) or compiled (node-gyp) once into a copy of the package, checked
 *    by loading it in Electron itself (ELECTRON_RUN_AS_NODE), and handed to the shell through
 *    PINGYI_SQLITE_BINDING (electron/main passes it to better-sqlite3's `nativeBinding`).
 * 3. Electron dying from a signal (Ubuntu 23.10+/24.04: AppArmor forbids the sandbox's user
 *    namespace and node_modules' chrome-sandbox is not SUID, so it aborts with SIGTRAP) or
 *    unable to load the database module: an explanation, then browser mode, and a non-zero exit.
 *
 * Overrides (for tests and unusual setups): PINGYI_ELECTRON_BINARY, PINGYI_CACHE_DIR,
 * PINGYI_HOST_ENTRY, PINGYI_BROWSER_MODE=1, PINGYI_RETRY_DOWNLOAD=1 (or `npm start -- --retry-download`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Kept in step with electron/core/start-failure.ts (NATIVE_MODULE_EXIT_CODE). */
export const NATIVE_MODULE_EXIT_CODE = 78;

/** How long a failed Electron download keeps `npm start` in browser mode without asking again. */
export const FAILED_DOWNLOAD_MEMORY_MS = 24 * 3600_000;

/** Where downloads usually succeed from China; printed as hints, never used unasked. */
export const MIRROR_HINTS = {
  electron: 'ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/',
  betterSqlite3: 'npm_config_better_sqlite3_binary_host=https://registry.npmmirror.com/-/binary/better-sqlite3',
};

export function cacheDir(env = process.env) {
  return env.PINGYI_CACHE_DIR ? resolve(env.PINGYI_CACHE_DIR) : join(projectRoot, 'node_modules', '.cache', 'pingyi');
}

/** The path of Electron's binary, or null where it is missing. */
export function electronBinary(env = process.env) {
  if (env.PINGYI_ELECTRON_BINARY) return existsSync(env.PINGYI_ELECTRON_BINARY) ? env.PINGYI_ELECTRON_BINARY : null;
  try {
    // In plain Node, the electron package exports the path of its binary (or throws if absent).
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The installed Electron's version and the ABI its Node uses. */
export function electronTarget() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

/** The cache folder holding the Electron-ABI copy of better-sqlite3 for this Electron and machine. */
export function bindingFolder({ cache, electronVersion, platform = process.platform, arch = process.arch }) {
  const sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  return join(cache, `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`);
}

export function bindingFile(folder) {
  return join(folder, 'build', 'Release', 'better_sqlite3.node');
}

const MARKER = 'pingyi-electron-abi.json';

/** True when Electron itself (as Node, ELECTRON_RUN_AS_NODE) can load this binding and open a database. */
export function bindingLoadsInElectron(binary, file) {
  const sqlite = require.resolve('better-sqlite3');
  const probe = `const D = require(${JSON.stringify(sqlite)}); new D(':memory:', { nativeBinding: ${JSON.stringify(file)} }).close();`;
  const result = spawnSync(binary, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 60_000 });
  return { ok: result.status === 0, detail: (result.stderr || result.error?.message || '').trim().split('\n').slice(0, 3).join(' ') };
}

/** Runs a step of the binding's preparation in `cwd` with its output visible; true on success. */
function runStep(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000, ...options });
  return result.status === 0;
}

/** node-gyp as npm ships it (npm sets npm_config_node_gyp for scripts), else a local one. */
function nodeGyp(env) {
  if (env.npm_config_node_gyp && existsSync(env.npm_config_node_gyp)) return env.npm_config_node_gyp;
  for (const candidate of ['node-gyp/bin/node-gyp.js', 'npm/node_modules/node-gyp/bin/node-gyp.js']) {
    try {
      return require.resolve(candidate);
    } catch {
      // try the next
    }
  }
  const global = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(global) ? global : null;
}

/**
 * Finds or makes the Electron-ABI build of better-sqlite3: a marked cache folder is used as it
 * is; otherwise a copy of the package is made there and a prebuilt binding downloaded into it, or
 * compiled with Electron's headers. Either is checked in Electron before it is marked.
 * Returns { file } or { error } (a line to print); `log` receives progress lines.
 */
export function prepareElectronBinding({ binary, cache, target, env = process.env, log = console.log }) {
  const folder = bindingFolder({ cache, electronVersion: target.version });
  const file = bindingFile(folder);
  const marker = join(folder, MARKER);
  if (existsSync(marker) && existsSync(file)) return { file };

  log(`Preparing better-sqlite3 for Electron ${target.version} (ABI ${target.abi}) in ${folder} (once; node_modules' own build stays for tests and browser mode)…`);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
    if (existsSync(join(source, part))) cpSync(join(source, part), join(folder, part), { recursive: true });
  }
  // Never Node's headers (npm_config_nodedir=/usr on the dev machines): that builds Node's ABI under Electron's name.
  const stepEnv = { ...env };
  for (const key of Object.keys(stepEnv)) if (/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(key)) delete stepEnv[key];

  const attempts = [];
  const prebuild = (() => {
    try {
      return require.resolve('prebuild-install/bin.js');
    } catch {
      return null;
    }
  })();
  if (prebuild) {
    log(`  downloading a prebuilt binding (prebuild-install; mirror: ${env.npm_config_better_sqlite3_binary_host || 'github.com'})…`);
    attempts.push('download');
    if (runStep(process.execPath, [prebuild, '--runtime', 'electron', '--target', target.version, '--arch', process.arch, '--verbose'], { cwd: folder, env: stepEnv }) && existsSync(file)) {
      const check = bindingLoadsInElectron(binary, file);
      if (check.ok) return mark(folder, marker, target, 'prebuild-install', file);
      log(`  the downloaded binding does not load in Electron: ${check.detail}`);
    }
  }
  const gyp = nodeGyp(env);
  if (gyp) {
    log('  compiling it with Electron\'s headers instead (node-gyp; needs a C++ compiler and the internet, about a minute)…');
    attempts.push('compile');
    const distUrl = env.PINGYI_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
    if (runStep(process.execPath, [gyp, 'rebuild', '--release', `--target=${target.version}`, `--arch=${process.arch}`, `--dist-url=${distUrl}`], { cwd: folder, env: stepEnv }) && existsSync(file)) {
      const check = bindingLoadsInElectron(binary, file);
      if (check.ok) return mark(folder, marker, target, 'node-gyp', file);
      log(`  the compiled binding does not load in Electron: ${check.detail}`);
    }
  }
  return {
    error:
      `better-sqlite3 for Electron's ABI ${target.abi} could not be had (${attempts.join(', ') || 'no tool'} failed).\n` +
      `  Retry behind a mirror: ${MIRROR_HINTS.betterSqlite3} npm start`,
  };
}

function mark(folder, marker, target, how, file) {
  writeFileSync(marker, `${JSON.stringify({ electron: target.version, abi: target.abi, platform: process.platform, arch: process.arch, how, at: new Date().toISOString() }, null, 2)}\n`);
  return { file };
}

/** The mark a failed Electron download leaves, and what it says. */
export function failedDownload(cache, now = Date.now()) {
  const file = join(cache, 'electron-download-failed');
  try {
    const at = statSync(file).mtimeMs;
    if (now - at >= FAILED_DOWNLOAD_MEMORY_MS) return null;
    return { file, at };
  } catch {
    return null;
  }
}

/** Runs Electron's own installer with its progress on the terminal; true when the binary is there after. */
export async function downloadElectron({ cache, env = process.env, log = console.log }) {
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return false;
  }
  log(`Electron's binary is missing; downloading it once from ${env.ELECTRON_MIRROR || 'github.com'} (about 110 MB; Ctrl-C stops it and starts browser mode).`);
  log(`  If this is slow or fails (e.g. in China): ${MIRROR_HINTS.electron} npm start -- --retry-download`);
  const started = Date.now();
  const child = spawn(process.execPath, [installer], { stdio: 'inherit', env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  // @electron/get draws its own bar only after 30 s; say sooner that it is still going.
  const ticker = setInterval(() => log(`  … still downloading Electron (${Math.round((Date.now() - started) / 1000)} s)`), 10_000);
  const code = await new Promise((done) => {
    child.on('exit', (status) => done(status ?? 1));
    child.on('error', () => done(1));
  });
  clearInterval(ticker);
  if (code === 0) return true;
  try {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'electron-download-failed'), new Date().toISOString());
  } catch {
    // Not writable: we simply try again next time.
  }
  return false;
}

/** What to tell the user when Electron was killed by `signal` (not by us). */
export function signalAdvice(signal, platform = process.platform) {
  const lines = [`Electron stopped with ${signal} before or while running the app.`];
  if (platform === 'linux') {
    lines.push(
      '  On Ubuntu 23.10/24.04 (and others with AppArmor restricting user namespaces) Electron from node_modules aborts (SIGTRAP):',
      '  its chrome-sandbox is not SUID. Either run once:  sudo chown root node_modules/electron/dist/chrome-sandbox && sudo chmod 4755 node_modules/electron/dist/chrome-sandbox',
      '  or start it without the sandbox on this development machine:  npx electron . --no-sandbox',
      '  (the installed .deb/AppImage is not affected the same way; see README → Linux).',
    );
  }
  lines.push('Starting browser mode instead.');
  return lines.join('\n');
}

/** Splits start.mjs's own options from those passed on to the app (--port, --data, …). */
export function parseStartArgs(argv) {
  const retryDownload = argv.includes('--retry-download');
  return { retryDownload, appArgs: argv.filter((arg) => arg !== '--retry-download') };
}

/** Exit code for a child that ended with `code` or `signal`. */
export function exitCodeOf(code, signal) {
  if (signal) return 128 + (constants.signals[signal] ?? 1);
  return code ?? 0;
}

/** Runs a child with the terminal; resolves to { code, signal, forwarded } once it exits. */
function run(command, args, env) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    let forwarded = false;
    const forward = (signal) => {
      forwarded = true;
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done({ code, signal, forwarded });
    });
    child.on('error', (error) => done({ code: 1, signal: null, forwarded, error }));
  });
}

async function browserMode(appArgs, env) {
  const entry = env.PINGYI_HOST_ENTRY || join(projectRoot, 'dist', 'electron', 'host.cjs');
  const result = await run(process.execPath, [entry, '--open', ...appArgs], env);
  return exitCodeOf(result.code, result.signal);
}

export async function main(argv = process.argv.slice(2), env = process.env) {
  const { retryDownload, appArgs } = parseStartArgs(argv);
  const cache = cacheDir(env);
  if (env.PINGYI_BROWSER_MODE) {
    console.log('PINGYI_BROWSER_MODE is set: starting browser mode.');
    return browserMode(appArgs, env);
  }

  let binary = electronBinary(env);
  if (!binary) {
    const failed = retryDownload || env.PINGYI_RETRY_DOWNLOAD ? null : failedDownload(cache);
    if (failed) {
      const hours = Math.max(1, Math.round((Date.now() - failed.at) / 3600_000));
      console.log(
        `Electron's binary is missing and its download failed ${hours} h ago: starting browser mode.\n` +
          `  Retry now: npm start -- --retry-download   (behind a mirror: ${MIRROR_HINTS.electron} npm start -- --retry-download)`,
      );
      return browserMode(appArgs, env);
    }
    if (await downloadElectron({ cache, env })) binary = electronBinary(env);
    if (!binary) {
      console.log(
        `Electron could not be downloaded on this machine: starting browser mode instead.\n` +
          `  Retry: npm start -- --retry-download, e.g. with ${MIRROR_HINTS.electron}`,
      );
      return browserMode(appArgs, env);
    }
  }

  const binding = prepareElectronBinding({ binary, cache, target: electronTarget(), env });
  if ('error' in binding) {
    console.log(`${binding.error}\nStarting browser mode instead (the desktop window needs that module).`);
    return browserMode(appArgs, env);
  }

  const electron = await run(binary, [projectRoot, ...appArgs], { ...env, PINGYI_SQLITE_BINDING: binding.file });
  if (electron.signal && !electron.forwarded) {
    console.log(signalAdvice(electron.signal));
    await browserMode(appArgs, env);
    return exitCodeOf(null, electron.signal);
  }
  if (electron.code === NATIVE_MODULE_EXIT_CODE) {
    console.log(`The desktop app could not load its database module (see above): starting browser mode instead.`);
    rmSync(join(bindingFolder({ cache, electronVersion: electronTarget().version }), MARKER), { force: true });
    await browserMode(appArgs, env);
    return NATIVE_MODULE_EXIT_CODE;
  }
  return exitCodeOf(electron.code, electron.signal);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
