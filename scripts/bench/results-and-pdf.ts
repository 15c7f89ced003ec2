/**
 * The chair's side after voting: close the meeting, tally it through the results service the
 * console calls (meetingResults: every object ranked, with groups, indicators and formulas), and
 * render the ranking sheet and the detail sheets through the host's own PDF path.
 */
import { chromium, type Browser } from 'playwright-core';
import { createCore } from '../../electron/core/core';
import { changeVoting } from '../../electron/core/services/voting';
import { meetingResults } from '../../electron/core/services/results';
import { renderWithChromium } from '../../electron/core/printing/chromium-pdf';
import { CHROMIUM_ARGS, findBrowser } from '../../electron/core/printing/find-browser';
import { sheetQuery } from '../../electron/core/printing/sheet-query';
import { printData } from '../../electron/core/printing/sheet-service';
import type { DataSheet } from '../../shared/api/chair/printing';

export interface TallyTimes {
  /** The first tally after close, as the chair's first click sees it. */
  firstMs: number;
  /** Median of the following runs (JIT warm). */
  warmMs: number;
  rows: number;
}

export interface PdfTimes {
  /** Ranking + detail sheets, each in a fresh context of an already running Chromium. */
  warmMs: number;
  warmRankingMs: number;
  warmDetailMs: number;
  /** The same two sheets as the console gets them now: one Chromium launch per sheet. */
  coldMs: number;
  launchMs: number;
  /** Of the warm time: computing the two sheets' data in Node (the page asks for it once each). */
  dataMs: number;
  rankingBytes: number;
  detailBytes: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Closes voting of the benchmark meeting (deletes retry links, checkpoints, vacuums), as the chair does. */
export function closeMeeting(dataDir: string, meetingId: string): void {
  const core = createCore({ dataDir, demo: false });
  try {
    const closed = changeVoting(core.store, core.events, meetingId, 'close');
    if (!closed.ok) throw new Error(closed.error.message);
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

/** Renders the ranking sheet and all detail sheets, cold (a launch per sheet) and warm (one running browser). */
export async function pdfTimes(dataDir: string, meetingId: string): Promise<PdfTimes> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('no Chromium for the PDF benchmark (apt-get install chromium)');
  const core = createCore({ dataDir, demo: false });
  const render = async (sheet: DataSheet, launched?: Browser) => {
    const t0 = performance.now();
    const rendered = await renderWithChromium(core, sheetQuery({ meetingId, sheet }, { pdf: true }), { browser: executablePath, launched });
    const ms = performance.now() - t0;
    if ('error' in rendered) throw new Error(`${sheet} sheet: ${rendered.error}`);
    return { ms, bytes: rendered.pdf.length };
  };
  try {
    const coldRanking = await render('ranking');
    const coldDetail = await render('detail');
    const l0 = performance.now();
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
    const launchMs = performance.now() - l0;
    try {
      await render('ranking', browser); // first render in this browser warms its caches; not counted
      const d0 = performance.now();
      for (const sheet of ['ranking', 'detail'] as const) {
        const data = printData(core, { meetingId, sheet });
        if (!data.ok) throw new Error(data.error.message);
      }
      const dataMs = performance.now() - d0;
      const ranking = await render('ranking', browser);
      const detail = await render('detail', browser);
      return {
        warmMs: ranking.ms + detail.ms,
        warmRankingMs: ranking.ms,
        warmDetailMs: detail.ms,
        coldMs: coldRanking.ms + coldDetail.ms,
        launchMs,
        dataMs,
        rankingBytes: ranking.bytes,
        detailBytes: detail.bytes,
      };
    } finally {
      await browser.close();
    }
  } finally {
    core.close();
  }
}
