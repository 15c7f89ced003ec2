/**
 * The print page finds a sheet's layout by the name its registry entry gives
 * (renderer/print/App.vue, import.meta.glob over renderer/print/sheets/): TypeScript cannot see
 * that lookup, so this checks every entry names a layout file that exists, and no two share one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHEET_REGISTRY } from '../../../shared/print/sheets';

const LAYOUT_DIR = join(import.meta.dirname, '../../../renderer/print/sheets');

describe('print layouts', () => {
  it('has a layout file for every sheet of the registry, one per sheet', () => {
    const missing = SHEET_REGISTRY.filter((s) => !existsSync(join(LAYOUT_DIR, `${s.layout}.vue`))).map((s) => `${s.id}: ${s.layout}.vue`);
    expect(missing).toEqual([]);
    const layouts = SHEET_REGISTRY.map((s) => s.layout);
    expect(new Set(layouts).size).toBe(layouts.length);
  });
});
