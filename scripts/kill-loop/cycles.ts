/**
 * Kill -9 the built host at random moments while tablets submit, restart it on the same data
 * folder, check the database, repeat. Shared by the gate (tests/faults/kill-cycles.test.ts, a
 * few dozen cycles) and `npm run faults:kill -- --cycles 2000` (scripts/kill-loop/main.ts).
 *
 * After every kill, with the host down, the SQLite file itself must show:
 * - `PRAGMA integrity_check` = ok;
 * - every acknowledged receipt kept and every acknowledged content stored exactly as sent
 *   (sealed while voting is open: the check reads them with the meeting's key file);
 * - no partial ballot: every stored ballot parses with the shared schema and passes ballotProblem
 *   against the meeting's frozen definition;
 * - used codes = ballots = retry links (so exactly one ballot per code).
 * After each restart, tablets retry what they hold: an acknowledged ballot gets its same receipt.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ballotSchema, type BallotDefinition } from '../../shared/api/tablet-schemas';
import { ballotProblem, type MeetingDefinition } from '../../shared/domain/ballot-rules';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { BallotContent } from '../../shared/domain/model';
import { kill, startHost, type BenchHost } from '../bench/host-process';
import { postJson, tabletAddress } from '../bench/http-client';
import { submissionKeyFor } from '../bench/submission-key';
import { MeetingKeys } from '../../electron/core/store/meeting-keys';
import { ballotAad, linkAad, type LinkContent } from '../../electron/core/services/ballot-sealing';

export interface KillLoopOptions {
  /** The folder holding electron/host.cjs (dist/). */
  readonly dist: string;
  readonly cycles: number;
  /** Seed of the pseudo-random kill moments and burst sizes; a failing run can be replayed. */
  readonly seed?: number;
  readonly dataDir?: string;
  /** Largest delay between the start of a burst and the kill, in ms. */
  readonly maxKillDelayMs?: number;
  readonly log?: (line: string) => void;
  /** The host's environment (the power-cut test preloads a shim with it). */
  readonly env?: NodeJS.ProcessEnv;
  /** How the host is stopped: SIGKILL by default; SIGUSR2 is the power-cut shim's cut. */
  readonly signal?: NodeJS.Signals;
  /**
   * Start the kill delay only once the burst's first answer arrived, so that every cycle has an
   * acknowledgement to lose however slow the machine is (the power-cut test needs that).
   */
  readonly afterFirstAnswer?: boolean;
}

export interface KillLoopReport {
  readonly dataDir: string;
  readonly seed: number;
  readonly cycles: number;
  /** Ballots acknowledged over the whole run (first acknowledgements, not retries). */
  readonly acknowledged: number;
  /** Ballots whose answer was cut off by a kill and that a later retry settled. */
  readonly settledByRetry: number;
  /** Retries of acknowledged ballots that got their receipt back. */
  readonly sameReceipt: number;
  /**
   * Kills that landed mid-request: at the kill, at least one request had been sent whole and
   * not yet answered. A loop whose kills all fall between bursts would prove nothing.
   */
  readonly killsMidRequest: number;
  /** Requests sent whole and unanswered at the kill, summed over the run. */
  readonly requestsCutOff: number;
  readonly stored: number;
  readonly meetings: number;
  readonly restartMsMax: number;
  /** Every broken promise found; empty when all held. */
  readonly problems: readonly string[];
}

/** mulberry32: small, seedable, good enough to pick moments and sizes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tablet {
  readonly code: string;
  readonly ballot: BallotContent;
  readonly body: Buffer;
  /** The receipt once acknowledged. */
  receipt: string | null;
  /** A request was cut off by a kill before any answer. */
  pending: boolean;
}

interface OpenMeeting {
  readonly id: string;
  readonly unused: string[];
  readonly definition: BallotDefinition;
}

async function chair<T>(host: BenchHost, method: string, input: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${host.chairPort}/api/chair/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pingyi-token': host.token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message ?? response.status}`);
  return answer.value as T;
}

/** A fresh demo meeting (30 on the roster) with 500 spare codes per group, voting open. */
async function openMeeting(host: BenchHost, first: boolean): Promise<OpenMeeting> {
  const meeting = first ? (await chair<{ id: string }[]>(host, 'listMeetings', {}))[0] : await chair<{ id: string }>(host, 'createDemo', {});
  if (!meeting) throw new Error('no demo meeting');
  const codes = await chair<{ code: string }[]>(host, 'generateCodes', { meetingId: meeting.id, spares: 500 });
  await chair(host, 'openVoting', { meetingId: meeting.id });
  const unused = codes.map((c) => c.code);
  const session = await postJson(`${host.tabletBase}/api/tablet/session`, { code: unused[0] });
  if (session.status !== 200) throw new Error(`session answered ${session.status}`);
  return { id: meeting.id, unused, definition: session.body?.value as BallotDefinition };
}

function ballotFor(definition: BallotDefinition, next: () => number): BallotContent {
  const answers: Record<string, Record<string, number | null>> = {};
  for (const object of definition.objects) {
    const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries(
      (set?.indicators ?? []).map((indicator) => {
        const r = next();
        return [indicator.id, r < 0.1 ? null : Math.floor(r * definition.gradeScale.length) % definition.gradeScale.length];
      }),
    );
  }
  return { type: 'graded', answers };
}

/**
 * The database checks of one cycle, with the host down. Returns what is broken. While voting is
 * open ballots and links are sealed (docs/anonymity.md), so the check reads them with the
 * meeting's key file, as the host does; a receipt and a content are never linked, so each is
 * checked on its own: every acknowledged receipt is in a link, every acknowledged content is
 * stored (as often as tablets sent it), and every stored ballot fits its meeting.
 */
function checkDatabase(file: string, tablets: readonly Tablet[], verified: Set<string>): { problems: string[]; stored: number } {
  const problems: string[] = [];
  const db = new Database(file);
  const keys = new MeetingKeys(file);
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
    const meetings = db.prepare('SELECT id, frozen_json FROM meetings WHERE frozen_json IS NOT NULL').all() as { id: string; frozen_json: string }[];
    let stored = 0;
    const receipts = new Set<string>();
    const contents = new Map<string, number>();
    for (const meeting of meetings) {
      const definition = JSON.parse(meeting.frozen_json) as MeetingDefinition;
      const key = keys.get(meeting.id);
      const texts = (db.prepare('SELECT content_json FROM ballots WHERE meeting_id = ?').all(meeting.id) as { content_json: string }[]).map((r) => r.content_json);
      const sealed = db.prepare('SELECT sealed FROM sealed_ballots WHERE meeting_id = ?').all(meeting.id) as { sealed: Buffer }[];
      const links = db.prepare('SELECT code_hash, sealed FROM retry_links WHERE meeting_id = ?').all(meeting.id) as { code_hash: string; sealed: Buffer }[];
      if ((sealed.length > 0 || links.length > 0) && !key) problems.push(`meeting ${meeting.id}: sealed ballots but no key file`);
      for (const row of sealed) if (key) texts.push(key.open(row.sealed, ballotAad(meeting.id)).toString('utf8'));
      for (const row of links) {
        if (!key) continue;
        const link = JSON.parse(key.open(row.sealed, linkAad(meeting.id, row.code_hash)).toString('utf8')) as LinkContent;
        receipts.add(link.receipt);
      }
      for (const text of db.prepare('SELECT receipt FROM receipts WHERE meeting_id = ?').all(meeting.id) as { receipt: string }[]) receipts.add(text.receipt);
      stored += texts.length;
      for (const text of texts) {
        contents.set(text, (contents.get(text) ?? 0) + 1);
        const seen = `${meeting.id}:${text}`;
        if (verified.has(seen)) continue;
        let problem: string | null;
        try {
          const parsed = ballotSchema.safeParse(JSON.parse(text));
          problem = parsed.success ? ballotProblem(definition, parsed.data) : 'does not fit the ballot schema';
        } catch {
          problem = 'is not JSON';
        }
        if (problem) problems.push(`a stored ballot of meeting ${meeting.id}: ${problem}`);
        else verified.add(seen);
      }
      const count = (sql: string) => (db.prepare(sql).get(meeting.id) as { n: number }).n;
      const used = count("SELECT COUNT(*) AS n FROM codes WHERE meeting_id = ? AND state = 'used'");
      if (used !== texts.length || links.length !== sealed.length) {
        problems.push(`meeting ${meeting.id}: ${texts.length} ballots, ${used} used codes, ${links.length} retry links for ${sealed.length} sealed ballots`);
      }
    }
    const sent = new Map<string, number>();
    for (const tablet of tablets) {
      if (!tablet.receipt) continue;
      if (!receipts.has(tablet.receipt)) problems.push(`acknowledged ballot ${tablet.receipt} is missing`);
      const text = canonicalJson(tablet.ballot);
      sent.set(text, (sent.get(text) ?? 0) + 1);
    }
    for (const [text, n] of sent) {
      if ((contents.get(text) ?? 0) < n) problems.push(`an acknowledged ballot's content is not stored as the tablet sent it`);
    }
    return { problems, stored };
  } finally {
    db.close();
  }
}

/** Runs the loop; stops early at the first cycle that finds a problem. */
export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const next = random(seed);
  const log = options.log ?? (() => undefined);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pingyi-kill-'));
  const file = join(dataDir, 'pingyi.sqlite');
  const maxDelay = options.maxKillDelayMs ?? 250;
  const tablets: Tablet[] = [];
  const verified = new Set<string>();
  const problems: string[] = [];
  let acknowledged = 0;
  let settledByRetry = 0;
  let sameReceipt = 0;
  let killsMidRequest = 0;
  let requestsCutOff = 0;
  let stored = 0;
  let meetings = 1;
  let restartMsMax = 0;
  let meeting: OpenMeeting | null = null;
  let cycle = 0;

  for (; cycle < options.cycles && problems.length === 0; cycle += 1) {
    const host = await startHost(options.dist, dataDir, null, { demo: cycle === 0, env: options.env });
    let killed = false;
    try {
      if (cycle > 0) restartMsMax = Math.max(restartMsMax, host.readyMs);
      if (!meeting || meeting.unused.length < 40) {
        meeting = await openMeeting(host, cycle === 0);
        if (cycle > 0) meetings += 1;
      }
      const current = meeting;
      // The burst: everything still unanswered, a few acknowledged ones again, and new tablets.
      const retrying = tablets.filter((t) => t.pending);
      const again = tablets.filter((t) => t.receipt && next() < 0.02).slice(0, 5);
      const fresh = Array.from({ length: 4 + Math.floor(next() * 16) }, () => {
        const code = current.unused.pop() ?? '';
        const ballot = ballotFor(current.definition, next);
        const tablet: Tablet = { code, ballot, body: Buffer.from(JSON.stringify({ code, submissionKey: submissionKeyFor(code), ballot })), receipt: null, pending: true };
        tablets.push(tablet);
        return tablet;
      });
      const burst = [...retrying, ...again, ...fresh];
      let inFlight = 0; // sent whole, not yet answered
      let firstAnswer: () => void = () => undefined;
      const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
      const answers = burst.map(async (tablet) => {
        let sent = false;
        const answer = await postJson(`${host.tabletBase}/api/tablet/ballot`, tablet.body, {
          localAddress: tabletAddress(tablets.indexOf(tablet)),
          onSent: () => {
            sent = true;
            inFlight += 1;
          },
        }).catch(() => null);
        if (sent) inFlight -= 1;
        if (answer) firstAnswer();
        if (!answer) return; // cut off by the kill: the tablet keeps its ballot and retries
        if (answer.status !== 200) {
          if (!killed) problems.push(`cycle ${cycle}: ballot answered ${answer.status} ${JSON.stringify(answer.body)}`);
          return;
        }
        const receipt = (answer.body?.value as { receipt: string }).receipt;
        if (tablet.receipt !== null) {
          if (receipt !== tablet.receipt) problems.push(`cycle ${cycle}: a retry got receipt ${receipt} instead of ${tablet.receipt}`);
          else sameReceipt += 1;
        } else {
          if (retrying.includes(tablet)) settledByRetry += 1;
          acknowledged += 1;
          tablet.receipt = receipt;
        }
        tablet.pending = false;
      });
      if (options.afterFirstAnswer) await Promise.race([answered, Promise.all(answers)]);
      await new Promise((r) => setTimeout(r, next() * maxDelay));
      killed = true;
      if (inFlight > 0) {
        killsMidRequest += 1;
        requestsCutOff += inFlight;
      }
      await kill(host.child, options.signal ?? 'SIGKILL');
      await Promise.all(answers);
    } catch (error) {
      await kill(host.child);
      throw error;
    }
    const checked = checkDatabase(file, tablets, verified);
    stored = checked.stored;
    problems.push(...checked.problems.map((p) => `cycle ${cycle}: ${p}`));
    log(`cycle ${cycle + 1}/${options.cycles}: ${acknowledged} acknowledged, ${stored} stored, ${tablets.filter((t) => t.pending).length} awaiting retry`);
  }
  return { dataDir, seed, cycles: cycle, acknowledged, settledByRetry, sameReceipt, killsMidRequest, requestsCutOff, stored, meetings, restartMsMax, problems };
}
