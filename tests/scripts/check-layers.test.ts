import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkFile, checkRepository } from '../../scripts/check-layers.mjs';

describe('the layer check', () => {
  it('passes on this repository', () => {
    expect(checkRepository(fileURLToPath(new URL('../..', import.meta.url)))).toEqual([]);
  });

  it.each([
    ['shared/tally/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/tally/x.ts', "import Database from 'better-sqlite3';"],
    ['shared/tally/x.ts', "import { ref } from 'vue';"],
    ['shared/tally/x.ts', "import { openStore } from '../../electron/core/store/database';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { t } from '../../renderer/chair/messages';"],
    ['electron/main/x.ts', "import App from '../../renderer/chair/App.vue';"],
    ['renderer/chair/x.ts', "import { createCore } from '../../electron/core/core';"],
    ['renderer/chair/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/chair/x.ts', "import { ipcRenderer } from 'electron';"],
    ['shared/x.ts', "import { helper } from '../tests/support/running-host';"],
  ])('refuses %s importing the wrong way: %s', (file, line) => {
    expect(checkFile(file, line)).toHaveLength(1);
  });

  it('allows the right way', () => {
    expect(checkFile('renderer/chair/x.ts', "import type { Result } from '../../shared/domain/result';")).toEqual([]);
    expect(checkFile('electron/main/x.ts', "import { createCore } from '../core/core';")).toEqual([]);
    expect(checkFile('shared/api/x.ts', "import { z } from 'zod';")).toEqual([]);
  });
});
