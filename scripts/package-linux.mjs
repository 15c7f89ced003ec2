/**
 * `node scripts/package-linux.mjs [--arch x64|arm64] [--dry-run]`: the Linux AppImage and deb,
 * built inside an old-glibc container so that the bundled better-sqlite3 loads on Kylin V10 /
 * UOS 20 (glibc 2.28–2.31). Needs Docker and the internet (never run on the development machines).
 *
 * The base is manylinux_2_28 (AlmaLinux 8: glibc 2.28, a current GCC toolset), the same floor as
 * Node 20's own Linux builds. Node 20 is unpacked from nodejs.org inside. For arm64 the container
 * runs natively on an arm64 host (or under qemu-user-static, slowly): better-sqlite3's Electron
 * prebuilds for arm64 have repeatedly been missing (WiseLibs/better-sqlite3#1261, #1294), so it is
 * compiled from source there, against Electron's headers, by electron-builder's rebuild. The
 * afterPack hook then refuses any .node needing GLIBC > 2.28, so a wrong base cannot ship.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_VERSION = '20.19.5';

export function dockerCommand(arch, project = root) {
  const image = arch === 'arm64' ? 'quay.io/pypa/manylinux_2_28_aarch64' : 'quay.io/pypa/manylinux_2_28_x86_64';
  const nodeArch = arch === 'arm64' ? 'arm64' : 'x64';
  const inside = [
    'set -eu',
    `curl -fsSL https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-${nodeArch}.tar.xz | tar -xJ -C /opt`,
    `export PATH=/opt/node-v${NODE_VERSION}-linux-${nodeArch}/bin:$PATH`,
    // A copy inside the container: the host's node_modules (built for the host) is never used or changed.
    'cp -a /src /build && cd /build && rm -rf node_modules release',
    'ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci',
    'npm run build',
    `node scripts/package.mjs --linux AppImage deb --${arch}`,
    'mkdir -p /src/release && cp release/*.AppImage release/*.deb /src/release/',
  ].join(' && ');
  return ['docker', ['run', '--rm', '--platform', arch === 'arm64' ? 'linux/arm64' : 'linux/amd64', '-v', `${project}:/src`, image, 'bash', '-c', inside]];
}

function main(argv) {
  const arch = argv.includes('--arch') ? argv[argv.indexOf('--arch') + 1] : 'x64';
  if (arch !== 'x64' && arch !== 'arm64') throw new Error('--arch must be x64 or arm64');
  const [command, args] = dockerCommand(arch);
  console.log([command, ...args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a))].join(' '));
  if (argv.includes('--dry-run')) return 0;
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exit(main(process.argv.slice(2)));
