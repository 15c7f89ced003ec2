/*
 * Test-only switch for tests/faults/power-loss.test.ts: loaded into the built host with
 * NODE_OPTIONS=--require, it turns SQLite's synchronous pragma OFF (or NORMAL) whenever the host sets it,
 * and answers FULL when the host reads it back, so the host's own durability check (which
 * refuses to start on anything but FULL) is fooled. It stands for a build that lost its
 * fsyncs; the power-loss check must then fail. Nothing of the product loads this file, and the
 * product has no switch of its own for it.
 */
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS by nature
const Database = require('better-sqlite3');

// OFF by default; PINGYI_TEST_SYNCHRONOUS=NORMAL for the level better-sqlite3 re-opens WAL files with.
const level = process.env.PINGYI_TEST_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'OFF';
const pragma = Database.prototype.pragma;
Database.prototype.pragma = function (source, options) {
  if (/^\s*synchronous\s*=/i.test(source)) return pragma.call(this, `synchronous = ${level}`, options);
  if (/^\s*synchronous\s*$/i.test(source)) return options && options.simple ? 2 : [{ synchronous: 2 }];
  return pragma.call(this, source, options);
};
