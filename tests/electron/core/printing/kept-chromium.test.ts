/**
 * Browser mode keeps one Chromium per host (electron/core/printing/chromium-pdf.ts): launched on
 * the first PDF, reused, launched again after a crash, closed with the host. And the printed
 * fingerprint, now computed from the stored ballot texts, is the very value the parsed ballots
 * give. Needs `npm run build` (dist/console) and a local Chromium.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../support/running-host';
import { chromiumChildren, until } from '../../../support/processes';
import { keptChromium, KeptChromium } from '../../../../electron/core/printing/chromium-pdf';
import { ballotSetDigest, shortFingerprint, storedBallotSetDigest } from '../../../../electron/core/printing/fingerprint';
import type { DetailSheet, RankingSheet } from '../../../../shared/api/chair/printing';
import { canonicalJson } from '../../../../shared/domain/canonical-json';
import type { BallotContent, TallyBallot, VoterGroup } from '../../../../shared/domain/model';
import { createPrintFixture, type PrintFixture } from './fixture';
import { closedBallotSetDigest, meetingBallotTexts } from '../../../../electron/core/services/results';
import { errorWords } from '../../../../shared/i18n/error-words';

/** Chromium's main processes started by this test process. */
const chromiumPids = (): number[] => chromiumChildren(process.pid);

/** The byte forms a code could take in a file: ASCII/UTF-8 (= latin1 for these characters), UTF-16 LE and BE. */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(text, 'utf8'), le, be];
}

// Every test starts its own host and its own Chromium: none relies on what another left behind.
describe('the kept Chromium', () => {
  let t: TestHost;
  let meetingId: string;

  beforeEach(async () => {
    t = await startTestHost();
    const [meeting] = await t.chair('listMeetings', {});
    meetingId = meeting?.id ?? '';
  }, 60_000);

  afterEach(async () => {
    await t?.stop();
    expect(await until(() => chromiumPids().length === 0)).toBe(true);
  }, 60_000);

  function kept(): KeptChromium {
    const chromium = keptChromium(t.host.core);
    if (!(chromium instanceof KeptChromium)) throw new Error(JSON.stringify(chromium.error));
    return chromium;
  }

  it('is launched on the first PDF and reused, one sheet at a time', async () => {
    expect(chromiumPids()).toEqual([]);
    const first = await t.chair('renderPdf', { meetingId, sheet: 'signin' });
    expect(first.pages).toBeGreaterThanOrEqual(1);
    expect(kept().launches).toBe(1);
    // Two asked for at once: both rendered, one after the other, in the same browser.
    const [a, b] = await Promise.all([t.chair('renderPdf', { meetingId, sheet: 'signin' }), t.chair('renderPdf', { meetingId, sheet: 'zero' })]);
    expect(a.pages).toBe(first.pages);
    expect(b.pages).toBe(1);
    expect(kept().launches).toBe(1);
    expect(chromiumPids()).toHaveLength(1);
  }, 60_000);

  it('keeps the print route loaded but empty between result sheets, and leaves code slips for about:blank', async () => {
    const signin = await t.chair('renderPdf', { meetingId, sheet: 'signin' });
    expect(await kept().contents()).toEqual({ url: expect.stringContaining('/print/index.html?') as unknown as string, sheets: 0 });
    // The next sheet is shown in place: the right one, and nothing of the one before.
    const zero = await t.chair('renderPdf', { meetingId, sheet: 'zero' });
    const again = await t.chair('renderPdf', { meetingId, sheet: 'signin' });
    expect(again.pages).toBe(signin.pages);
    expect(Buffer.from(again.base64, 'base64').length).toBe(Buffer.from(signin.base64, 'base64').length);
    expect(zero.fileName).toContain('零票报告');
    const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
    const { handoff } = await t.chair('stashSlips', { meetingId, codes: codes.map((c) => ({ group: c.group, code: c.code, url: c.url })) });
    await t.chair('renderPdf', { meetingId, sheet: 'slips', handoff });
    expect(await kept().contents()).toEqual({ url: 'about:blank', sheets: 0 });
    // After about:blank the route is loaded again and works as before.
    expect((await t.chair('renderPdf', { meetingId, sheet: 'signin' })).pages).toBe(signin.pages);
    expect(kept().launches).toBe(1);
  }, 90_000);

  it('leaves no code of a slip sheet in its profile on disk, in UTF-8, UTF-16 LE or UTF-16 BE, with or without dashes', async () => {
    const codes = await t.chair('generateCodes', { meetingId, spares: 0 });
    const { handoff } = await t.chair('stashSlips', { meetingId, codes: codes.map((c) => ({ group: c.group, code: c.code, url: c.url })) });
    const slips = await t.chair('renderPdf', { meetingId, sheet: 'slips', handoff });
    expect(slips.pages).toBeGreaterThanOrEqual(1);
    expect(kept().launches).toBe(1);
    const needles = codes.flatMap((c) => [c.code, c.code.replace(/-/g, '')].flatMap((form) => encodings(form).map((bytes) => ({ code: c.code, bytes }))));
    // The profile folder of this host's own Chromium (from its command line; other processes'
    // browsers on the machine have their own): nothing there holds a code.
    const profiles = chromiumPids().flatMap((pid) => {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const dir = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
      return dir ? [relative(tmpdir(), dir)] : [];
    });
    expect(profiles.length).toBeGreaterThanOrEqual(1);
    let searched = 0;
    for (const profile of profiles) {
      let files: Dirent[] = [];
      try {
        files = readdirSync(join(tmpdir(), profile), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      } catch {
        continue; // another test's browser closed meanwhile
      }
      for (const f of files) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(join(f.parentPath, f.name));
        } catch {
          continue;
        }
        searched += 1;
        for (const needle of needles) expect(bytes.includes(needle.bytes), `${f.name} holds code ${needle.code}`).toBe(false);
      }
    }
    expect(searched).toBeGreaterThan(0);
  }, 60_000);

  it('is launched again after it crashed', async () => {
    expect((await t.chair('renderPdf', { meetingId, sheet: 'zero' })).pages).toBe(1);
    expect(kept().launches).toBe(1);
    const [pid] = chromiumPids();
    if (pid === undefined) throw new Error('no Chromium running');
    process.kill(pid, 'SIGKILL');
    expect(await until(() => !chromiumPids().includes(pid))).toBe(true);
    const again = await t.chair('renderPdf', { meetingId, sheet: 'zero' });
    expect(again.pages).toBe(1);
    expect(kept().launches).toBe(2);
    expect(chromiumPids()).toHaveLength(1);
  }, 60_000);

  it('is closed with the host and refuses afterwards', async () => {
    expect((await t.chair('renderPdf', { meetingId, sheet: 'zero' })).pages).toBe(1);
    const chromium = kept();
    expect(chromiumPids()).toHaveLength(1);
    await t.stop();
    expect(await until(() => chromiumPids().length === 0)).toBe(true);
    const refused = await chromium.render('sheet=zero&meeting=x&pdf=1');
    expect(refused).toEqual({ error: { rule: 'closed' } });
    expect(errorWords({ code: 'pdf_failed', params: { rule: 'closed' } }, 'zh')).toContain('程序正在关闭');
    expect(chromiumPids()).toEqual([]);
  }, 60_000);
});

describe('the printed fingerprint from the stored ballot texts', () => {
  let t: TestHost;
  let fixture: PrintFixture;

  beforeAll(async () => {
    t = await startTestHost({ demo: false });
    fixture = await createPrintFixture(t);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('is the digest of the parsed ballots of both meetings of the round, as before', async () => {
    const parsed = [fixture.socialId, fixture.selfId].map((id) => ({
      meetingId: id,
      ballots: (t.host.core.store.db.prepare('SELECT voter_group, content_json FROM ballots WHERE meeting_id = ?').all(id) as { voter_group: VoterGroup; content_json: string }[]).map(
        (row): TallyBallot => ({ group: row.voter_group, content: JSON.parse(row.content_json) as BallotContent }),
      ),
    }));
    const expected = shortFingerprint(ballotSetDigest(parsed));
    const ranking = (await t.chair('printData', { meetingId: fixture.socialId, sheet: 'ranking' })) as RankingSheet;
    const detail = (await t.chair('printData', { meetingId: fixture.selfId, sheet: 'detail' })) as DetailSheet;
    expect(ranking.fingerprint).toBe(expected);
    expect(detail.fingerprint).toBe(expected);
  });

  it('is kept with the closed meetings\' ballot sets, in either order, and follows a change of a set', () => {
    const store = t.host.core.store;
    const texts = (id: string) => ({ meetingId: id, ballots: meetingBallotTexts(store, id) });
    const fresh = storedBallotSetDigest([texts(fixture.socialId), texts(fixture.selfId)]);
    expect(closedBallotSetDigest(store, [fixture.socialId, fixture.selfId])).toBe(fresh);
    expect(closedBallotSetDigest(store, [fixture.selfId, fixture.socialId])).toBe(fresh);
    // One more ballot in the set (a paper ballot after close does this): a new digest, not the kept one.
    const [first] = meetingBallotTexts(store, fixture.selfId);
    if (!first) throw new Error('the fixture has self-evaluation ballots');
    store.db.prepare('INSERT INTO ballots (id, meeting_id, voter_group, content_json) VALUES (?, ?, ?, ?)').run('extra-ballot', fixture.selfId, first.group, first.json);
    try {
      const grown = closedBallotSetDigest(store, [fixture.socialId, fixture.selfId]);
      expect(grown).not.toBe(fresh);
      expect(grown).toBe(storedBallotSetDigest([texts(fixture.socialId), texts(fixture.selfId)]));
    } finally {
      store.db.prepare('DELETE FROM ballots WHERE id = ?').run('extra-ballot');
    }
    expect(closedBallotSetDigest(store, [fixture.socialId, fixture.selfId])).toBe(fresh);
  });

  it('equals ballotSetDigest for any ballots stored as canonical JSON', () => {
    const id = fc.stringMatching(/^[\w-]{1,12}$/);
    const grade = fc.option(fc.integer({ min: 0, max: 20 }), { nil: null });
    const content = fc.dictionary(id, fc.dictionary(id, grade, { maxKeys: 4 }), { maxKeys: 4 }).map((answers): BallotContent => ({ type: 'graded', answers }));
    const worst = fc.record({ type: fc.constant('worst' as const), picks: fc.array(fc.record({ objectId: fc.string({ unit: 'grapheme', maxLength: 6 }), tags: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }) }), { maxLength: 3 }) });
    const ballot = fc.record({ group: fc.constantFrom<VoterGroup>('officials', 'recipients', 'all'), content: fc.oneof(content, worst as fc.Arbitrary<BallotContent>) });
    const meetings = fc.uniqueArray(fc.record({ meetingId: id, ballots: fc.array(ballot, { maxLength: 8 }) }), { selector: (m) => m.meetingId, maxLength: 3 });
    fc.assert(
      fc.property(meetings, (ms) => {
        const stored = ms.map((m) => ({ meetingId: m.meetingId, ballots: m.ballots.map((b) => ({ group: b.group, json: canonicalJson(b.content) })) }));
        expect(storedBallotSetDigest(stored)).toBe(ballotSetDigest(ms));
      }),
      { numRuns: 300 },
    );
  });
});
