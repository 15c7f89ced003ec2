/**
 * Browser mode: `npm run host -- --data DIR [--port N] [--lan-host ADDR]`.
 * Runs the whole application in plain Node; the chair console opens in a browser on this
 * laptop (127.0.0.1, token in the URL), tablets open the LAN address.
 */
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { startHost } from '../core/host';
import { startFailureMessage } from '../core/start-failure';
import { warmUpPdf } from '../core/printing/pdf-service';
import { listMeetings } from '../core/services/meetings';
import { parseHostArgs } from './cli-args';
import { defaultDataDir, moveRoamingDataDir } from '../core/default-data-dir';

let dataDir = resolve(defaultDataDir());

/** After a start with a closed meeting waiting to be printed, Chromium is warmed up this much later. */
const PDF_WARM_UP_AFTER_START_MS = 1000;

async function main(): Promise<void> {
  let args;
  try {
    args = parseHostArgs(process.argv.slice(2), { dataDir: defaultDataDir() });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  dataDir = resolve(args.dataDir);
  // Windows: an older install's roaming folder moves to %LOCALAPPDATA% once (default folder only).
  const move = process.argv.includes('--data') ? { moved: false as const } : moveRoamingDataDir();
  if (move.moved) console.log(`moved the data folder from ${move.from} to ${move.to}`);
  // This file is bundled to dist/electron/host.cjs; the renderers are built beside it.
  const dist = resolve(__dirname, '..');
  const host = await startHost({
    dataDir: resolve(args.dataDir),
    port: args.port,
    // 8787 taken (another Pingyi, RStudio Server): the next free port, unless --port asked for this one.
    nextFreePorts: args.portExplicit ? 0 : 20,
    chairPort: args.chairPort,
    lanHost: args.lanHost,
    demo: args.demo,
    tabletAssets: join(dist, 'tablet'),
    consoleAssets: join(dist, 'console'),
    writerThread: join(__dirname, 'ballot-writer-thread.cjs'),
  });
  console.log(`Pingyi 评议 — browser mode`);
  console.log(`data folder:   ${resolve(args.dataDir)}`);
  console.log(`chair console: ${host.chair.url}`);
  console.log(`tablets join:  ${host.core.tabletUrl}`);
  // One machine-readable line for scripts and tests that start the host.
  console.log(`PINGYI_READY ${JSON.stringify({ chairUrl: host.chair.url, chairPort: host.chair.port, token: host.chair.token, tabletUrl: host.core.tabletUrl, tabletPort: host.tablet.port })}`);
  if (args.open) openInBrowser(host.chair.url);
  // The sheets are printed right after voting closes, with people waiting: start Chromium then,
  // in the background, so the first PDF does not also wait for its launch.
  host.core.events.subscribe((event) => {
    if (event.type === 'status' && event.status === 'closed') void warmUpPdf(host.core);
  });
  // The same after a restart between close and printing, once the host is serving; never while
  // a meeting votes, when the laptop's cores belong to the ballots.
  const statuses = listMeetings(host.core.store).map((m) => m.status);
  const voting = statuses.includes('open') || statuses.includes('paused');
  if (statuses.includes('closed') && !voting) {
    setTimeout(() => {
      if (host.core.store.db.open) void warmUpPdf(host.core);
    }, PDF_WARM_UP_AFTER_START_MS).unref();
  }
  // The decision, said once (tests wait for it instead of sleeping to see that nothing started).
  console.log(`PDF warm-up after start: ${voting ? 'no, a meeting is voting' : statuses.includes('closed') ? `in ${PDF_WARM_UP_AFTER_START_MS} ms` : 'no, nothing to print yet'}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Best effort: opens the console in the default browser where there is a desktop. */
function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return;
  try {
    spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // No browser to open: the address is printed above.
  }
}

main().catch((error: unknown) => {
  console.error(startFailureMessage(error, dataDir));
  process.exit(1);
});
