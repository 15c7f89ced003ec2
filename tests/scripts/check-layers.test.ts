import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
    // The host is browser mode: no Electron, no electron/main.
    ['electron/host/x.ts', "import { app } from 'electron';"],
    ['electron/host/x.ts', "import { createWindow } from '../main/index';"],
    ['electron/host/x.ts', "const electron = require('electron');"],
    ['electron/host/x.ts', "const { app } = createRequire(import.meta.url)('electron');"],
    ['electron/host/x.ts', "const load = createRequire(__filename);\nconst e = load('electron');"],
    ['electron/host/x.ts', "const main = await import('../main/index');"],
    // Core never loads Electron, however it is asked for.
    ['electron/core/x.ts', "const { app } = require('electron');"],
    ['electron/core/x.ts', "const nodeRequire = module.createRequire(import.meta.url);\nnodeRequire('electron');"],
    ['electron/core/x.ts', "const e = await import('electron');"],
    // The preload never reaches the core, and loads nothing but Electron.
    ['electron/preload/x.ts', "import { createCore } from '../core/core';"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';"],
    // The tablet page (served to the LAN) never carries chair or print code.
    ['renderer/tablet/x.ts', "import { useChairStore } from '../chair/store';"],
    ['renderer/tablet/x.vue', "import RankingSheet from '../print/sheets/RankingSheet.vue';"],
    ['renderer/tablet/x.ts', "const m = await import('../chair/messages');"],
    ['renderer/tablet/x.ts', "import QRCode from 'qrcode';"],
    ['renderer/common/x.ts', "import { t } from '../chair/messages';"],
  ])('refuses %s importing the wrong way: %s', (file, line) => {
    expect(checkFile(file, line)).toHaveLength(1);
  });

  it('fails a repository where a forbidden import is planted, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'pingyi-layers-'));
    try {
      const plant = (file: string, text: string) => {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      };
      plant('shared/ok.ts', "import { z } from 'zod';\n");
      expect(checkRepository(root)).toEqual([]);
      plant('electron/host/planted.ts', "const { app } = require('electron');\n");
      plant('renderer/tablet/planted.vue', "<script setup lang=\"ts\">\nimport { useChairStore } from '../chair/store';\n</script>\n");
      expect(checkRepository(root)).toEqual([
        'electron/host/planted.ts: electron/host is browser mode: it runs without Electron (electron)',
        'renderer/tablet/planted.vue: tablet must not import renderer (../chair/store)',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('allows the right way', () => {
    expect(checkFile('renderer/chair/x.ts', "import type { Result } from '../../shared/domain/result';")).toEqual([]);
    expect(checkFile('electron/main/x.ts', "import { createCore } from '../core/core';")).toEqual([]);
    expect(checkFile('shared/api/x.ts', "import { z } from 'zod';")).toEqual([]);
    expect(checkFile('electron/host/x.ts', "import { createCore } from '../core/core';")).toEqual([]);
    expect(checkFile('electron/preload/x.ts', "import { IPC_CHANNELS } from '../main/security';\nimport { ipcRenderer } from 'electron';")).toEqual([]);
    expect(checkFile('renderer/tablet/x.ts', "import { t } from '../common/i18n';\nimport { ballotIssue } from '../../shared/domain/ballot-rules';")).toEqual([]);
    expect(checkFile('electron/main/x.ts', "const { app } = require('electron');")).toEqual([]);
  });
});
