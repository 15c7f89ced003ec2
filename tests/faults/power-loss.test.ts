/**
 * Durability against a power loss, not only a crash. kill -9 leaves the page cache behind, so
 * the kill-cycles test would pass with synchronous=OFF; what survives a power cut is only what
 * an fsync/fdatasync returned for. Here the built host runs with tests/faults/sync-trace.c
 * preloaded, which logs in one order every write to the database files, every completed sync
 * of them, every request read from a socket and every acknowledgement (an answer carrying a
 * receipt) written to one. The check (sync-order.ts): each acknowledgement follows a synced WAL
 * write made after its request arrived, and no database write is unsynced at that moment.
 * The same check against a host whose synchronous pragma is forced OFF (tests/faults/sync-off.cjs,
 * a test-only preload) must fail: that is what makes this test able to fail at all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { kill, startHost } from '../../scripts/bench/host-process';
import { postJson } from '../../scripts/bench/http-client';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { fullBallot } from '../support/running-host';
import { checkSyncOrder, parseTrace, type SyncOrderReport } from './sync-order';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const source = fileURLToPath(new URL('./sync-trace.c', import.meta.url));
const syncOff = fileURLToPath(new URL('./sync-off.cjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pingyi-power-'));
// PINGYI_KEEP_TRACE=1 keeps the traces (in the temp folder) to look at.
afterAll(() => {
  if (!process.env['PINGYI_KEEP_TRACE']) rmSync(work, { recursive: true, force: true });
});

/** Compiles the shim once for this file; a missing gcc fails the test with the reason. */
function buildShim(): string {
  const library = join(work, 'sync-trace.so');
  if (existsSync(library)) return library;
  const built = spawnSync('gcc', ['-shared', '-fPIC', '-O2', '-Wall', '-o', library, source, '-ldl'], { encoding: 'utf8' });
  if (built.error || built.status !== 0) throw new Error(`gcc could not build tests/faults/sync-trace.c (apt-get install gcc): ${built.error?.message ?? built.stderr}`);
  return library;
}

/** The tablets that send one at a time, before the bursts. */
const SEQUENTIAL = [1, 2, 3, 4, 5, 6];

async function chair<T>(host: { chairPort: number; token: string }, method: string, input: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${host.chairPort}/api/chair/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pingyi-token': host.token },
    body: JSON.stringify(input),
  });
  const answer = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value as T;
}

/**
 * Runs the host under the shim on a fresh data folder; 30 tablets submit: six one at a time (each
 * after the previous answer: nothing else is being written when an answer goes out, so the
 * strict rule of sync-order.ts applies to them), then in bursts of 4, 8 and 12 (group commits,
 * batches committed on the writer's thread while earlier answers go out). Returns the receipts
 * the tablets got and the check of the trace.
 */
async function voteUnderTrace(name: string, extraEnv: NodeJS.ProcessEnv): Promise<{ receipts: number; report: SyncOrderReport }> {
  const dataDir = join(work, name);
  const tracePath = join(work, `${name}.trace`);
  const env = { ...process.env, ...extraEnv, LD_PRELOAD: buildShim(), PINGYI_SYNC_TRACE: tracePath };
  const host = await startHost(dist, dataDir, null, { demo: true, env });
  let receipts = 0;
  try {
    const [meeting] = await chair<{ id: string }[]>(host, 'listMeetings', {});
    const codes = (await chair<{ code: string }[]>(host, 'generateCodes', { meetingId: meeting?.id, spares: 0 })).map((c) => c.code);
    await chair(host, 'openVoting', { meetingId: meeting?.id });
    const session = await postJson(`${host.tabletBase}/api/tablet/session`, { code: codes[0] });
    const definition = session.body?.value as BallotDefinition;
    let next = 0;
    for (const size of [...SEQUENTIAL.map(() => 1), 4, 8, 12]) {
      const burst = codes.slice(next, next + size);
      next += size;
      const answers = await Promise.all(
        burst.map((code, n) => postJson(`${host.tabletBase}/api/tablet/ballot`, { code, ballot: fullBallot(definition, (o, i) => (n + o + i) % 4) })),
      );
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        receipts += 1;
      }
    }
  } finally {
    await kill(host.child);
  }
  return { receipts, report: checkSyncOrder(parseTrace(readFileSync(tracePath, 'utf8')), { sequentialAcks: SEQUENTIAL.length }) };
}

describe('power loss: every acknowledgement follows the sync of its ballot\'s transaction', () => {
  it('with the host as built (synchronous=FULL): 30 acknowledgements, each after a WAL sync that covers its ballot, none ahead of an unsynced write', async () => {
    expect(existsSync(join(dist, 'electron', 'host.cjs')), 'dist/electron/host.cjs is missing: run npm run build').toBe(true);
    const { receipts, report } = await voteUnderTrace('full', {});
    expect(receipts).toBe(30);
    // The shim saw every answer the tablets got, and the WAL really was written and synced.
    expect(report.acknowledgements).toBe(30);
    expect(report.walWrites).toBeGreaterThan(0);
    expect(report.walSyncs).toBeGreaterThan(0);
    expect(report.problems).toEqual([]);
  }, 60_000);

  it('the same check fails against a host with synchronous forced OFF (a test-only preload): its acknowledgements run ahead of the disk', async () => {
    const { receipts, report } = await voteUnderTrace('off', { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${syncOff}`.trim() });
    expect(receipts).toBe(30);
    expect(report.acknowledgements).toBe(30);
    expect(report.walWrites).toBeGreaterThan(0);
    expect(report.walSyncs).toBe(0);
    // Every single acknowledgement is caught, not just one.
    const caught = new Set(report.problems.map((p) => /^acknowledgement #(\d+)/.exec(p)?.[1]));
    expect(caught.size).toBe(30);
  }, 60_000);

  it('and against synchronous=NORMAL, the level better-sqlite3 re-opens a WAL database with: a WAL commit is not synced, so the acknowledgements run ahead', async () => {
    const preload = `${process.env['NODE_OPTIONS'] ?? ''} --require ${syncOff}`.trim();
    const { receipts, report } = await voteUnderTrace('normal', { NODE_OPTIONS: preload, PINGYI_TEST_SYNCHRONOUS: 'NORMAL' });
    expect(receipts).toBe(30);
    expect(report.acknowledgements).toBe(30);
    const caught = new Set(report.problems.map((p) => /^acknowledgement #(\d+)/.exec(p)?.[1]));
    expect(caught.size).toBe(30);
  }, 60_000);
});
