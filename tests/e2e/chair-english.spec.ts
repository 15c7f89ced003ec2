/**
 * English mode is complete where the console speaks for itself: tabs, buttons, the lock notices
 * (core sends them as codes, the console words them), hints with their brackets; icons are inline SVG, so nothing
 * depends on an emoji font. Meeting data (titles, names, units) stays as the chair typed it.
 */
import { test, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host-process';
import { chairCall } from './support/clients';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

/** Page-side (this file has no DOM types): the text of <main> without the meeting's own data. */
const CONSOLE_WORDS = `(() => {
  const copy = document.querySelector('main').cloneNode(true);
  for (const data of copy.querySelectorAll('h2, .muted, .person, td, .url, option, input, textarea, [data-testid=codes]')) data.remove();
  document.body.append(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
})()`;
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const CJK_OR_FULL_WIDTH = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const SYMBOL_GLYPHS = /[\u{1F300}-\u{1FAFF}\u2713\u2714\u2717\u2718\u26a0\u25cf]/u;

test('English mode: every console string, lock notice and bracket in English; icons without an emoji font', async ({ browser }) => {
  const [meeting] = await chairCall(host, 'listMeetings', {});
  const meetingId = meeting?.id ?? '';
  // The meeting's data as typed (round, indicator sets and their tags, grade labels) is not the console's words.
  const setup = await chairCall(host, 'meetingSetup', { meetingId });
  const data = [setup.meeting.round, ...strings(setup.indicatorSets), ...setup.settings.gradeScale.map((g) => g.label)].sort((a, b) => b.length - a.length);
  const consoleWords = (text: string): string[] =>
    text
      .split('\n')
      .map((line) => data.reduce((rest, d) => rest.replaceAll(d, ''), line))
      .filter((line) => CJK_OR_FULL_WIDTH.test(line));
  const chair = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await chair.goto(host.chairUrl);
  await chair.getByRole('button', { name: 'English' }).click();

  await chair.getByRole('tab', { name: 'Setup' }).click();
  const options = await chair.getByTestId('setup-details').locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(0);
  for (const text of options) expect(text, text).not.toMatch(CJK_OR_FULL_WIDTH);
  await expect(chair.getByRole('button', { name: 'Add object' })).toBeVisible();

  await chairCall(host, 'generateCodes', { meetingId, spares: 0 });
  await chairCall(host, 'openVoting', { meetingId });
  await expect(chair.getByTestId('meeting-status')).toHaveText('Voting open');
  const lock = chair.getByTestId('setup-lock');
  await expect(lock).toContainText('Voting has opened');
  await expect(lock).not.toHaveText(CJK_OR_FULL_WIDTH);
  await expect(lock.locator('svg.icon-lock')).toHaveCount(1);

  // The console's own words on every tab (the meeting's data is masked out).
  for (const tab of ['Setup', 'Check-in', 'Voting', 'Results', 'Print']) {
    await chair.getByRole('tab', { name: tab }).click();
    await expect(chair.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    const text = String(await chair.evaluate(CONSOLE_WORDS));
    expect(consoleWords(text), tab).toEqual([]);
    expect(text, tab).not.toMatch(SYMBOL_GLYPHS);
  }
});
