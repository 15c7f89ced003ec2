/**
 * The layer check of the gate: imports flow shared ← electron/core ← electron/main | host, and
 * shared ← renderer; renderer and electron never import each other; nothing imports tests/.
 * electron/host (browser mode) never touches Electron or electron/main; electron/preload never
 * reaches the core; renderer/tablet (served to the LAN) never imports chair or print code.
 * `import`, `export … from`, dynamic `import()`, `require()` and `createRequire(…)(…)` are all
 * scanned. Exits non-zero listing every import that goes the wrong way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT_PATTERNS = [
  /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  // require('x'), and any function called like one: createRequire(import.meta.url)('x'), a require kept in a variable.
  /\b\w*[rR]equire\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
  /\bcreateRequire\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
];

/** The specifiers a source text imports, once each, in order of appearance. */
export function importsOf(text) {
  const found = [];
  for (const pattern of IMPORT_PATTERNS) for (const match of text.matchAll(pattern)) found.push({ at: match.index, spec: match[1] });
  // `const load = createRequire(import.meta.url); load('x')`: calls of a name bound to createRequire.
  for (const bound of text.matchAll(/\b(\w+)\s*=\s*(?:\w+\.)?createRequire\s*\(/g)) {
    const call = new RegExp(`\\b${bound[1]}\\s*\\(\\s*['"\`]([^'"\`$]+)['"\`]\\s*\\)`, 'g');
    for (const match of text.matchAll(call)) found.push({ at: match.index, spec: match[1] });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.spec))];
}

function layerOf(path) {
  const p = path.split(sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('electron/core/')) return 'core';
  if (p.startsWith('electron/main/')) return 'main';
  if (p.startsWith('electron/preload/')) return 'preload';
  if (p.startsWith('electron/host/')) return 'host';
  if (p.startsWith('electron/')) return 'electron';
  if (p.startsWith('renderer/tablet/')) return 'tablet';
  if (p.startsWith('renderer/common/')) return 'renderer-common';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('tests/')) return 'tests';
  return 'other';
}

/** Packages each layer may import (bare specifiers); null = any. */
const ALLOWED_PACKAGES = {
  shared: ['zod'],
  core: null,
  main: null,
  preload: ['electron'],
  host: null,
  electron: null,
  renderer: ['vue', 'pinia', 'qrcode'],
  'renderer-common': ['vue'],
  tablet: ['vue'],
  tests: null,
  other: null,
};

/** Packages a layer must never import even where any other package is allowed. */
const FORBIDDEN_PACKAGES = {
  core: ['electron'],
  host: ['electron'],
};

/** Layers each layer may import by relative path. */
const ALLOWED_LAYERS = {
  shared: ['shared'],
  core: ['shared', 'core'],
  main: ['shared', 'core', 'main'],
  // The preload is bundled alone into a sandbox that may require only 'electron': the channel list, no core.
  preload: ['shared', 'preload', 'main'],
  host: ['shared', 'core', 'host'],
  electron: ['shared', 'core', 'electron'],
  renderer: ['shared', 'renderer', 'renderer-common'],
  'renderer-common': ['shared', 'renderer-common'],
  tablet: ['shared', 'tablet', 'renderer-common'],
  tests: ['shared', 'core', 'main', 'preload', 'host', 'electron', 'renderer', 'renderer-common', 'tablet', 'tests', 'other'],
  other: ['shared', 'core', 'main', 'preload', 'host', 'electron', 'renderer', 'renderer-common', 'tablet', 'other'],
};

const REASONS = {
  core: 'electron/core must run without Electron',
  host: 'electron/host is browser mode: it runs without Electron',
};

/**
 * Checks one file's imports. `file` is relative to the repository root.
 * Returns the violations as readable strings.
 */
export function checkFile(file, text) {
  const layer = layerOf(file);
  const problems = [];
  for (const spec of importsOf(text)) {
    if (spec.startsWith('.')) {
      const target = relative('.', join(dirname(file), spec));
      const targetLayer = layerOf(target);
      if (!ALLOWED_LAYERS[layer].includes(targetLayer)) problems.push(`${file}: ${layer} must not import ${targetLayer} (${spec})`);
      continue;
    }
    const isBuiltin = spec.startsWith('node:');
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if ((FORBIDDEN_PACKAGES[layer] ?? []).includes(pkg)) {
      problems.push(`${file}: ${REASONS[layer]} (${spec})`);
      continue;
    }
    const allowed = ALLOWED_PACKAGES[layer];
    if (allowed && (isBuiltin || !allowed.includes(pkg))) problems.push(`${file}: ${layer} must not import ${spec}`);
  }
  return problems;
}

function sourceFiles(dir, root) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, root));
    else if (/\.(ts|mts|vue|mjs)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) out.push(relative(root, path));
  }
  return out;
}

/** Checks the whole repository; returns the violations. */
export function checkRepository(root) {
  const problems = [];
  for (const top of ['shared', 'electron', 'renderer', 'scripts']) {
    let files = [];
    try {
      files = sourceFiles(join(root, top), root);
    } catch {
      continue;
    }
    for (const file of files) problems.push(...checkFile(file, readFileSync(join(root, file), 'utf8')));
  }
  return problems;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkRepository(root);
  if (problems.length > 0) {
    console.error(`layer check: ${problems.length} import(s) go the wrong way:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('layer check: all imports flow shared ← electron/core ← electron/main | host, shared ← renderer');
}
