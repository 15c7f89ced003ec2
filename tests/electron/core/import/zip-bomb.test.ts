/**
 * A zip bomb shaped like an .xlsx, made here (never committed): 644 MB of worksheet declared as
 * 1 KB, about 0.6 MB on disk, under the 5 MB file cap. It is refused by what it really inflates
 * to, with memory bounded (the time is measured by `npm run bench`, not asserted here).
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/core/import/table-file';
import { inflatedSize, listZipEntries } from '../../../../electron/core/import/zip';
import { makeXlsxBomb } from '../../../../scripts/bench/zip-bomb';

describe('zip bomb', () => {
  it('refuses an .xlsx that declares 1 KB and inflates to 644 MB, growing the process by less than 200 MB', async () => {
    const bomb = await makeXlsxBomb({ inflated: 644 * 1024 * 1024, declared: 1024 });
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const entries = listZipEntries(bomb);
    expect(entries?.reduce((n, e) => n + e.uncompressedSize, 0)).toBeLessThan(2048);

    const rssBefore = process.memoryUsage().rss;
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const result = await readTable(bomb, 'bomb.xlsx');
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    expect(result.ok ? 'read' : result.error.code).toBe('import_too_large');
    // The peak may only have grown by what this read took above the resident size before it.
    expect(Math.max(0, peakAfter - Math.max(peakBefore, rssBefore))).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('counts what entries inflate to, stored and deflated, and stops at the limit', async () => {
    const bomb = await makeXlsxBomb({ inflated: 3 * 1024 * 1024, declared: 10 });
    const entries = listZipEntries(bomb) ?? [];
    const total = inflatedSize(bomb, entries, 50 * 1024 * 1024);
    expect(typeof total === 'number' && total > 3 * 1024 * 1024).toBe(true);
    expect(inflatedSize(bomb, entries, 1024 * 1024)).toBe('too_large');
    const broken = Buffer.from(bomb);
    const sheet = entries[2];
    if (!sheet) throw new Error('no sheet entry');
    broken.fill(0xff, sheet.localHeaderOffset + 60, sheet.localHeaderOffset + 90);
    expect(inflatedSize(broken, entries, 50 * 1024 * 1024)).toBe('unreadable');
  });
});
