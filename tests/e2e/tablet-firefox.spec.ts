/**
 * The tablet in Firefox ESR (the engine that is not Chromium), driven by puppeteer-core over
 * WebDriver BiDi against the built host process: a full vote at a phone's width, a stale ballot
 * discarded on hashchange, and a reload while the host is down — Firefox shows its own error
 * page; once the host is back, reloading (its 重试 / Try Again) brings the saved ballot back.
 */
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { freePort } from './support/free-port';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { prepareMeeting } from '../../scripts/bench/prepare';
import { freshDataDir, startHostProcess, type HostProcess } from './support/host-process';

const FIREFOX = '/usr/bin/firefox-esr';

/** Waits until `fn` (run in the page) is true; puppeteer's own waitForFunction, named for what it waits on. */
async function until(page: Page, expression: string): Promise<void> {
  await page.waitForFunction(expression, { timeout: 15_000 });
}

async function text(page: Page): Promise<string> {
  return page.evaluate('document.body.innerText') as Promise<string>;
}

let browser: Browser;
let host: HostProcess;
let dataDir = '';
let port = 0;
let codes: string[] = [];

test.beforeAll(async () => {
  // A missing engine fails loudly: the gate claims Firefox support.
  expect(existsSync(FIREFOX), `${FIREFOX} is needed (apt-get install firefox-esr)`).toBe(true);
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi', args: ['--width=390', '--height=844'] });
});
test.afterAll(async () => {
  await browser.close();
});
test.beforeEach(async () => {
  dataDir = freshDataDir();
  codes = prepareMeeting(dataDir, { objects: 12, officials: 9, recipients: 21, spares: 0 }).codes.map((c) => c.code);
  port = await freePort();
  host = await startHostProcess({ dataDir, args: ['--no-demo', '--port', String(port)] });
});
test.afterEach(async () => {
  await host.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 390, height: 844 });
  return page;
}

test('Firefox: a full vote — code, one-tap grades, blanks confirmed, review, receipt', async () => {
  const page = await newPage();
  await page.goto(host.tabletUrl);
  await page.type('#code', codes[0] ?? '');
  await page.click('button[type=submit]');
  await until(page, `document.querySelectorAll('[role=radiogroup]').length === 60`);
  await page.click('button[aria-label="科室1：全部满意"]');
  await page.click('button[aria-label="科室2：全部不满意"]');
  await page.click('[aria-label="科室2 服务态度"] [aria-label="满意"]');
  await until(page, `document.querySelectorAll('.grade.selected').length === 10`);
  await page.click('.actions.sticky button.primary');
  await until(page, `document.querySelector('[role=dialog]') !== null`);
  expect(await text(page)).toContain('还有 50 项未选择');
  await page.click('[role=dialog] button.primary');
  await until(page, `document.body.innerText.includes('请核对您的选票')`);
  expect(await text(page)).toContain('服务态度：满意');
  await page.click('.actions.sticky button.primary');
  await until(page, `document.querySelector('[data-testid=receipt]')?.textContent?.length === 9`);
  expect(await page.evaluate(`document.querySelector('[data-testid=receipt]').textContent`)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
});

test('Firefox: a new code by hashchange discards the stale ballot; a reload while the host is down recovers once it is back', async () => {
  const page = await newPage();
  await page.goto(`${host.tabletUrl}#${codes[0] ?? ''}`);
  await until(page, `document.querySelectorAll('[role=radiogroup]').length === 60`);
  expect(page.url()).not.toContain('#');
  await page.click('button[aria-label="科室1：全部满意"]');
  await page.evaluate(`location.hash = ${JSON.stringify(codes[1])}`);
  await until(page, `document.body.innerText.includes('已被清除')`);
  await until(page, `document.querySelectorAll('[role=radiogroup]').length === 60 && document.querySelectorAll('.grade.selected').length === 0`);
  await page.click('button[aria-label="科室3：全部基本满意"]');
  // Written within 400 ms, and at once when the page is hidden or unloaded.
  await until(page, `(localStorage.getItem('pingyi.ballot-answers') ?? '').includes(':2')`);

  await host.stop();
  await page.reload().catch(() => undefined);
  // Firefox's own error page: our page (and its code) is not there.
  expect(await page.evaluate('document.querySelector("[data-testid=hand-over]") === null')).toBe(true);

  host = await startHostProcess({ dataDir, args: ['--no-demo', '--port', String(port)] });
  await page.reload();
  await until(page, `document.querySelectorAll('.grade.selected').length === 5`);
  expect(await text(page)).not.toContain('已被清除');
});
