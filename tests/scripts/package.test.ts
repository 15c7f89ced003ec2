/**
 * Packaging, checked the only way that runs here: electron-builder's Linux dir target around a
 * stub Electron (scripts/package.mjs --check), from the staging copy. Then the archive is listed
 * with @electron/asar: what runs is in it, what never runs is not, the archive is within budget,
 * the fuses are flipped in the packaged executable, and the project's own node_modules is untouched.
 * Needs `npm run build` (the gate builds first).
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const asar = require('@electron/asar') as { listPackage(file: string, options?: object): string[] };
const fuses = require('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, string>>; FuseV1Options: Record<string, number> };
const ownBinding = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let measured: { asarBytes: number; fontBytes: number; unpackedBytes: number; resources: string };
let listing: string[];
let bindingBefore = '';
let packaging: { BUDGET: { asarBytes: number; fontBytes: number; unpackedBytes: number }; check(): typeof measured };
let fuseSettings: Record<string, unknown>;

beforeAll(async () => {
  bindingBefore = sha(ownBinding);
  packaging = (await import(join(root, 'scripts/package.mjs'))) as typeof packaging;
  fuseSettings = ((await import(join(root, 'scripts/package-after-pack.mjs'))) as { FUSES: Record<string, unknown> }).FUSES;
  measured = packaging.check();
  listing = asar.listPackage(join(measured.resources, 'app.asar'), { isPack: false }).map((p) => p.replace(/\\/g, '/'));
}, 240_000);

describe('the packaged app (dir target, stub Electron)', () => {
  it('is within budget: app.asar ≤ 20 MB without the sheets\' fonts, the fonts ≤ 11 MB, unpacked ≤ 5 MB', () => {
    console.log(`app.asar ${(measured.asarBytes / 1048576).toFixed(1)} MB + fonts ${(measured.fontBytes / 1048576).toFixed(1)} MB, unpacked ${(measured.unpackedBytes / 1048576).toFixed(1)} MB`);
    expect(measured.asarBytes).toBeLessThanOrEqual(packaging.BUDGET.asarBytes);
    // The four faces of renderer/print/fonts are in it, and nothing else of their size.
    expect(measured.fontBytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(measured.fontBytes).toBeLessThanOrEqual(packaging.BUDGET.fontBytes);
    expect(measured.unpackedBytes).toBeLessThanOrEqual(packaging.BUDGET.unpackedBytes);
    expect(measured.asarBytes).toBeGreaterThan(1024 * 1024);
  });

  it('carries what runs: the bundles, the pages, the production dependencies', () => {
    for (const path of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/console/chair/index.html',
      '/dist/console/print/index.html',
      '/dist/tablet/index.html',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/fastify/package.json',
      '/node_modules/exceljs/lib/exceljs.nodejs.js',
      '/node_modules/zod/package.json',
    ]) {
      expect(listing, path).toContain(path);
    }
    expect(existsSync(join(measured.resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'release/.staging/package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('leaves out what never runs: maps, exceljs browser bundles, playwright-core, C sources, test binaries', () => {
    const unwanted = listing.filter(
      (p) =>
        p.endsWith('.map') ||
        p.startsWith('/node_modules/exceljs/dist/') ||
        p.startsWith('/node_modules/playwright-core') ||
        p.endsWith('sqlite3.c') ||
        p.endsWith('test_extension.node') ||
        p.startsWith('/node_modules/better-sqlite3/deps') ||
        p.startsWith('/dist/bench'),
    );
    expect(unwanted).toEqual([]);
  });

  it('flips the fuses in the packaged executable (afterPack)', async () => {
    const wire = await fuses.getCurrentFuseWire(join(measured.resources, '..', 'pingyi'));
    const { FuseV1Options } = fuses;
    const expected = (on: unknown) => (on ? '1'.charCodeAt(0) : '0'.charCodeAt(0));
    for (const name of ['RunAsNode', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'OnlyLoadAppFromAsar', 'EnableCookieEncryption']) {
      const index = FuseV1Options[name] as number;
      expect(wire[index], name).toBe(expected(fuseSettings[index]));
    }
    expect(fuseSettings[FuseV1Options['RunAsNode'] as number]).toBe(false);
    expect(fuseSettings[FuseV1Options['OnlyLoadAppFromAsar'] as number]).toBe(true);
  });

  it('never touches the project\'s own node_modules: its Node-ABI better-sqlite3 is byte for byte the same', () => {
    expect(sha(ownBinding)).toBe(bindingBefore);
  });
});

describe('installer metadata', () => {
  it('deb depends = electron-builder\'s default list plus fonts-noto-cjk; homepage and author email for the deb target', () => {
    const yaml = require('js-yaml') as { load(text: string): any };
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    // The list electron-builder uses when deb.depends is not set (app-builder-lib FpmTarget).
    const fpm = readFileSync(require.resolve('app-builder-lib/out/targets/FpmTarget.js'), 'utf8');
    const defaults = JSON.parse(/return (\["libgtk-3-0"[^\]]*\])/.exec(fpm)?.[1] ?? '[]') as string[];
    expect(defaults.length).toBeGreaterThan(5);
    expect(config.deb.depends).toEqual([...defaults, 'fonts-noto-cjk']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: string; author?: { email?: string } };
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(config.afterPack).toBe('scripts/package-after-pack.mjs');
    expect(config.nsis).toMatchObject({ perMachine: true, include: 'resources/installer.nsh' });
    const nsh = readFileSync(join(root, 'resources/installer.nsh'), 'utf8');
    expect(nsh).toMatch(/netsh advfirewall firewall add rule .*profile=private,public/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*delete rule/);
  });

  it('has the icons electron-builder looks for: PNG 512 and 256, .ico, .icns', () => {
    const png = (file: string) => {
      const data = readFileSync(join(root, 'resources', file));
      expect(data.subarray(1, 4).toString()).toBe('PNG');
      return [data.readUInt32BE(16), data.readUInt32BE(20)];
    };
    expect(png('icon.png')).toEqual([512, 512]);
    expect(png('icon-256.png')).toEqual([256, 256]);
    const ico = readFileSync(join(root, 'resources/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    const icns = readFileSync(join(root, 'resources/icon.icns'));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});
