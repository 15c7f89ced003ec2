/**
 * The layer check of the gate: imports flow shared ← electron/core ← electron/main, and
 * shared ← renderer; renderer and electron never import each other; nothing imports tests/.
 * Exits non-zero listing every import that goes the wrong way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT_PATTERN = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** The specifiers a source text imports. */
export function importsOf(text) {
  const found = [];
  for (const match of text.matchAll(IMPORT_PATTERN)) found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

function layerOf(path) {
  const p = path.split(sep).join('/');
  if (p.startsWith('shared/')) return 'shared';
  if (p.startsWith('electron/core/')) return 'core';
  if (p.startsWith('electron/')) return 'electron';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('tests/')) return 'tests';
  return 'other';
}

/** Packages each layer may import (bare specifiers); null = any. */
const ALLOWED_PACKAGES = {
  shared: ['zod'],
  core: null,
  electron: null,
  renderer: ['vue', 'pinia', 'qrcode'],
  tests: null,
  other: null,
};

/** Layers each layer may import by relative path. */
const ALLOWED_LAYERS = {
  shared: ['shared'],
  core: ['shared', 'core'],
  electron: ['shared', 'core', 'electron'],
  renderer: ['shared', 'renderer'],
  tests: ['shared', 'core', 'electron', 'renderer', 'tests', 'other'],
  other: ['shared', 'core', 'electron', 'renderer', 'other'],
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
    if (layer === 'core' && pkg === 'electron') problems.push(`${file}: electron/core must run without Electron (${spec})`);
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
  console.log('layer check: all imports flow shared ← electron/core ← electron/main, shared ← renderer');
}
