/**
 * The forensic test (issue 11): what a look at the raw disk finds after a meeting. Each case
 * makes its own ext4 image (truncate + mkfs.ext4 + mount -o loop: needs root and loop devices,
 * which the gate has), puts the data folder on it, runs a meeting through the real built host
 * with known codes, contents and receipts in a known order, closes, stops, unmounts, and scans
 * every block of the image:
 * - no code, in any written form, and no unkeyed code hash (what anyone holding a slip can compute);
 * - no byte of the meeting key (it was overwritten in place, then unlinked);
 * - no receipt lies nearest its own ballot's content more often than chance (receipts live apart);
 * - the order in which ballot contents and receipts appear on the disk agrees with the arrival
 *   order no better than chance (Kendall's tau, with contents chosen so canonical order is a
 *   seeded random permutation of arrival order).
 * The same after a full disk during close (space then freed, restart) and after kill -9 at each
 * step of the close (PINGYI_FAULT_KILL_AT_CLOSE, then restart).
 *
 * Where loop devices or root are missing the test fails and says so: it never skips.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statfsSync, unlinkSync, writeFileSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kill, startHost, type BenchHost } from '../../scripts/bench/host-process';
import { postJson } from '../../scripts/bench/http-client';
import { submissionKeyFor } from '../../scripts/bench/submission-key';
import { chairCall } from '../e2e/support/clients';
import { legacyCodeHash } from '../../electron/core/services/codes';
import { parseCode } from '../../shared/codes/code-format';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import type { BallotContent } from '../../shared/domain/model';
import type { CloseStep } from '../../electron/core/services/anonymise';
import { errorWords } from '../../shared/i18n/error-words';
import type { AppError } from '../../shared/domain/result';

const DIST = join(process.cwd(), 'dist');
const SEED = Number(process.env['SEED'] ?? Date.now() % 2 ** 31);
const BALLOTS = 24;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Fails loudly, with what to do, where the machine cannot make and mount an image. */
function requireLoopDevices(): void {
  const problems: string[] = [];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) problems.push('not running as root');
  for (const tool of ['mkfs.ext4', 'mount', 'umount', 'losetup', 'fallocate']) {
    try {
      run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      problems.push(`${tool} is missing`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`forensic test cannot run: ${problems.join(', ')}. It needs root and loop devices (e2fsprogs, mount); run the gate as root on Linux${process.env['CI'] === 'true' ? ' (CI)' : ''}. It never skips.`);
  }
}

interface Image {
  readonly file: string;
  readonly mountPoint: string;
  readonly dataDir: string;
  mounted: boolean;
}

const images: Image[] = [];
const hosts: BenchHost[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await kill(host.child);
  for (const image of images.splice(0)) {
    if (image.mounted) run('umount', [image.mountPoint]);
    // The image, its mount point and the folder holding both.
    rmSync(join(image.file, '..'), { recursive: true, force: true });
  }
});

function makeImage(megabytes: number): Image {
  requireLoopDevices();
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-forensic-'));
  const file = join(dir, 'disk.img');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, megabytes * 1024 * 1024);
  closeSync(fd);
  // -m 0: no blocks reserved for root (the host runs as root here, and a full disk must be full).
  run('mkfs.ext4', ['-q', '-F', '-m', '0', file]);
  const mountPoint = join(dir, 'mnt');
  run('mkdir', ['-p', mountPoint]);
  try {
    run('mount', ['-o', 'loop', file, mountPoint]);
  } catch (error) {
    throw new Error(`forensic test cannot mount a loop device (${error instanceof Error ? error.message : String(error)}). It needs root and /dev/loop*; it never skips.`);
  }
  const image: Image = { file, mountPoint, dataDir: join(mountPoint, 'data'), mounted: true };
  images.push(image);
  return image;
}

function unmount(image: Image): Buffer {
  run('sync', []);
  run('umount', [image.mountPoint]);
  image.mounted = false;
  return readFileSync(image.file);
}

function remount(image: Image): void {
  run('mount', ['-o', 'loop', image.file, image.mountPoint]);
  image.mounted = true;
}

async function start(image: Image, env: NodeJS.ProcessEnv = {}): Promise<BenchHost> {
  const host = await startHost(DIST, image.dataDir, null, { demo: true, env });
  hosts.push(host);
  return host;
}

async function stop(host: BenchHost): Promise<void> {
  await kill(host.child, 'SIGTERM');
  hosts.splice(hosts.indexOf(host), 1);
}

/** A seeded generator, so the contents' canonical order is a known random permutation of arrival. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Voted {
  readonly meetingId: string;
  /** In arrival order. */
  readonly codes: string[];
  readonly contents: string[];
  readonly receipts: string[];
  readonly key: Buffer;
}

/** Opens the demo meeting and votes BALLOTS distinct ballots in a known order. */
async function vote(host: BenchHost, image: Image): Promise<Voted> {
  const chair = { chairPort: host.chairPort, token: host.token };
  const [meeting] = await chairCall(chair, 'listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const issued = await chairCall(chair, 'generateCodes', { meetingId: meeting.id, spares: 0 });
  await chairCall(chair, 'openVoting', { meetingId: meeting.id });
  const codes = issued.map((c) => c.code).slice(0, BALLOTS);
  const first = await postJson(`${host.tabletBase}/api/tablet/session`, { code: codes[0] });
  const definition = first.body?.value as BallotDefinition;
  const next = random(SEED);
  const voted: Voted = { meetingId: meeting.id, codes: [], contents: [], receipts: [], key: readFileSync(join(image.dataDir, 'keys', `${meeting.id}.key`)) };
  for (const code of codes) {
    const answers: Record<string, Record<string, number | null>> = {};
    for (const object of definition.objects) {
      const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
      answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((i) => [i.id, Math.floor(next() * definition.gradeScale.length)]));
    }
    const ballot: BallotContent = { type: 'graded', answers };
    const answer = await postJson(`${host.tabletBase}/api/tablet/ballot`, { code, submissionKey: submissionKeyFor(code), ballot });
    expect(answer.status).toBe(200);
    voted.codes.push(code);
    voted.contents.push(canonicalJson(ballot));
    voted.receipts.push((answer.body?.value as { receipt: string }).receipt);
  }
  return voted;
}

function allOffsets(disk: Buffer, needle: string | Buffer): number[] {
  const found: number[] = [];
  for (let at = disk.indexOf(needle); at >= 0; at = disk.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Kendall's tau between two rankings of the same items (1 = same order, 0 = unrelated). */
function kendallTau(a: readonly number[], b: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + 1; j < a.length; j += 1) {
      const s = Math.sign((a[i] ?? 0) - (a[j] ?? 0)) * Math.sign((b[i] ?? 0) - (b[j] ?? 0));
      if (s > 0) concordant += 1;
      else if (s < 0) discordant += 1;
    }
  }
  return (concordant - discordant) / Math.max(1, concordant + discordant);
}

/** Ranks of items by a position each (items without one keep their index: no evidence). */
function ranks(positions: readonly (number | undefined)[]): number[] {
  const order = positions.map((p, i) => ({ p: p ?? Number.MAX_SAFE_INTEGER, i })).sort((x, y) => x.p - y.p);
  const out = Array<number>(positions.length).fill(0);
  order.forEach((o, rank) => (out[o.i] = rank));
  return out;
}

/**
 * For n = 24, tau of two unrelated orders has a standard deviation of about 0.15: 0.6 is four
 * of them. A disk keeping arrival order (the WAL frames of issue 11) gives tau near 1.
 */
const CHANCE = 0.6;

function scan(disk: Buffer, voted: Voted): void {
  const arrival = voted.codes.map((_, i) => i);
  const findings: string[] = [];
  for (const code of voted.codes) {
    const parsed = parseCode(code);
    if (!parsed.ok) throw new Error('code does not parse');
    for (const form of [parsed.value, code, code.replace(/-/g, ''), legacyCodeHash(parsed.value)]) {
      if (disk.includes(form)) findings.push(`code or code hash ${form.slice(0, 8)}… found`);
    }
  }
  for (let at = 0; at + 16 <= voted.key.length; at += 8) {
    if (disk.includes(voted.key.subarray(at, at + 16))) findings.push(`16 bytes of the meeting key found at key offset ${at}`);
  }
  // Each content must be on the disk (the clear ballots after close): the scan sees what it looks for.
  const contentOffsets = voted.contents.map((c) => allOffsets(disk, c));
  expect(contentOffsets.every((o) => o.length > 0)).toBe(true);
  // A receipt next to its own ballot's content would link them: count, for each receipt found,
  // whether the nearest content on the disk is its own. Unlinked, that happens by chance (1 in 24).
  const receiptOffsets = voted.receipts.map((r) => allOffsets(disk, r));
  const everyContent = contentOffsets.flatMap((offsets, ballot) => offsets.map((at) => ({ at, ballot }))).sort((a, b) => a.at - b.at);
  let ownNearest = 0;
  let found = 0;
  for (const [ballot, offsets] of receiptOffsets.entries()) {
    if (offsets.length === 0) continue;
    found += 1;
    const nearest = offsets
      .flatMap((at) => everyContent.map((c) => ({ d: Math.abs(c.at - at), ballot: c.ballot })))
      .reduce((best, c) => (c.d < best.d ? c : best), { d: Number.MAX_SAFE_INTEGER, ballot: -1 });
    if (nearest.ballot === ballot) ownNearest += 1;
  }
  // Binomial(24, 1/24): 7 or more by chance has a probability below 1e-4.
  if (ownNearest >= 7) findings.push(`${ownNearest} of ${found} receipts lie nearest their own ballot's content`);
  expect(findings, `seed ${SEED}`).toEqual([]);
  for (const pick of [(o: number[]) => o[0], (o: number[]) => o[o.length - 1]]) {
    const byContent = kendallTau(arrival, ranks(contentOffsets.map(pick)));
    expect(Math.abs(byContent), `seed ${SEED}: contents on disk follow arrival order (tau ${byContent.toFixed(2)})`).toBeLessThan(CHANCE);
    const withReceipts = receiptOffsets.filter((o) => o.length > 0);
    if (withReceipts.length > 2) {
      const byReceipt = kendallTau(
        arrival.filter((i) => (receiptOffsets[i]?.length ?? 0) > 0),
        ranks(withReceipts.map(pick)),
      );
      expect(Math.abs(byReceipt), `seed ${SEED}: receipts on disk follow arrival order (tau ${byReceipt.toFixed(2)})`).toBeLessThan(CHANCE);
    }
  }
}

async function meetingState(host: BenchHost, meetingId: string): Promise<{ status: string; ballots: number; receipts: number }> {
  const chair = { chairPort: host.chairPort, token: host.token };
  const view = await chairCall(chair, 'getMeeting', { meetingId });
  const receipts = await chairCall(chair, 'receipts', { meetingId });
  return { status: view.status, ballots: view.turnout.reduce((n, g) => n + g.ballots, 0), receipts: receipts.receipts.length };
}

describe('forensic scan of the raw disk', () => {
  it(`finds no code, code hash, key or arrival order after a normal close (seed ${SEED})`, async () => {
    const image = makeImage(48);
    const host = await start(image);
    const voted = await vote(host, image);
    await chairCall({ chairPort: host.chairPort, token: host.token }, 'closeVoting', { meetingId: voted.meetingId });
    expect(await meetingState(host, voted.meetingId)).toEqual({ status: 'closed', ballots: BALLOTS, receipts: BALLOTS });
    await stop(host);
    scan(unmount(image), voted);
  }, 60_000);

  it.each(['restart', 'retry'] as const)(
    'after a full disk during close: an alarm that says what to free; once freed, the %s finishes the same end state',
    async (how) => {
      const image = makeImage(48);
      const host = await start(image);
      const voted = await vote(host, image);
      // Fill the disk so that the close's own transaction fits and the rewrite does not.
      const filler = join(image.mountPoint, 'filler');
      const free = () => {
        const fs = statfsSync(image.mountPoint);
        return fs.bavail * fs.bsize;
      };
      writeFileSync(filler, '');
      run('fallocate', ['-l', String(Math.max(0, free() - 48 * 1024)), filler]);
      const chairRaw = async (method: string) => {
        const answer = await fetch(`http://127.0.0.1:${host.chairPort}/api/chair/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pingyi-token': host.token },
          body: JSON.stringify({ meetingId: voted.meetingId }),
        });
        return (await answer.json()) as { ok: boolean; error?: AppError };
      };
      const closing = await chairRaw('closeVoting');
      expect(closing.ok).toBe(false);
      expect(closing.error?.code).toBe('anonymisation_pending');
      expect(closing.error?.params).toMatchObject({ rule: 'disk_full', needed: expect.any(Number) });
      // As the console words it (and the alarm says it) in Chinese.
      expect(errorWords(closing.error as AppError, 'zh')).toMatch(/磁盘已满.*腾出至少 \d+ MB/);
      // Nothing is shown before the ballots are in the clear.
      expect((await chairRaw('receipts')).error?.code).toBe('anonymisation_pending');
      unlinkSync(filler);
      let finished: BenchHost = host;
      if (how === 'restart') {
        await stop(host);
        finished = await start(image);
      } else {
        // The chair's retry of 结束投票 on the closed-but-pending meeting finishes it (no bad_transition).
        expect((await chairRaw('closeVoting')).ok).toBe(true);
      }
      expect(await meetingState(finished, voted.meetingId)).toEqual({ status: 'closed', ballots: BALLOTS, receipts: BALLOTS });
      await stop(finished);
      scan(unmount(image), voted);
    },
    60_000,
  );

  const steps: CloseStep[] = ['closed', 'rewritten', 'key-destroyed', 'vacuumed'];
  it.each(steps)('after kill -9 right after the close step "%s", the restart reaches the same end state', async (step) => {
    const image = makeImage(48);
    const host = await start(image, { PINGYI_FAULT_KILL_AT_CLOSE: step });
    const voted = await vote(host, image);
    const exited = new Promise<string | null>((resolve) => host.child.once('exit', (_code, signal) => resolve(signal)));
    await chairCall({ chairPort: host.chairPort, token: host.token }, 'closeVoting', { meetingId: voted.meetingId }).catch(() => undefined);
    expect(await exited).toBe('SIGKILL');
    hosts.splice(hosts.indexOf(host), 1);
    const again = await start(image);
    expect(await meetingState(again, voted.meetingId)).toEqual({ status: 'closed', ballots: BALLOTS, receipts: BALLOTS });
    await stop(again);
    const disk = unmount(image);
    scan(disk, voted);
    remount(image);
  }, 60_000);
});
