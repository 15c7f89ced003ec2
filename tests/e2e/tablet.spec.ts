/**
 * The tablet in real Chromium against the built host process, on a 105-object meeting, at a
 * phone's 390×844 and a tablet's 1024×768: the long ballot in few taps, a footer that never
 * covers the last 弃权, codes refused at entry, a stale ballot discarded, hand-over, a frozen
 * host (SIGSTOP), two tabs, storage disabled, and the page's compression and cache headers.
 */
import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { chairCall } from './support/clients';
import { codeFromRandomBytes, formatCode } from '../../shared/codes/code-format';
import { PHONE, TABLET, allOneGrade, enterCode, expectBallotShown, openTablet, startTabletMeeting, type TabletMeeting } from './support/tablet-meeting';

let m: TabletMeeting;
test.beforeEach(async () => {
  m = await startTabletMeeting(105);
});
test.afterEach(async () => {
  process.kill(m.host.pid, 'SIGCONT');
  await m.host.stop();
});

const access = () => ({ chairPort: m.host.chairPort, token: m.host.token });

async function ballotsCounted(): Promise<number> {
  const view = await chairCall(access(), 'getMeeting', { meetingId: m.meetingId });
  return view.turnout.reduce((n, group) => n + group.ballots, 0);
}

/** Scrolled to the end, the centre of the last element matching `selector` is what a finger there would hit (nothing covers it). */
async function tappable(page: Page, selector: string): Promise<boolean> {
  // A string, not a function: this file is typed for Node (no DOM library).
  return page.evaluate(`(() => {
    const all = document.querySelectorAll(${JSON.stringify(selector)});
    const target = all[all.length - 1];
    if (!target) return false;
    // At the end of the page, where the last item of a long ballot is reached.
    window.scrollTo(0, document.documentElement.scrollHeight);
    const box = target.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === target || target.contains(hit));
  })()`);
}

/** Keys of the tablet's saved ballot left in the page's storage. */
function savedBallotKeys(page: Page): Promise<string[]> {
  return page.evaluate(`Object.keys(localStorage).filter((k) => k.startsWith('pingyi.ballot'))`);
}

function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression);
}

for (const [size, viewport] of [['390×844', PHONE], ['1024×768', TABLET]] as const) {
  test.describe(`at ${size}`, () => {
    test('rating 20 objects and not knowing 85 takes few taps; blanks are confirmed once, reviewed with number and department, and counted as 弃权', async ({ browser }) => {
      const page = await openTablet(browser, m.host.tabletUrl, viewport);
      let taps = 0;
      const tap = async (action: Promise<void>) => {
        await action;
        taps += 1;
      };
      await page.getByLabel('请输入评议码').fill(m.codes[0] ?? '');
      await tap(page.getByRole('button', { name: '下一步' }).click());
      await expectBallotShown(page);
      // The last 弃权 can be tapped: the footer never covers it.
      expect(await tappable(page, '.grade.abstain')).toBe(true);
      await inPage(page, 'window.scrollTo(0, 0)');

      const grades = ['满意', '比较满意', '基本满意', '不满意'];
      for (let i = 0; i < 20; i += 1) {
        const name = `科室${i * 5 + 1}`;
        await tap(allOneGrade(page, name, grades[i % 4] ?? '满意'));
        // Adjust one indicator of every other object afterwards.
        if (i % 2 === 0) await tap(page.getByRole('radiogroup', { name: `${name} 服务态度` }).getByRole('radio', { name: '满意', exact: true }).click());
      }
      // One object explicitly 不了解 (the others are simply left blank).
      await tap(page.getByRole('button', { name: '科室2：不了解（全部弃权）' }).click());
      await expect(page.locator('.progress')).toHaveText('已评 105 / 525 项');

      await tap(page.getByRole('button', { name: '检查并提交' }).click());
      await expect(page.getByRole('dialog')).toContainText('还有 420 项未选择');
      await tap(page.getByRole('button', { name: '按弃权计，去核对' }).click());
      await expect(page.getByRole('heading', { name: '请核对您的选票' })).toBeVisible();
      await expect(page.getByTestId('blank-count')).toHaveText('有 420 项未选择，按弃权计。');
      const first = page.locator('table.review tbody tr').first();
      await expect(first).toContainText('1');
      await expect(first).toContainText('部门1');
      await expect(first).toContainText('科室1');
      await expect(first).toContainText('服务态度：满意');
      await expect(page.locator('table.review tbody tr').nth(1)).toContainText('不了解（全部弃权）');
      await expect(page.locator('table.review tbody tr').nth(2)).toContainText('未选（按弃权计）');
      expect(await tappable(page, '.actions.sticky button.primary')).toBe(true);
      await tap(page.getByRole('button', { name: '确认提交' }).click());
      await expect(page.getByTestId('receipt')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(taps).toBeLessThanOrEqual(110);
      console.log(`taps for 20 rated + 85 not known at ${size}: ${taps}`);
      expect(await ballotsCounted()).toBe(1);
      // Nothing of the ballot is left on the tablet.
      expect(await savedBallotKeys(page)).toEqual([]);
      await page.screenshot({ path: `reports/shots/receipt-${viewport.width}.png` });
    });

    test('a voided code and a closed vote are refused at entry, before any ballot is shown', async ({ browser }) => {
      await chairCall(access(), 'voidCodes', { meetingId: m.meetingId, target: { kind: 'code', code: m.codes[2] ?? '' } });
      const page = await openTablet(browser, m.host.tabletUrl, viewport);
      await enterCode(page, m.codes[2] ?? '');
      await expect(page.getByRole('alert')).toContainText('此评议码已作废');
      await expect(page.getByRole('radiogroup')).toHaveCount(0);
      await chairCall(access(), 'closeVoting', { meetingId: m.meetingId });
      await enterCode(page, m.codes[3] ?? '');
      await expect(page.getByRole('alert')).toContainText('投票已结束');
      await expect(page.getByRole('radiogroup')).toHaveCount(0);
    });
  });
}

test('a new code never shows another code\'s answers: the stale ballot is discarded (hashchange and a fresh load), and the code leaves the address bar and history', async ({ browser }) => {
  const page = await openTablet(browser, m.host.tabletUrl, PHONE);
  const historyBefore = await inPage<number>(page, 'history.length');
  await inPage(page, `location.hash = ${JSON.stringify(m.codes[0])}`);
  await expectBallotShown(page);
  expect(page.url()).not.toContain('#');
  await allOneGrade(page, '科室1', '满意');
  await expect(page.locator('.grade.selected')).toHaveCount(5);

  // The next person scans their slip on the same tab: hashchange.
  await inPage(page, `location.hash = ${JSON.stringify(m.codes[1])}`);
  await expect(page.getByTestId('notice')).toContainText('未提交的选票（属于另一个评议码）已被清除');
  await expectBallotShown(page);
  await expect(page.locator('.grade.selected')).toHaveCount(0);
  expect(page.url()).not.toContain('#');
  expect(await inPage<number>(page, 'history.length')).toBeLessThanOrEqual(historyBefore + 2);
  await allOneGrade(page, '科室3', '不满意');
  // Saved across a reload: the same code's ballot comes back.
  await page.reload();
  await expect(page.locator('.grade.selected')).toHaveCount(5);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // A fresh load with a third code (the QR opened in a new page): discarded again, and said so.
  await page.goto(`${m.host.tabletUrl}#${m.codes[2] ?? ''}`);
  await expect(page.getByTestId('notice')).toContainText('已被清除');
  await expectBallotShown(page);
  await expect(page.locator('.grade.selected')).toHaveCount(0);
  expect(page.url()).not.toContain('#');

  // Typed on the code screen after 交给下一位: nothing of the last ballot either.
  await allOneGrade(page, '科室4', '满意');
  await page.getByTestId('hand-over').click();
  await expect(page.getByRole('dialog')).toContainText('清空本机上的这张选票');
  await page.getByRole('button', { name: '清空并交给下一位' }).click();
  await expect(page.getByTestId('notice')).toContainText('已清空');
  expect(await savedBallotKeys(page)).toEqual([]);
  await enterCode(page, m.codes[2] ?? '');
  await expectBallotShown(page);
  await expect(page.locator('.grade.selected')).toHaveCount(0);
});

test('a used code: another tablet is told 已使用 at entry, before any ballot; the tablet that sent it, holding its submission key, gets its receipt back after the answer was lost', async ({ browser }) => {
  const page = await openTablet(browser, m.host.tabletUrl, PHONE);
  await enterCode(page, m.codes[0] ?? '');
  await allOneGrade(page, '科室1', '满意');
  // The ballot reaches the host and is stored; its answer is lost on the way back, and so is every retry's.
  let delivered = false;
  await page.route('**/api/tablet/ballot', async (route) => {
    if (!delivered) {
      delivered = true;
      await route.fetch();
    }
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '按弃权计，去核对' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect.poll(ballotsCounted).toBe(1);
  await expect(page.getByTestId('receipt')).toHaveCount(0);

  // The same slip on another tablet (no submission key): refused at the code step.
  const other = await openTablet(browser, m.host.tabletUrl, PHONE);
  await enterCode(other, m.codes[0] ?? '');
  await expect(other.getByRole('alert')).toContainText('此评议码已使用');
  await expect(other.getByRole('radiogroup')).toHaveCount(0);

  // The first tablet, reloaded (ballot requests still failing): its session carries the key, and
  // the host answers with the receipt of the stored ballot.
  await page.reload();
  await expect(page.getByTestId('receipt')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(await ballotsCounted()).toBe(1);
});

test('hand-over from the review and from the receipt; every stage has it', async ({ browser }) => {
  const page = await openTablet(browser, m.host.tabletUrl, TABLET);
  await expect(page.getByTestId('hand-over')).toBeVisible();
  await enterCode(page, m.codes[0] ?? '');
  await allOneGrade(page, '科室1', '满意');
  await page.getByRole('button', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '按弃权计，去核对' }).click();
  await page.getByTestId('hand-over').click();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('heading', { name: '请核对您的选票' })).toBeVisible();
  await page.getByTestId('hand-over').click();
  await page.getByRole('button', { name: '清空并交给下一位' }).click();
  await expect(page.getByLabel('请输入评议码')).toHaveValue('');
  // The code is still unused: the same slip opens a blank ballot.
  await enterCode(page, m.codes[0] ?? '');
  await expectBallotShown(page);
  await expect(page.locator('.grade.selected')).toHaveCount(0);
});

test('a frozen host (SIGSTOP): the session and the submit time out after 8 s, retry, and finish once the host runs again', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await openTablet(browser, m.host.tabletUrl, PHONE);
  process.kill(m.host.pid, 'SIGSTOP');
  await enterCode(page, m.codes[0] ?? '');
  await expect(page.getByText('主机没有应答，正在重试（第 1 次）')).toBeVisible({ timeout: 20_000 });
  process.kill(m.host.pid, 'SIGCONT');
  await expectBallotShown(page);

  await allOneGrade(page, '科室1', '满意');
  await page.getByRole('button', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '按弃权计，去核对' }).click();
  process.kill(m.host.pid, 'SIGSTOP');
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('正在自动重试（第 1 次）')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('主机没有应答')).toBeVisible();
  process.kill(m.host.pid, 'SIGCONT');
  await expect(page.getByTestId('receipt')).toBeVisible({ timeout: 30_000 });
  expect(await ballotsCounted()).toBe(1);
});

test('two tabs: the tab that opens the ballot last owns it, the other stops saving and says so', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const first = await context.newPage();
  await first.goto(m.host.tabletUrl);
  await enterCode(first, m.codes[0] ?? '');
  await allOneGrade(first, '科室1', '满意');
  const second = await context.newPage();
  await second.goto(m.host.tabletUrl);
  // The second tab resumes the saved ballot (answers written within 400 ms or on hide).
  await expect(second.locator('.grade.selected')).toHaveCount(5);
  await expect(first.getByText('这张选票已在本机的另一个页面中打开')).toBeVisible();
  await allOneGrade(second, '科室2', '不满意');
  await first.getByRole('button', { name: '在这个页面继续' }).click();
  await expect(first.locator('.grade.selected')).toHaveCount(10);
  await expect(second.getByText('这张选票已在本机的另一个页面中打开')).toBeVisible();
});

test('storage disabled: a clear warning, and the ballot still works in memory', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  // What a browser with site data blocked does: reading localStorage throws a SecurityError.
  await context.addInitScript(`Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`);
  const page = await context.newPage();
  await page.goto(m.host.tabletUrl);
  await expect(page.getByTestId('storage-warning')).toContainText('刷新或关闭页面会丢失已填写的内容');
  await enterCode(page, m.codes[0] ?? '');
  await allOneGrade(page, '科室1', '满意');
  await page.getByRole('button', { name: '检查并提交' }).click();
  await page.getByRole('button', { name: '按弃权计，去核对' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByTestId('receipt')).toBeVisible();
});

test('compressed and cached: brotli with Vary, immutable hashed assets, a revalidated page; a reload transfers only the page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const transferred: { url: string; bytes: number }[] = [];
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => transferred.push({ url: urls.get(event.requestId) ?? '', bytes: event.encodedDataLength }));
  const responses: { url: string; headers: Record<string, string> }[] = [];
  page.on('response', (response) => responses.push({ url: response.url(), headers: response.headers() }));
  await page.goto(m.host.tabletUrl);
  await expect(page.getByLabel('请输入评议码')).toBeVisible();
  await expect.poll(() => transferred.length).toBeGreaterThanOrEqual(3);
  const firstLoad = transferred.reduce((n, r) => n + r.bytes, 0);
  expect(firstLoad).toBeLessThanOrEqual(36 * 1024);
  const assets = responses.filter((r) => r.url.includes('/assets/'));
  expect(assets.length).toBeGreaterThanOrEqual(2);
  for (const asset of assets) {
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['vary']).toMatch(/accept-encoding/i);
  }
  const html = responses.find((r) => r.url === m.host.tabletUrl);
  expect(html?.headers['cache-control']).toBe('no-cache');

  transferred.length = 0;
  await page.reload();
  await expect(page.getByLabel('请输入评议码')).toBeVisible();
  await expect.poll(() => transferred.length).toBeGreaterThanOrEqual(1);
  const fromNetwork = transferred.filter((r) => r.bytes > 0);
  expect(fromNetwork.map((r) => new URL(r.url).pathname)).toEqual(['/']);
  console.log(`first load ${firstLoad} B on the wire; reload ${fromNetwork.reduce((n, r) => n + r.bytes, 0)} B`);
});

test('a notched phone (safe-area insets 47 / 34 px): the bar clears the notch, the footer clears the home indicator, the last 弃权 stays tappable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Chromium's emulation of env(safe-area-inset-*), as on an iPhone with a notch.
  await cdp.send('Emulation.setSafeAreaInsetsOverride' as never, { insets: { top: 47, bottom: 34, left: 0, right: 0 } } as never);
  await page.goto(m.host.tabletUrl);
  await enterCode(page, m.codes[0] ?? '');
  await expectBallotShown(page);
  expect(await inPage<string>(page, `getComputedStyle(document.querySelector('.bar')).paddingTop`)).toBe('47px');
  expect(await inPage<string>(page, `getComputedStyle(document.querySelector('.actions.sticky')).paddingBottom`)).toBe('44px');
  expect(await tappable(page, '.grade.abstain')).toBe(true);
  // The footer's button ends above the home indicator.
  const bottom = await inPage<number>(page, `document.querySelector('.actions.sticky button.primary').getBoundingClientRect().bottom`);
  expect(bottom).toBeLessThanOrEqual(PHONE.height - 34);
});

test('an English tablet words the server\'s refusals in English from their code (the host sends code and params; its Chinese message is only the fallback)', async ({ browser }) => {
  const page = await openTablet(browser, m.host.tabletUrl, TABLET);
  await page.getByRole('button', { name: 'English' }).click();
  // A well-formed code (its check character right) that was never issued: the host refuses it.
  const never = formatCode(codeFromRandomBytes(randomBytes(16)));
  await page.getByLabel('Enter your voting code').fill(never);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('There is no such code. Check it and enter it again, or ask the staff.');
  // What the host sent: the code, and the Chinese wording as the wire's fallback.
  const answer = await page.evaluate(async (code) => {
    const response = await fetch('/api/tablet/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    return (await response.json()) as { error: { code: string; message: string } };
  }, never);
  expect(answer.error).toEqual({ code: 'unknown_code', message: '没有这个评议码，请核对后重新输入，或向工作人员求助。' });
});
