/**
 * The tablet page in a real Chromium against the built host, on a 105-object × 5-indicator
 * meeting: bytes on the wire for a first load and a reload (CDP encodedDataLength, brotli as a
 * browser asks for it), the taps a representative needs who rates 20 objects and does not know
 * the other 85, and the main-thread script time of each tap (CDP Performance.ScriptDuration,
 * read after the tap's re-render has been painted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright } from '../../electron/core/printing/find-browser';
import { prepareMeeting } from './prepare';
import { kill, startHost } from './host-process';

export interface TabletPageMeasures {
  first_load_bytes: number;
  reload_bytes: number;
  reload_paths: string[];
  taps_20_rated_85_unknown: number;
  script_ms_per_tap_median: number;
  script_ms_per_tap_p95: number;
  taps_measured: number;
}

async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** Waits until the frame after the tap's update has been produced. */
function painted(page: Page): Promise<void> {
  // A string, not a function: this file is typed for Node (no DOM library).
  return page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))');
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function measureTabletPage(dist: string): Promise<TabletPageMeasures> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium for the tablet page measures');
  const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-bench-tablet-'));
  const prepared = prepareMeeting(dataDir, { objects: 105, officials: 9, recipients: 21, spares: 0 });
  const host = await startHost(dist, dataDir, prepared.codes[0]?.code ?? null);
  const browser = await loadPlaywright().chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    const urls = new Map<string, string>();
    const finished: { path: string; bytes: number }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
    cdp.on('Network.loadingFinished', (e) => finished.push({ path: urls.get(e.requestId) ?? '', bytes: e.encodedDataLength }));

    await page.goto(host.tabletBase, { waitUntil: 'load' });
    await page.getByLabel('请输入评议码').waitFor();
    const firstLoad = finished.reduce((n, f) => n + f.bytes, 0);
    finished.length = 0;
    await page.reload({ waitUntil: 'load' });
    await page.getByLabel('请输入评议码').waitFor();
    const fromNetwork = finished.filter((f) => f.bytes > 0);

    let taps = 0;
    const times: number[] = [];
    const tap = async (selector: () => Promise<void>, timed = true) => {
      const before = await scriptMs(cdp);
      await selector();
      await painted(page);
      if (timed) times.push((await scriptMs(cdp)) - before);
      taps += 1;
    };
    await page.getByLabel('请输入评议码').fill(prepared.codes[0]?.code ?? '');
    await tap(() => page.getByRole('button', { name: '下一步' }).click(), false);
    await page.getByRole('radiogroup').first().waitFor();
    const grades = ['满意', '比较满意', '基本满意', '不满意'];
    for (let i = 0; i < 20; i += 1) {
      const name = `科室${i * 5 + 1}`;
      await tap(() => page.getByRole('button', { name: `${name}：全部${grades[i % 4] ?? '满意'}`, exact: true }).click());
      if (i % 2 === 0) await tap(() => page.getByRole('radiogroup', { name: `${name} 服务态度` }).getByRole('radio', { name: '满意', exact: true }).click());
    }
    // A voter who goes through item by item instead: 30 single taps on one stretch of the ballot.
    const itemTimes: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const before = await scriptMs(cdp);
      await page.getByRole('radiogroup').nth(200 + i).getByRole('radio', { name: grades[i % 4] ?? '满意', exact: true }).click();
      await painted(page);
      itemTimes.push((await scriptMs(cdp)) - before);
    }
    await tap(() => page.getByRole('button', { name: '检查并提交' }).click(), false);
    await tap(() => page.getByRole('button', { name: '按弃权计，去核对' }).click(), false);
    await tap(() => page.getByRole('button', { name: '确认提交' }).click(), false);
    await page.getByTestId('receipt').waitFor();
    const all = [...times, ...itemTimes].sort((a, b) => a - b);
    return {
      first_load_bytes: firstLoad,
      reload_bytes: fromNetwork.reduce((n, f) => n + f.bytes, 0),
      reload_paths: fromNetwork.map((f) => f.path),
      // The 30 extra single taps are a script-time sample, not part of the representative's path.
      taps_20_rated_85_unknown: taps,
      script_ms_per_tap_median: Math.round(median(all) * 100) / 100,
      script_ms_per_tap_p95: Math.round((all[Math.min(all.length - 1, Math.ceil(all.length * 0.95) - 1)] ?? NaN) * 100) / 100,
      taps_measured: all.length,
    };
  } finally {
    await browser.close();
    await kill(host.child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
