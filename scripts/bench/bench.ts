/**
 * `npm run bench [-- --out FILE] [--profile DIR]`: one run measures the budgets of issue 7 on
 * this machine and prints a table (and the JSON summary with --out). Loopback only, bounded
 * loops. Never a test: numbers depend on the machine, and tests never time things.
 * --profile DIR writes a V8 CPU profile of the host during the 1,000-ballot load into DIR;
 * --pdf-only runs the ballots, then only the PDF scenario (wall and CPU time of each warm pair).
 * --keep leaves the benchmark's data folder in place; --ballots-only stops after the 1,000-ballot
 * load and the floor and prints their numbers (for profiling the ballot path without the rest);
 * --flush-delay-ms N does that on a simulated laptop disk whose every flush takes N ms more
 * (slow-flush.c, loaded with LD_PRELOAD into the host and the floor; needs gcc).
 * --path-only measures the core's CPU per ballot without HTTP (ballot-path.ts): the figure to
 * compare two versions of the ballot path by on a loaded machine.
 * --pdf-from DIR runs only the PDF scenario on a data folder kept by `--pdf-only --keep` (its meeting
 * closed already): no burst first, so two builds can be compared back to back within seconds.
 * PINGYI_BENCH_HOST_STDERR=1 shows the host's stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { BallotContent } from '../../shared/domain/model';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import { prepareMeeting } from './prepare';
import { submissionKeyFor } from './submission-key';
import { postJson, rawPost, tabletAddress } from './http-client';
import { kill, startHost } from './host-process';
import { floorPerSecond } from './floor';
import { closeMeeting, pdfTimes, tallyTimes } from './results-and-pdf';
import { historyTimes } from './history';
import { percentile, printTable, printTabletPage, printHistory, round1, type BenchSummary } from './report';
import { measureTabletPage } from './tablet-page';
import { ballotPathCpuMs } from './ballot-path';

const dist = resolve(__dirname, '..');
const SIZE = { objects: 100, officials: 300, recipients: 700 } as const;

function printPdfTimes(pdf: Awaited<ReturnType<typeof pdfTimes>>, loadBefore: readonly number[]): void {
  console.log(`load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`PDF ranking + detail, warm: median ${round1(pdf.warmMs)} ms wall (ranking ${round1(pdf.warmRankingMs)}, detail ${round1(pdf.warmDetailMs)}), median CPU ${pdf.warmCpuMs} ms`);
  console.log(`warm runs (wall/CPU ms): ${pdf.warmRuns.map((r) => `${r.wallMs}/${r.cpuMs}`).join(' ')}`);
  console.log(`PDF 排序表及明细表 (both sheets in one PDF, alternating with the pairs): median ${round1(pdf.setMs)} ms wall, median CPU ${pdf.setCpuMs} ms, ${pdf.setPages} pages, ${pdf.setBytes} bytes; runs ${pdf.setRuns.map((r) => `${r.wallMs}/${r.cpuMs}`).join(' ')}`);
  console.log(`cold ${round1(pdf.coldMs)} ms, after close ${round1(pdf.afterCloseMs)} ms, sheet data ${round1(pdf.dataMs)} ms, launch ${round1(pdf.launchMs)} ms`);
}

/** A full graded ballot with random grades and about one abstention in ten. */
function randomBallot(definition: BallotDefinition): BallotContent {
  const bytes = randomBytes(definition.objects.length * 8);
  let k = 0;
  const answers: Record<string, Record<string, number | null>> = {};
  for (const object of definition.objects) {
    const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries(
      (set?.indicators ?? []).map((i) => {
        const b = bytes[k++] ?? 0;
        return [i.id, b % 10 === 0 ? null : b % 4];
      }),
    );
  }
  return { type: 'graded', answers };
}

/** What 100+ tablets download at once: the page and its JS and CSS, gzipped at level 9. */
function tabletGzipBytes(): number {
  const assets = join(dist, 'tablet', 'assets');
  const html = readFileSync(join(dist, 'tablet', 'index.html'));
  return readdirSync(assets)
    .filter((f) => /\.(js|css)$/.test(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, gzipSync(html, { level: 9 }).length);
}

function countBallots(dataDir: string, meetingId: string): number {
  const db = new Database(join(dataDir, 'pingyi.sqlite'), { readonly: true });
  try {
    // Sealed while voting is open, in the clear after close.
    return (db.prepare('SELECT (SELECT COUNT(*) FROM ballots WHERE meeting_id = @m) + (SELECT COUNT(*) FROM sealed_ballots WHERE meeting_id = @m) AS n').get({ m: meetingId }) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** CPU time (user + system) a process has used so far, from /proc on Linux; null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (USER_HZ = 100)
  } catch {
    return null;
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** Runs this benchmark again, ballots only, with every flush slowed by slow-flush.c. */
function rerunOnSlowDisk(delayMs: string): number {
  const library = join(dist, 'bench', 'slow-flush.so');
  const source = resolve(dist, '..', 'scripts', 'bench', 'slow-flush.c');
  const built = spawnSync('gcc', ['-shared', '-fPIC', '-O2', '-o', library, source, '-ldl'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('gcc could not build scripts/bench/slow-flush.c (apt-get install gcc)');
  const args = process.argv.slice(1).filter((a, i, all) => a !== '--flush-delay-ms' && all[i - 1] !== '--flush-delay-ms');
  const env = { ...process.env, LD_PRELOAD: library, PINGYI_FLUSH_DELAY_MS: delayMs };
  return spawnSync(process.execPath, [...args, '--ballots-only'], { stdio: 'inherit', env }).status ?? 1;
}

/** `--path-only`: the same meeting and ballots as the burst, through the core's writer alone. */
async function pathOnly(): Promise<number> {
  const ms = await ballotPathCpuMs(randomBallot, SIZE);
  console.log(`ballot path (core only, batches of 64): ${ms.toFixed(3)} ms CPU per ballot, least of 5 runs of 1,000 ballots; load ${loadavg()[0]?.toFixed(2)}`);
  return 0;
}

async function main(): Promise<void> {
  const flushDelay = argument('--flush-delay-ms');
  if (flushDelay !== undefined && !process.env['PINGYI_FLUSH_DELAY_MS']) process.exit(rerunOnSlowDisk(flushDelay));
  const out = argument('--out');
  if (process.argv.includes('--tablet-only')) {
    // The tablet page alone (a minute instead of several): `npm run bench -- --tablet-only`.
    const page = await measureTabletPage(dist);
    printTabletPage(page);
    if (out) writeFileSync(out, `${JSON.stringify({ tablet_page: page }, null, 2)}\n`);
    return;
  }
  if (process.argv.includes('--path-only')) {
    process.exit(await pathOnly());
  }
  if (process.argv.includes('--history-only')) {
    // The history budget alone (issue 16): `npm run bench -- --history-only`.
    const historyDir = mkdtempSync(join(tmpdir(), 'pingyi-bench-history-'));
    try {
      const history = await historyTimes(historyDir);
      printHistory(history);
      if (out) writeFileSync(out, `${JSON.stringify({ history }, null, 2)}\n`);
    } finally {
      rmSync(historyDir, { recursive: true, force: true });
    }
    return;
  }
  const pdfFrom = argument('--pdf-from');
  if (pdfFrom) {
    const db = new Database(join(pdfFrom, 'pingyi.sqlite'), { readonly: true });
    const row = db.prepare("SELECT id FROM meetings WHERE status = 'closed' LIMIT 1").get() as { id: string } | undefined;
    db.close();
    if (!row) throw new Error(`no closed meeting in ${pdfFrom}`);
    const before = loadavg();
    const pdf = await pdfTimes(pdfFrom, row.id);
    printPdfTimes(pdf, before);
    return;
  }
  const profileDir = argument('--profile');
  const loadBefore = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'pingyi-bench-'));
  const prepared = prepareMeeting(dataDir, { ...SIZE, spares: 100 });
  const officials = prepared.codes.filter((c) => c.group === 'officials');
  const recipients = prepared.codes.filter((c) => c.group === 'recipients');
  const loadCodes = [...officials.slice(0, SIZE.officials), ...recipients.slice(0, SIZE.recipients)].map((c) => c.code);
  const spareCodes = [...officials.slice(SIZE.officials), ...recipients.slice(SIZE.recipients)].map((c) => c.code);
  const probe = spareCodes[0] ?? '';

  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] : [];
  let host = await startHost(dist, dataDir, probe, { nodeArgs });
  const start_ms = host.readyMs;
  const definition = (await postJson(`${host.tabletBase}/api/tablet/session`, { code: loadCodes[0] })).body?.value as BallotDefinition;
  const ballots = loadCodes.map(() => randomBallot(definition));
  // Tablets hold their ballot ready; serialising 1,000 of them here is not the server's time.
  const bodies = loadCodes.map((code, i) => Buffer.from(JSON.stringify({ code, submissionKey: submissionKeyFor(code), ballot: ballots[i] })));

  // 1,000 tablets at once, each on its own TCP connection; latency = send to acknowledgement.
  // The lean client (rawPost) unless PINGYI_BENCH_CLIENT=node asks for node:http's (change 21).
  const ballotUrl = `${host.tabletBase}/api/tablet/ballot`;
  const nodeClient = process.env['PINGYI_BENCH_CLIENT'] === 'node';
  const tablets = bodies.map((body, n) =>
    nodeClient ? () => postJson(ballotUrl, body, { localAddress: tabletAddress(n) }) : rawPost(ballotUrl, body, tabletAddress(n)).send,
  );
  const latencies: number[] = [];
  const cpuBefore = cpuMs(host.child.pid);
  // The client's own CPU: it shares the two cores with the host (docs/performance.md, change 20).
  const clientBefore = process.cpuUsage();
  const t0 = performance.now();
  const answers = await Promise.all(
    tablets.map(async (send) => {
      const t = performance.now();
      const answer = await send().catch(() => ({ status: 0 }));
      latencies.push(performance.now() - t);
      return answer;
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const clientUsed = process.cpuUsage(clientBefore);
  const clientCpuMs = (clientUsed.user + clientUsed.system) / 1000;
  const cpuAfter = cpuMs(host.child.pid);
  const hostCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  const acked = answers.filter((a) => a.status === 200).length;
  latencies.sort((a, b) => a - b);
  const stored = countBallots(dataDir, prepared.meetingId);

  if (process.argv.includes('--pdf-only')) {
    // The PDF scenario alone: `npm run bench -- --pdf-only` (PINGYI_BENCH_PDF_RUNS=N warm pairs).
    await kill(host.child, 'SIGTERM');
    closeMeeting(dataDir, prepared.meetingId);
    const pdf = await pdfTimes(dataDir, prepared.meetingId);
    printPdfTimes(pdf, loadBefore);
    if (out) writeFileSync(out, `${JSON.stringify({ pdf }, null, 2)}\n`);
    if (process.argv.includes('--keep')) console.log(`data folder kept: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
    return;
  }

  if (process.argv.includes('--ballots-only')) {
    await kill(host.child, 'SIGTERM');
    const perBallot = hostCpuMs === null ? 'n/a' : (hostCpuMs / 1000).toFixed(2);
    const delay = process.env['PINGYI_FLUSH_DELAY_MS'];
    if (delay) console.log(`simulated disk: every flush ${delay} ms slower (LD_PRELOAD ${process.env['LD_PRELOAD'] ?? ''})`);
    const statuses = answers.reduce<Record<string, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
    console.log(`answers by HTTP status: ${JSON.stringify(statuses)}`);
    console.log(`acked ${acked} stored ${stored} p50 ${round1(percentile(latencies, 50))} p95 ${round1(percentile(latencies, 95))} p99 ${round1(percentile(latencies, 99))} ms, ${round1(acked / wall)} ballots/s, host CPU ${perBallot} ms per ballot, client CPU ${(clientCpuMs / 1000).toFixed(2)} ms per ballot, load ${loadBefore[0]?.toFixed(2)}`);
    console.log(`floor: ${round1(floorPerSecond(ballots, SIZE))} ballots/s, one transaction each`);
    rmSync(dataDir, { recursive: true, force: true });
    return;
  }

  if (profileDir) {
    // A profile is written on a clean exit only; the kill below needs an unprofiled host.
    await kill(host.child, 'SIGTERM');
    host = await startHost(dist, dataDir, probe);
  }

  // Kill -9 during a second wave, restart, time until ballots are accepted again; every
  // ballot acknowledged before the kill must still be there.
  const waveCodes = spareCodes.slice(1);
  const wave = waveCodes.map((code, n) => postJson(`${host.tabletBase}/api/tablet/ballot`, { code, ballot: randomBallot(definition) }, { localAddress: tabletAddress(n) }).catch(() => null));
  await new Promise((r) => setTimeout(r, 30));
  await kill(host.child);
  const waveAcked = (await Promise.all(wave)).filter((a) => a?.status === 200).length;
  const restarted = await startHost(dist, dataDir, probe);
  const restart_ms = restarted.readyMs;
  await kill(restarted.child, 'SIGTERM');
  const storedAfter = countBallots(dataDir, prepared.meetingId);
  const lost = Math.max(0, stored + waveAcked - storedAfter);

  const floor = floorPerSecond(ballots, SIZE);
  const close_ms = closeMeeting(dataDir, prepared.meetingId);
  const tally = tallyTimes(dataDir, prepared.meetingId, SIZE.objects);
  const pdf = await pdfTimes(dataDir, prepared.meetingId);
  const tabletPage = await measureTabletPage(dist);
  const historyDir = mkdtempSync(join(tmpdir(), 'pingyi-bench-history-'));
  const history = await historyTimes(historyDir).finally(() => rmSync(historyDir, { recursive: true, force: true }));

  const summary: BenchSummary = {
    ballots: {
      acked,
      stored,
      p50_ms: round1(percentile(latencies, 50)),
      p95_ms: round1(percentile(latencies, 95)),
      p99_ms: round1(percentile(latencies, 99)),
      per_s: round1(acked / wall),
      floor_per_s: round1(floor),
    },
    tally_ms: round1(tally.firstMs),
    pdf_ms: round1(pdf.warmMs),
    tablet_gzip_bytes: tabletGzipBytes(),
    tablet_page: tabletPage,
    start_ms: round1(start_ms),
    close_ms: round1(close_ms),
    restart_ms: round1(restart_ms),
    history_campaign_ms: round1(history.campaignMs),
    history_object_ms: round1(history.objectMs),
    details: {
      host_cpu_ms_per_ballot: hostCpuMs === null ? null : round1((hostCpuMs / 1000) * 100) / 100,
      tally_warm_ms: round1(tally.warmMs),
      pdf_ranking_ms: round1(pdf.warmRankingMs),
      pdf_detail_ms: round1(pdf.warmDetailMs),
      pdf_cold_ms: round1(pdf.coldMs),
      pdf_after_close_ms: round1(pdf.afterCloseMs),
      pdf_sheet_data_ms: round1(pdf.dataMs),
      pdf_set_ms: round1(pdf.setMs),
      chromium_launch_ms: round1(pdf.launchMs),
      history_setup_ms: round1(history.setupMs),
      kill_wave: { sent: waveCodes.length, acked_before_kill: waveAcked, lost, stored_after_restart: storedAfter },
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version, load_before: loadBefore },
    },
  };
  printTable(summary);
  if (out) writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  // About 25 MB of ballots per run; --keep leaves the folder for a look with sqlite3.
  if (process.argv.includes('--keep')) console.log(`data folder kept: ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('benchmark failed:', error);
    process.exit(1);
  },
);
