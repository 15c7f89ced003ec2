/** The benchmark's summary: the JSON shape of issue 7 (plus a few extra keys) and its table. */
import type { TabletPageMeasures } from './tablet-page';

export interface BenchSummary {
  ballots: { acked: number; stored: number; p50_ms: number; p95_ms: number; p99_ms: number; per_s: number; floor_per_s: number };
  tally_ms: number;
  pdf_ms: number;
  tablet_gzip_bytes: number;
  /** The tablet page in a real Chromium: bytes on the wire, taps, script time per tap (issue 12). */
  tablet_page: TabletPageMeasures;
  start_ms: number;
  /** Close of the 1,000-ballot meeting: rewrite in the clear, key destroyed, checkpoints, VACUUM. */
  close_ms: number;
  restart_ms: number;
  /** i16: history of 17 rounds × 105 objects × 1,000 ballots: the campaign view and one object's. */
  history_campaign_ms: number;
  history_object_ms: number;
  /** Extra keys: how the numbers above were taken. */
  details: {
    /** CPU time the host used per ballot during the load (Linux /proc), whatever else ran on the machine. */
    host_cpu_ms_per_ballot: number | null;
    tally_warm_ms: number;
    /** Building the 17-round campaign for the history budget (voting, close, confirm each round). */
    history_setup_ms: number;
    pdf_ranking_ms: number;
    pdf_detail_ms: number;
    pdf_cold_ms: number;
    pdf_after_close_ms: number;
    pdf_sheet_data_ms: number;
    /** Change 22: the same two sheets as one PDF (排序表及明细表, the console's one click), median of the warm runs. */
    pdf_set_ms: number;
    chromium_launch_ms: number;
    kill_wave: { sent: number; acked_before_kill: number; lost: number; stored_after_restart: number };
    machine: { cpus: number; cpu: string; memory_gib: number; node: string; load_before: number[] };
  };
}

/** The value at percentile p of an ascending list (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** One decimal: enough for milliseconds and ballots per second. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}

function tabletPageRows(t: TabletPageMeasures): [string, string, string, string][] {
  const onlyPage = t.reload_paths.length === 1 && t.reload_paths[0] === '/';
  return [
    ['tablet first load on the wire (brotli)', `${(t.first_load_bytes / 1024).toFixed(1)} KB`, '≤ 36 KB', verdict(t.first_load_bytes <= 36 * 1024)],
    ['tablet reload on the wire', `${(t.reload_bytes / 1024).toFixed(1)} KB: ${t.reload_paths.join(' ')}`, 'only the page', verdict(onlyPage)],
    ['taps: rate 20 of 105, not know 85', `${t.taps_20_rated_85_unknown}`, '≤ 110', verdict(t.taps_20_rated_85_unknown <= 110)],
    ['script per tap, Chromium (median / p95)', `${t.script_ms_per_tap_median} / ${t.script_ms_per_tap_p95} ms (${t.taps_measured} taps)`, 'median ≤ 8 ms', verdict(t.script_ms_per_tap_median <= 8)],
  ];
}

/** The tablet rows alone (`--tablet-only`). */
export function printTabletPage(t: TabletPageMeasures): void {
  for (const r of tabletPageRows(t)) console.log(`  ${r[0].padEnd(40)}  ${r[1].padEnd(34)}  ${r[2].padEnd(14)}  ${r[3]}`);
}

/** i16: the history budget's rows (17 rounds × 105 objects × 1,000 ballots). */
function historyRows(h: { campaignMs: number; objectMs: number }): [string, string, string, string][] {
  return [
    ['history: campaign view, 17 × 105', `${h.campaignMs} ms`, '≤ 300 ms', verdict(h.campaignMs <= 300)],
    ['history: one object, 17 rounds', `${h.objectMs} ms`, '≤ 50 ms', verdict(h.objectMs <= 50)],
  ];
}

/** The history rows alone (`--history-only`). */
export function printHistory(h: { campaignMs: number; objectMs: number; setupMs: number }): void {
  for (const r of historyRows({ campaignMs: Math.round(h.campaignMs * 10) / 10, objectMs: Math.round(h.objectMs * 10) / 10 })) {
    console.log(`  ${r[0].padEnd(40)}  ${r[1].padEnd(34)}  ${r[2].padEnd(14)}  ${r[3]}`);
  }
  console.log(`  (campaign built in ${Math.round(h.setupMs)} ms: 17 rounds voted, closed and confirmed)`);
}

/** The table printed by every run, one line per budget with its target and whether it was met. */
export function printTable(s: BenchSummary): void {
  const b = s.ballots;
  const d = s.details;
  const rows: [string, string, string, string][] = [
    ['ballots acked / stored', `${b.acked} / ${b.stored}`, '1000 / 1000', verdict(b.acked === 1000 && b.stored === 1000)],
    ['ack latency p50 / p95 / p99', `${b.p50_ms} / ${b.p95_ms} / ${b.p99_ms} ms`, 'p99 ≤ 1000 ms', verdict(b.p99_ms <= 1000)],
    ['durable ballots per second', `${b.per_s}`, '≥ 1000 and > floor', verdict(b.per_s >= 1000 && b.per_s > b.floor_per_s)],
    ['floor: one transaction per ballot', `${b.floor_per_s}`, '', ''],
    ['host CPU per ballot under load', d.host_cpu_ms_per_ballot === null ? 'n/a' : `${d.host_cpu_ms_per_ballot} ms`, '', ''],
    ['tally, 1000 ballots × 100 objects', `${s.tally_ms} ms (warm ${d.tally_warm_ms})`, '≤ 200 ms', verdict(s.tally_ms <= 200)],
    ['PDF ranking + details, two files, Chromium kept', `${s.pdf_ms} ms (${d.pdf_ranking_ms} + ${d.pdf_detail_ms})`, '≤ 2000 ms', verdict(s.pdf_ms <= 2000)],
    ['PDF 排序表及明细表 (both in one file), Chromium kept', `${d.pdf_set_ms} ms`, '≤ 2000 ms', verdict(d.pdf_set_ms <= 2000)],
    ['  of which sheet data in Node', `${d.pdf_sheet_data_ms} ms`, '', ''],
    ['PDF, first after close (warmed up)', `${d.pdf_after_close_ms} ms`, '≤ 2000 ms', verdict(d.pdf_after_close_ms <= 2000)],
    ['PDF, first after start, no warm-up', `${d.pdf_cold_ms} ms (launch ${d.chromium_launch_ms})`, '(reported)', ''],
    ['tablet JS + CSS + HTML gzipped', `${(s.tablet_gzip_bytes / 1024).toFixed(1)} KB`, '≤ 60 KB', verdict(s.tablet_gzip_bytes <= 60 * 1024)],
    ...tabletPageRows(s.tablet_page),
    ['close: rewrite + key + VACUUM', `${s.close_ms} ms`, '≤ 3000 ms', verdict(s.close_ms <= 3000)],
    ['host start → accepting ballots', `${s.start_ms} ms`, '≤ 1500 ms', verdict(s.start_ms <= 1500)],
    ['restart after kill -9 → accepting', `${s.restart_ms} ms`, '≤ 5000 ms', verdict(s.restart_ms <= 5000)],
    ...historyRows({ campaignMs: s.history_campaign_ms, objectMs: s.history_object_ms }),
    ['kill -9 wave: acked / lost', `${d.kill_wave.acked_before_kill} / ${d.kill_wave.lost}`, 'lost = 0', verdict(d.kill_wave.lost === 0)],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  const m = d.machine;
  console.log(`Pingyi benchmark — ${m.cpus} × ${m.cpu}, ${m.memory_gib} GiB, Node ${m.node}, load ${m.load_before.map((l) => l.toFixed(2)).join(' ')}`);
  for (const r of rows) console.log(`  ${r[0].padEnd(widths[0] ?? 0)}  ${r[1].padEnd(widths[1] ?? 0)}  ${r[2].padEnd(widths[2] ?? 0)}  ${r[3]}`);
}
