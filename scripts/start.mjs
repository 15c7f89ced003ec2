/**
 * `npm start`: the desktop app where Electron's binary exists; otherwise one clear line and
 * browser mode on the default data folder. Where the binary is missing, Electron's own
 * installer is tried once (it downloads where the internet is reachable).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);

function electronBinary() {
  try {
    // In plain Node, the electron package exports the path of its binary (or throws if absent).
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

// A failed download is remembered for a day so that every start does not wait for it again.
const FAILED_MARK = 'node_modules/.cache/pingyi/electron-download-failed';

function recentlyFailed() {
  try {
    return Date.now() - statSync(FAILED_MARK).mtimeMs < 24 * 3600_000;
  } catch {
    return false;
  }
}

function tryInstallElectron() {
  if (recentlyFailed()) return false;
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return false;
  }
  console.log('Electron binary not found; trying to download it once (needs the internet)…');
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  if (result.status === 0) return true;
  try {
    mkdirSync('node_modules/.cache/pingyi', { recursive: true });
    writeFileSync(FAILED_MARK, new Date().toISOString());
  } catch {
    // Not writable: we simply try again next time.
  }
  return false;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

let binary = electronBinary();
if (!binary && !process.env.PINGYI_BROWSER_MODE && tryInstallElectron()) binary = electronBinary();

if (binary && !process.env.PINGYI_BROWSER_MODE) {
  run(binary, ['.', ...extraArgs]);
} else {
  console.log('Electron is not available on this machine (its binary could not be downloaded): starting browser mode instead.');
  run(process.execPath, ['dist/electron/host.cjs', '--open', ...extraArgs]);
}
