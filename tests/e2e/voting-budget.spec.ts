/**
 * The tablet page's budget: 100+ tablets load it at once over one Wi-Fi, so its JavaScript and
 * CSS together stay at or under 60 KB gzipped (measured on the built files in dist/tablet).
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TABLET_DIST = fileURLToPath(new URL('../../dist/tablet', import.meta.url));
const BUDGET_BYTES = 60 * 1024;

test('the tablet page ships at most 60 KB of JS + CSS gzipped, and no schema or QR library', () => {
  const files = readdirSync(TABLET_DIST, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.(js|css)$/.test(f.name));
  expect(files.length).toBeGreaterThan(0);
  const contents = files.map((f) => readFileSync(join(f.parentPath, f.name)));
  const gzipped = contents.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
  console.log(`tablet JS+CSS: ${gzipped} bytes gzipped`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  const js = Buffer.concat(contents).toString('utf8');
  expect(js).not.toContain('ZodError'); // zod stays on the server
  expect(js).not.toContain('QR Code'); // so does the QR library
});
