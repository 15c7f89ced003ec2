/**
 * `npm run bench [-- --out FILE]`: one run measures the budgets of issue 7 on this machine and
 * prints a table (and the JSON summary with --out). Loopback only, bounded loops. Never a test.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { openStore } from '../../electron/core/store/database';
import { meetingDefinition } from '../../electron/core/services/meetings';
import { meetingBallots } from '../../electron/core/services/results';
import type { MeetingRow } from '../../electron/core/store/rows';
import { tallyGradedMeeting, combineRound, redactSmallGroups } from '../../shared/tally';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { BallotContent } from '../../shared/domain/model';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { prepareMeeting } from './prepare';
import { postJson } from './http-client';
import { kill, startHost } from './host-process';

const dist = resolve(__dirname, '..');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function randomBallot(definition: BallotDefinition): BallotContent {
  const bytes = randomBytes(definition.objects.length * 8);
  let k = 0;
  const answers: Record<string, Record<string, number | null>> = {};
  for (const object of definition.objects) {
    const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((i) => {
      const b = bytes[k++] ?? 0;
      return [i.id, b % 10 === 0 ? null : b % 4];
    }));
  }
  return { type: 'graded', answers };
}

function tabletGzipBytes(): number {
  const assets = join(dist, 'tablet', 'assets');
  const html = readFileSync(join(dist, 'tablet', 'index.html'));
  return readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, gzipSync(html, { level: 9 }).length);
}

/** The floor: the same ballots straight into SQLite, same pragmas, one transaction each. */
function floorPerSecond(ballots: BallotContent[]): number {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'pingyi-floor-')), 'floor.sqlite'));
  const insert = store.db.prepare('INSERT INTO ballots (id, meeting_id, voter_group, receipt, content_json) VALUES (?, ?, ?, ?, ?)');
  store.db.pragma('foreign_keys = OFF');
  const t0 = performance.now();
  for (const ballot of ballots) store.transaction(() => insert.run(randomBytes(10).toString('hex'), 'm', 'recipients', 'R', canonicalJson(ballot)));
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  return ballots.length / seconds;
}

function tallyMs(dataDir: string, meetingId: string): number {
  const store = openStore(join(dataDir, 'pingyi.sqlite'));
  try {
    const row = store.db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow;
    const t0 = performance.now();
    const definition = meetingDefinition(store, row);
    const ballots = meetingBallots(store, meetingId);
    const social = tallyGradedMeeting({
      objects: definition.objects,
      indicatorSets: definition.indicatorSets,
      gradeScale: definition.settings.gradeScale,
      groups: ['officials', 'recipients'],
      groupWeights: { ...definition.settings.groupWeights },
      smallGroupK: definition.settings.smallGroupK,
      ballots,
    });
    const ranking = combineRound({ objects: definition.objects, self: null, social, componentPoints: { self: 0, social: 100 }, vetoes: [], options: { order: 'best-first' } });
    redactSmallGroups(social);
    const ms = performance.now() - t0;
    if (ranking.rankings[0]?.rows.length !== definition.objects.length) throw new Error('tally lost objects');
    return ms;
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-bench-'));
  const prepared = prepareMeeting(dataDir, { objects: 100, officials: 300, recipients: 700, spares: 100 });
  const officials = prepared.codes.filter((c) => c.group === 'officials');
  const recipients = prepared.codes.filter((c) => c.group === 'recipients');
  const loadCodes = [...officials.slice(0, 300), ...recipients.slice(0, 700)].map((c) => c.code);
  const spareCodes = [...officials.slice(300), ...recipients.slice(700)].map((c) => c.code);

  const host = await startHost(dist, dataDir, spareCodes[0] ?? '');
  const start_ms = host.readyMs;
  const definition = (await postJson(`${host.tabletBase}/api/tablet/session`, { code: loadCodes[0] })).body?.value as BallotDefinition;
  const ballots = loadCodes.map(() => randomBallot(definition));

  // 1,000 tablets at once, each its own connection.
  const latencies: number[] = [];
  const t0 = performance.now();
  const answers = await Promise.all(
    loadCodes.map(async (code, i) => {
      const t = performance.now();
      const answer = await postJson(`${host.tabletBase}/api/tablet/ballot`, { code, ballot: ballots[i] }).catch(() => ({ status: 0, body: null }));
      latencies.push(performance.now() - t);
      return answer;
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const acked = answers.filter((a) => a.status === 200).length;
  latencies.sort((a, b) => a - b);

  const stored = countBallots(dataDir, prepared.meetingId);

  // Kill -9 during a second wave, restart, time until ballots are accepted again; every
  // ballot acknowledged before the kill must still be there.
  const wave = spareCodes.slice(1).map((code) => postJson(`${host.tabletBase}/api/tablet/ballot`, { code, ballot: randomBallot(definition) }).catch(() => null));
  await new Promise((r) => setTimeout(r, 30));
  await kill(host.child);
  const waveAcked = (await Promise.all(wave)).filter((a) => a?.status === 200).length;
  const restarted = await startHost(dist, dataDir, spareCodes[0] ?? '');
  const restart_ms = restarted.readyMs;
  await kill(restarted.child, 'SIGTERM');
  const lostAfterKill = stored + waveAcked - Math.min(countBallots(dataDir, prepared.meetingId), stored + waveAcked);

  const summary = {
    ballots: {
      acked,
      stored,
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
      p99_ms: round(percentile(latencies, 99)),
      per_s: round(acked / wall),
      floor_per_s: round(floorPerSecond(ballots)),
    },
    tally_ms: round(tallyMs(dataDir, prepared.meetingId)),
    pdf_ms: null as number | null,
    tablet_gzip_bytes: tabletGzipBytes(),
    start_ms: round(start_ms),
    restart_ms: round(restart_ms),
    kill_wave: { acked_before_kill: waveAcked, lost: lostAfterKill },
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version },
  };
  printTable(summary);
  if (out) writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
}

function countBallots(dataDir: string, meetingId: string): number {
  const db = new Database(join(dataDir, 'pingyi.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE meeting_id = ?').get(meetingId) as { n: number }).n;
  } finally {
    db.close();
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function printTable(s: { ballots: Record<string, number>; tally_ms: number; pdf_ms: number | null; tablet_gzip_bytes: number; start_ms: number; restart_ms: number }): void {
  const rows: [string, string, string][] = [
    ['ballots acked / stored', `${s.ballots['acked']} / ${s.ballots['stored']}`, '1000 / 1000'],
    ['ack latency p50 / p95 / p99', `${s.ballots['p50_ms']} / ${s.ballots['p95_ms']} / ${s.ballots['p99_ms']} ms`, 'p99 ≤ 1000 ms'],
    ['durable ballots per second', `${s.ballots['per_s']}`, '≥ 1000, > floor'],
    ['floor (one transaction each)', `${s.ballots['floor_per_s']}`, ''],
    ['tally, 1000 ballots × 100 objects', `${s.tally_ms} ms`, '≤ 200 ms'],
    ['PDF, ranking + details (100 objects)', s.pdf_ms === null ? 'not measured' : `${s.pdf_ms} ms`, '≤ 2000 ms'],
    ['tablet JS + CSS + HTML gzipped', `${(s.tablet_gzip_bytes / 1024).toFixed(1)} KB`, '≤ 60 KB'],
    ['host start → accepting ballots', `${s.start_ms} ms`, '≤ 1500 ms'],
    ['restart after kill -9 → accepting', `${s.restart_ms} ms`, '≤ 5000 ms'],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('Pingyi benchmark');
  for (const [name, value, target] of rows) console.log(`  ${name.padEnd(width)}  ${value.padEnd(26)}  ${target}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('benchmark failed:', error);
    process.exit(1);
  },
);
