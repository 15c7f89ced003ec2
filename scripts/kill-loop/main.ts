/**
 * `npm run faults:kill -- [--cycles N] [--seed S] [--data DIR]`: the kill -9 loop of
 * cycles.ts for as many cycles as asked (default 2,000), against the built host. Prints one line
 * per 50 cycles and a summary; exits 1 at the first broken promise, with the seed to replay it.
 */
import { resolve } from 'node:path';
import { runKillLoop } from './cycles';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const cycles = Number(argument('--cycles') ?? 2000);
  const seedArg = argument('--seed');
  const dataDir = argument('--data');
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error('--cycles must be a positive whole number');
  const started = performance.now();
  const report = await runKillLoop({
    dist: resolve(__dirname, '..'),
    cycles,
    seed: seedArg === undefined ? undefined : Number(seedArg),
    dataDir: dataDir === undefined ? undefined : resolve(dataDir),
    log: (line) => {
      const n = Number(/cycle (\d+)\//.exec(line)?.[1]);
      if (n === 1 || n % 50 === 0 || n === cycles) console.log(line);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `kill -9 loop: ${report.cycles} cycles in ${seconds} s, seed ${report.seed}, data ${report.dataDir}\n` +
      `  ${report.acknowledged} ballots acknowledged (${report.settledByRetry} settled by a retry after a kill), ${report.stored} stored, ` +
      `${report.sameReceipt} retries of acknowledged ballots got the same receipt, ${report.meetings} meeting(s), slowest restart ${report.restartMsMax.toFixed(0)} ms\n` +
      `  ${report.killsMidRequest} of ${report.cycles} kills landed mid-request (${report.requestsCutOff} requests sent whole and unanswered at the kill)`,
  );
  if (report.problems.length > 0) {
    console.error(`BROKEN (replay with --seed ${report.seed}):\n  ${report.problems.join('\n  ')}`);
    return 1;
  }
  console.log('0 acknowledged ballots lost, 0 partial ballots, integrity_check ok, used codes = ballots after every kill');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('kill loop failed:', error);
    process.exit(1);
  },
);
