/**
 * The chair's side after voting: close the meeting, tally it through the results service the
 * console calls (meetingResults: every object ranked, with groups, indicators and formulas), and
 * render the ranking sheet and the detail sheets through the host's own PDF path (its kept
 * Chromium), the first time after a start and again.
 */
import { createCore } from '../../electron/core/core';
import { changeVoting } from '../../electron/core/services/voting';
import { meetingResults } from '../../electron/core/services/results';
import { renderSheetPdf, warmUpPdf } from '../../electron/core/printing/pdf-service';
import type { Core } from '../../electron/core/core';
import { CHROMIUM_ARGS, findBrowser, loadPlaywright } from '../../electron/core/printing/find-browser';
import { printData } from '../../electron/core/printing/sheet-service';
import type { DataSheet } from '../../shared/api/chair/printing';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (ms) of this process and every process below it (the kept Chromium's browser,
 * renderer and GPU processes), including children already reaped: the wall time of a PDF on a
 * machine shared with other work says little, the CPU it costs says what the code costs.
 */
export function treeCpuMs(): number {
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime, stime, cutime, cstime in clock ticks of 10 ms (USER_HZ = 100).
      const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(Number(name), { ppid: Number(fields[1]), ms: ticks * 10 });
    } catch {
      // The process ended while we read.
    }
  }
  const self = process.pid;
  let total = 0;
  for (const [pid, stat] of stats) {
    for (let at: number | undefined = pid, hops = 0; at !== undefined && at > 1 && hops < 32; at = stats.get(at)?.ppid, hops += 1) {
      if (at === self) {
        // Our own reaped children count in our cutime/cstime; a descendant's in its parent's.
        total += stat.ms;
        break;
      }
    }
  }
  return total;
}

export interface TallyTimes {
  /** The first tally after close, as the chair's first click sees it. */
  firstMs: number;
  /** Median of the following runs (JIT warm). */
  warmMs: number;
  rows: number;
}

export interface PdfTimes {
  /**
   * Ranking + detail sheets as the console gets them once the host's Chromium runs (the kept
   * browser of electron/core/printing/chromium-pdf.ts): renderSheetPdf's driver, one sheet after
   * the other, as the console asks for them. Median of 3 pairs.
   */
  warmMs: number;
  warmRankingMs: number;
  warmDetailMs: number;
  /** The first ranking + detail after the host starts: launches Chromium, reads and tallies the ballots. */
  coldMs: number;
  coldRankingMs: number;
  coldDetailMs: number;
  /**
   * The first ranking + detail on a fresh core after voting closed, as the chair gets there: the
   * host has warmed Chromium up when voting closed (electron/host/main.ts) and the console has
   * shown the results (one meetingResults call); both done before the first PDF is asked for.
   */
  afterCloseMs: number;
  /** CPU time (this process and Chromium's) of the warm pair: median of 3; 10 ms resolution. */
  warmCpuMs: number;
  /** Every warm pair's wall and CPU times, for the record. */
  warmRuns: readonly { readonly wallMs: number; readonly cpuMs: number }[];
  /**
   * The console's 排序表及明细表 (change 22): the same two sheets as one PDF, one render; its
   * warm runs alternate with the pairs above (pair, set, pair, set, ...) on the same core.
   * Median wall and CPU, every run, its size and pages.
   */
  setMs: number;
  setCpuMs: number;
  setRuns: readonly { readonly wallMs: number; readonly cpuMs: number }[];
  setBytes: number;
  setPages: number;
  /** Launching Chromium alone (part of coldMs). */
  launchMs: number;
  /** Of warmMs: computing the two sheets' data in Node (the page asks for it once each). */
  dataMs: number;
  rankingBytes: number;
  detailBytes: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Closes voting of the benchmark meeting (deletes retry links, checkpoints, vacuums), as the chair does. */
/**
 * Closes voting and returns how long the close took: the close transaction, the rewrite of every
 * sealed ballot in the clear, the key's destruction, the checkpoints and the VACUUM.
 */
export function closeMeeting(dataDir: string, meetingId: string): number {
  const core = createCore({ dataDir, demo: false });
  try {
    const t0 = performance.now();
    const closed = changeVoting(core.store, core.events, meetingId, 'close');
    const ms = performance.now() - t0;
    if (!closed.ok) throw new Error(closed.error.message);
    return ms;
  } finally {
    core.close();
  }
}

/** Times meetingResults on the closed meeting: the whole ranking with per-object details. */
export function tallyTimes(dataDir: string, meetingId: string, expectedRows: number, runs = 5): TallyTimes {
  const core = createCore({ dataDir, demo: false });
  try {
    const once = (): number => {
      const t0 = performance.now();
      const result = meetingResults(core.store, meetingId);
      const ms = performance.now() - t0;
      if (!result.ok) throw new Error(result.error.message);
      const rows = result.value.rankings.reduce((n, r) => n + r.rows.length, 0);
      if (rows !== expectedRows) throw new Error(`tally ranked ${rows} objects, expected ${expectedRows}`);
      return ms;
    };
    const firstMs = once();
    const warm = Array.from({ length: runs }, once);
    return { firstMs, warmMs: median(warm), rows: expectedRows };
  } finally {
    core.close();
  }
}

/**
 * Renders the ranking sheet and all detail sheets through the host's own PDF path: a fresh core
 * (as after a start) and its kept Chromium, first render included, then three more pairs.
 */
export async function pdfTimes(dataDir: string, meetingId: string): Promise<PdfTimes> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium for the PDF benchmark (apt-get install chromium)');
  const render = async (core: Core, sheet: DataSheet) => {
    const t0 = performance.now();
    // What the console's renderPdf call runs: the PDF, its copy in exports/, the audit line.
    const rendered = await renderSheetPdf(core, { meetingId, sheet });
    const ms = performance.now() - t0;
    if (!rendered.ok) throw new Error(`${sheet} sheet: ${rendered.error.message}`);
    return { ms, bytes: Buffer.from(rendered.value.base64, 'base64').length, pages: rendered.value.pages };
  };
  const signingSet = async (core: Core) => {
    const c0 = treeCpuMs();
    const set = await render(core, 'rankingAndDetail');
    return { ...set, cpuMs: treeCpuMs() - c0 };
  };
  const pair = async (core: Core) => {
    const c0 = treeCpuMs();
    const ranking = await render(core, 'ranking');
    const detail = await render(core, 'detail');
    return { ranking, detail, ms: ranking.ms + detail.ms, cpuMs: treeCpuMs() - c0 };
  };
  const warmed = createCore({ dataDir, demo: false });
  let afterClose: Awaited<ReturnType<typeof pair>>;
  try {
    await warmUpPdf(warmed);
    const viewed = meetingResults(warmed.store, meetingId);
    if (!viewed.ok) throw new Error(viewed.error.message);
    afterClose = await pair(warmed);
  } finally {
    warmed.close();
  }
  const core = createCore({ dataDir, demo: false });
  const pairHere = () => pair(core);
  try {
    const first = await pairHere();
    const d0 = performance.now();
    for (const sheet of ['ranking', 'detail'] as const) {
      const data = printData(core, { meetingId, sheet });
      if (!data.ok) throw new Error(data.error.message);
    }
    const dataMs = performance.now() - d0;
    const runs = Number(process.env['PINGYI_BENCH_PDF_RUNS'] ?? 3);
    const following: Awaited<ReturnType<typeof pair>>[] = [];
    const sets: Awaited<ReturnType<typeof signingSet>>[] = [];
    // The set's first render (its layout's first use in the page) is not one of the warm runs.
    await signingSet(core);
    for (let i = 0; i < Math.max(3, runs); i += 1) {
      following.push(await pairHere());
      sets.push(await signingSet(core));
    }
    const setRuns = sets.map((p) => ({ wallMs: Math.round(p.ms), cpuMs: p.cpuMs }));
    const warmRuns = following.map((p) => ({ wallMs: Math.round(p.ms), cpuMs: p.cpuMs }));
    following.sort((a, b) => a.ms - b.ms);
    const warm = following[Math.floor(following.length / 2)] ?? first;
    const warmCpuMs = median(following.map((p) => p.cpuMs));
    const l0 = performance.now();
    const browser = await loadPlaywright().chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
    const launchMs = performance.now() - l0;
    await browser.close();
    return {
      warmMs: warm.ms,
      warmRankingMs: warm.ranking.ms,
      warmDetailMs: warm.detail.ms,
      warmCpuMs,
      warmRuns,
      setMs: median(sets.map((p) => p.ms)),
      setCpuMs: median(sets.map((p) => p.cpuMs)),
      setRuns,
      setBytes: sets[0]?.bytes ?? 0,
      setPages: sets[0]?.pages ?? 0,
      coldMs: first.ms,
      coldRankingMs: first.ranking.ms,
      coldDetailMs: first.detail.ms,
      afterCloseMs: afterClose.ms,
      launchMs,
      dataMs,
      rankingBytes: warm.ranking.bytes,
      detailBytes: warm.detail.bytes,
    };
  } finally {
    core.close();
  }
}
