/**
 * electron-builder's afterPack hook, run on each packaged app before it is signed and wrapped
 * into an installer: on Linux, refuses a native module that needs a glibc newer than 2.28
 * (package-glibc-check.mjs); everywhere, flips Electron's fuses. The fuse settings are plain
 * data (FUSES) so tests assert them.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the installed app into a Node interpreter.
 * - NODE_OPTIONS and --inspect off: no code injected through the environment or a debugger port.
 * - OnlyLoadAppFromAsar on: the app runs only from its app.asar, never from a folder put beside it.
 * - Cookie encryption on: the session's cookies are encrypted with the OS keychain (the app sets
 *   none itself; it costs nothing and covers any later use).
 * - file:// extra privileges off: the console is served from app:// (app-protocol.ts).
 * - Embedded asar integrity stays off: electron-builder embeds the hashes for macOS only, and a
 *   Windows or Linux binary with the fuse on but no hashes would refuse to start.
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { checkGlibc } from './package-glibc-check.mjs';

const require = createRequire(import.meta.url);
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The packaged executable electron-builder just laid out in `appOutDir`. */
export function packagedExecutable(context) {
  const platform = context.electronPlatformName;
  const name = context.packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return join(context.appOutDir, `${name}.app`);
  if (platform === 'win32') return join(context.appOutDir, `${name}.exe`);
  return join(context.appOutDir, context.packager.executableName);
}

export default async function afterPack(context) {
  if (context.electronPlatformName === 'linux') {
    const glibc = checkGlibc([join(context.appOutDir, 'resources')]);
    for (const r of glibc.results) console.log(`  • ${r.file}: highest GLIBC_${r.highest}`);
    // `npm run package:check` packs this machine's own build (a new glibc) only to measure: it warns.
    if (!glibc.ok && process.env.PINGYI_GLIBC_CHECK !== 'warn') throw new Error(glibc.problems.join('\n'));
    for (const problem of glibc.problems) console.warn(`  ⚠ ${problem}`);
  }
  const executable = packagedExecutable(context);
  // A universal or arm64 macOS binary must be re-signed ad hoc after its bytes change.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch !== 1;
  await flipFuses(executable, { ...FUSES, resetAdHocDarwinSignature });
  console.log(`  • fuses flipped in ${executable}`);
}
