/**
 * A host process with a big graded meeting open for voting (105 objects × 5 indicators by
 * default, the size the issue was found at), and the helpers the tablet specs share.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { prepareMeeting } from '../../../scripts/bench/prepare';
import { freshDataDir, startHostProcess, type HostProcess } from './host-process';

export interface TabletMeeting {
  host: HostProcess;
  meetingId: string;
  codes: string[];
}

export async function startTabletMeeting(objects = 105): Promise<TabletMeeting> {
  const dataDir = freshDataDir();
  const prepared = prepareMeeting(dataDir, { objects, officials: 9, recipients: 21, spares: 0 });
  const host = await startHostProcess({ dataDir, args: ['--no-demo'] });
  return { host, meetingId: prepared.meetingId, codes: prepared.codes.map((c) => c.code) };
}

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 1024, height: 768 };

export async function openTablet(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('请输入评议码').fill(code);
  await page.getByRole('button', { name: '下一步' }).click();
}

/** The tap that sets all indicators of object `index` (0-based) to `grade`. */
export async function allOneGrade(page: Page, objectName: string, grade: string): Promise<void> {
  await page.getByRole('button', { name: `${objectName}：全部${grade}`, exact: true }).click();
}

export async function expectBallotShown(page: Page): Promise<void> {
  await expect(page.getByRole('radiogroup').first()).toBeVisible();
}
