/**
 * The sheets print in their own fonts (renderer/print/fonts, docs/performance.md change 23): the
 * PDF embeds Pingyi Sheet Serif and Pingyi Sheet Sans, whatever CJK fonts the machine has, and a
 * character the cut-down fonts lack (a name character outside GB 2312) still prints,
 * from the system's font in the stack. Through the host's own path (chair API renderPdf → kept
 * Chromium → built print route); needs `npm run build` and poppler-utils.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, tempDir, type TestHost } from '../../../support/running-host';
import { pdfText, savePdf } from './pdf-tools';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({ demo: true });
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

/**
 * The fonts the file embeds, by name without the subset prefix (ABCDEF+). Chromium writes CJK
 * faces as Type 3 fonts, which pdffonts lists as [none]; their descriptors carry the name.
 */
function fontNames(file: string): string[] {
  const raw = readFileSync(file).toString('latin1');
  return [...raw.matchAll(/\/FontName\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)/g)].map((m) => m[1] ?? '');
}

describe('the sheets\' own fonts', () => {
  it('a sign-in sheet embeds Pingyi Sheet Serif and Sans, and a name outside GB 2312 prints from the system font', async () => {
    const [meeting] = await t.chair('listMeetings', {});
    const meetingId = meeting?.id ?? '';
    // 䶮 (U+4DAE, CJK Extension A) is in no GB 2312 font; Noto CJK has it.
    await t.chair('addRepresentative', { meetingId, name: '刘䶮', unit: '辖区企业', category: 'recipient' });
    const pdf = await t.chair('renderPdf', { meetingId, sheet: 'signin' });
    const file = savePdf(tempDir('pingyi-fonts-'), 'signin', pdf.base64);
    const names = fontNames(file);
    expect(names.some((n) => n.startsWith('PingyiSheetSerif-'))).toBe(true);
    expect(names.some((n) => n.startsWith('PingyiSheetSans-'))).toBe(true);
    expect(names.some((n) => /^Noto(Serif|Sans)CJK/.test(n)), `fonts: ${names.join(', ')}`).toBe(true);
    expect(pdfText(file).replace(/\s+/g, '')).toContain('刘䶮');
  }, 60_000);
});
