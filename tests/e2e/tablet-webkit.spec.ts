/**
 * The tablet in WebKitGTK (iPad Safari's engine) under Xvfb against the built host process:
 * a full vote at 480 px wide (WebKitGTK's window cannot be narrower than about 447 px), with
 * the footer never covering the last 弃权 — the case that jammed on narrow screens.
 */
import { test, expect } from '@playwright/test';
import { prepareMeeting } from '../../scripts/bench/prepare';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host-process';
import { startWebKit, type WebKitSession } from './support/webkit';

let host: HostProcess;
let webkit: WebKitSession;
let codes: string[] = [];

test.beforeEach(async () => {
  const dataDir = freshDataDir();
  codes = prepareMeeting(dataDir, { objects: 12, officials: 9, recipients: 21, spares: 0 }).codes.map((c) => c.code);
  host = await startHostProcess({ dataDir, args: ['--no-demo'] });
  webkit = await startWebKit({ width: 480, height: 900 });
});
test.afterEach(async () => {
  await webkit.close();
  await host.stop();
});

/** Clicks the element a finger would hit at the centre of `selector`'s last match (or reports what covers it). */
const TAP = `
  const all = document.querySelectorAll(arguments[0]);
  const target = all[all.length - 1];
  if (!target) return 'missing';
  if (arguments[1]) window.scrollTo(0, document.documentElement.scrollHeight);
  else target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!hit || !(hit === target || target.contains(hit))) return 'covered by ' + (hit ? hit.className : 'nothing');
  target.click();
  return 'ok';`;

test('WebKitGTK: a full vote, the last 弃权 tappable at the end of the page, the receipt shown', async () => {
  await webkit.go(`${host.tabletUrl}#${codes[0] ?? ''}`);
  await webkit.until(`document.querySelectorAll('[role=radiogroup]').length === 60`);
  expect(await webkit.run<string>('return location.href;')).not.toContain('#');
  expect(await webkit.run<string>(TAP, '.grade.abstain', true)).toBe('ok');
  expect(await webkit.run<string>(TAP, 'button[aria-label="科室1：全部满意"]', false)).toBe('ok');
  await webkit.until(`document.querySelectorAll('.grade.selected').length === 6`);
  expect(await webkit.run<string>(TAP, '.actions.sticky button.primary', true)).toBe('ok');
  await webkit.until(`document.querySelector('[role=dialog]') !== null`);
  expect(await webkit.run<string>(TAP, '[role=dialog] button.primary', false)).toBe('ok');
  await webkit.until(`document.body.innerText.includes('请核对您的选票')`);
  expect(await webkit.run<string>(TAP, '.actions.sticky button.primary', true)).toBe('ok');
  await webkit.until(`document.querySelector('[data-testid=receipt]') !== null`);
  expect(await webkit.run<string>(`return document.querySelector('[data-testid=receipt]').textContent;`)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
});
