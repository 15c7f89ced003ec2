/**
 * Core says what failed as a code and params; the console words it (shared/i18n/error-words.ts).
 * This check keeps it so: in electron/core and shared (but shared/i18n, where the words live) no
 * fail() call carries a Chinese literal, no hand-written error or alarm object carries a
 * `message`, and nothing imports the old err(code, sentence). Names, headers and other data in
 * params are fine: they come from variables, not literals.
 *   node scripts/check-sentences.mjs        exits 1 and lists the places when one is found
 * Tested by tests/scripts/check-sentences.test.ts (which also plants each kind of violation).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HAN = /\p{Script=Han}/u;
/** The calls that make a failed Result from a code and params. */
const FAIL_CALLS = new Set(['fail', 'failWith', 'tallyFail', 'err']);
/** Where core-side code lives that must not write sentences into errors. */
const SCANNED = ['electron/core', 'shared'];
/** The words themselves. */
const WORDED = 'shared/i18n/';

/** The text of a literal, or null when the node is none. */
function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return null;
}

/** True when a literal with Chinese text is anywhere under `node`. */
function hasChineseLiteral(node) {
  const text = literalText(node);
  if (text !== null && HAN.test(text)) return true;
  return ts.forEachChild(node, (child) => (hasChineseLiteral(child) ? true : undefined)) === true;
}

function propertyNamed(object, name) {
  return object.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText() === name);
}

/** The violations in one file's text; `path` is relative to the repository root. */
export function checkSource(path, text, errorCodes) {
  if (!SCANNED.some((top) => path.startsWith(`${top}/`)) || path.startsWith(WORDED)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems = [];
  const at = (node, what) => problems.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && FAIL_CALLS.has(node.expression.text)) {
      if (node.arguments.some(hasChineseLiteral)) at(node, `${node.expression.text}() with a Chinese sentence: send a code and params, word it in shared/i18n`);
    }
    if (ts.isObjectLiteralExpression(node) && propertyNamed(node, 'message') !== undefined) {
      const code = propertyNamed(node, 'code');
      const type = propertyNamed(node, 'type');
      const codeText = code && ts.isPropertyAssignment(code) ? literalText(code.initializer) : null;
      const typeText = type && ts.isPropertyAssignment(type) ? literalText(type.initializer) : null;
      if (codeText !== null && errorCodes.has(codeText)) at(node, `an error "${codeText}" written with a message: use fail(code, params)`);
      if (typeText === 'alarm') at(node, 'an alarm written with a message: send a code and params');
    }
    if (ts.isImportDeclaration(node) && /domain\/result$/u.test(literalText(node.moduleSpecifier) ?? '')) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => (e.propertyName ?? e.name).text === 'err')) {
        at(node, 'imports err(code, sentence): use fail(code, params)');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

function sourceFiles(dir, root) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, root));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(root, path));
  }
  return out;
}

/** The catalogue's codes, read from shared/domain/errors.ts (this script runs without a TypeScript loader). */
export function catalogueCodes(root) {
  const text = readFileSync(join(root, 'shared/domain/errors.ts'), 'utf8');
  const list = text.slice(text.indexOf('ERROR_CODES = ['), text.indexOf('] as const'));
  return new Set([...list.matchAll(/^\s*'([^']+)',/gmu)].map((m) => m[1]));
}

/** Checks electron/core and shared; returns the violations. */
export function checkRepository(root) {
  const codes = catalogueCodes(root);
  const problems = [];
  for (const top of SCANNED) {
    for (const file of sourceFiles(join(root, top), root)) problems.push(...checkSource(file.split('\\').join('/'), readFileSync(join(root, file), 'utf8'), codes));
  }
  return problems;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkRepository(root);
  if (problems.length > 0) {
    console.error(`sentence check: ${problems.length} place(s) write a sentence where a code belongs:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('sentence check: core and shared fail with codes and params, never with Chinese sentences');
}
