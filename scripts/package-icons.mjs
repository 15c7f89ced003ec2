/**
 * Draws the app icon (a white 评 on the console's red, rounded square) and writes what
 * electron-builder takes from resources/: icon.png (512), icon-256.png, icon.ico (16–256) and
 * icon.icns (128–1024), plus Linux's icons/<size>x<size>.png set.
 *
 * Chromium draws each size itself (playwright-core, the system Chromium, Noto CJK), so small sizes
 * are hinted text, not a scaled-down large bitmap; the ICO and ICNS containers are written here
 * (both just hold PNGs). Run `node scripts/package-icons.mjs` after changing the mark; the files
 * are committed, so packaging never needs a browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';

const require = createRequire(import.meta.url);
const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

/** The mark as a page of `size` pixels (transparent outside the rounded square). */
function markHtml(size) {
  const radius = Math.round(size * 0.2);
  const font = Math.round(size * 0.66);
  return `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:${size}px;height:${size}px;border-radius:${radius}px;background:#b3261e;display:flex;align-items:center;justify-content:center;
color:#fff;font:700 ${font}px/1 'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;">评</div></body></html>`;
}

/** An .ico holding PNG images (Windows Vista and later read PNG entries). */
export function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** An .icns holding PNG images: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x). */
export function icnsOf(images) {
  const types = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const chunks = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(types[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  const pngs = new Map();
  try {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(markHtml(size));
      await page.evaluate(() => document.fonts.ready);
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  mkdirSync(join(resources, 'icons'), { recursive: true });
  writeFileSync(join(resources, 'icon.png'), pngs.get(512));
  writeFileSync(join(resources, 'icon-256.png'), pngs.get(256));
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), pngs.get(size));
  writeFileSync(join(resources, 'icon.ico'), icoOf([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(resources, 'icon.icns'), icnsOf([128, 256, 512, 1024].map((size) => ({ size, png: pngs.get(size) }))));
  console.log(`icons written to ${resources}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
