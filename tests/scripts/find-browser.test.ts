/**
 * One browser finder: the gate's plain-Node script answers with the app's own module
 * (electron/core/printing/find-browser.ts), which playwright.config.ts imports too.
 */
import { describe, expect, it } from 'vitest';
import * as gate from '../../scripts/find-browser.mjs';
import * as app from '../../electron/core/printing/find-browser';

describe('scripts/find-browser.mjs', () => {
  it('uses the app\'s flags and finds the browser the app finds', () => {
    expect(gate.CHROMIUM_ARGS).toEqual([...app.CHROMIUM_ARGS]);
    const found = app.findBrowser();
    if (found === null) expect(() => gate.findBrowser({ install: false })).toThrow(/No Chromium found/);
    else expect(gate.findBrowser({ install: false })).toBe(found);
  });

  it('follows the app\'s rules, e.g. $PINGYI_CHROMIUM, rather than a list of its own', () => {
    const previous = process.env['PINGYI_CHROMIUM'];
    process.env['PINGYI_CHROMIUM'] = process.execPath;
    try {
      expect(gate.findBrowser({ install: false })).toBe(process.execPath);
    } finally {
      if (previous === undefined) delete process.env['PINGYI_CHROMIUM'];
      else process.env['PINGYI_CHROMIUM'] = previous;
    }
  });
});
