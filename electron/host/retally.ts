/**
 * Re-tallies exported ballot files from the command line:
 *   node dist/electron/retally.cjs FILE… [--data DIR] [--json] [--expect FINGERPRINT]
 * Prints the ranking computed from each file alone, each object with its formula, and the
 * ballot-set fingerprint (docs/fingerprint.md) over all the files given: one file gives a
 * meeting's fingerprint, the self and social files of a round together give the round sheet's.
 * With --data it also compares each file with the stored results of the same meeting in that
 * data folder; with --expect it compares the fingerprint with the one printed on a sheet.
 * Exit codes: 0 everything matches, 1 a difference (each printed), 2 a usage or file error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { openStore, type Store } from '../core/store/database';
import { DATABASE_FILE } from '../core/core';
import { retallyFile } from '../core/services/results';
import { parseBallotFile } from '../core/services/results/ballot-file';
import { readTable } from '../core/import';
import { MAX_RETALLY_FILE_BYTES } from '../../shared/api/chair/results';
import { errorWords } from '../../shared/i18n/error-words';
import { retallyDifferenceWords } from '../../shared/i18n/retally-words';
import { parseCliArgs } from './cli-args';
import { ballotSetDigest, fingerprintMatches, shortFingerprint, type FingerprintInput } from '../core/printing/fingerprint';

const USAGE = 'usage: retally FILE… [--data DIR] [--json] [--expect FINGERPRINT]';

interface Options {
  readonly files: readonly string[];
  readonly dataDir: string | undefined;
  readonly json: boolean;
  readonly expect: string | undefined;
}

function parseArgs(argv: readonly string[]): Options | string {
  const parsed = parseCliArgs(argv, USAGE, { positional: true });
  if (typeof parsed === 'string') return parsed;
  if (parsed.positional.length === 0) return USAGE;
  return { files: parsed.positional, dataDir: parsed.dataDir, json: parsed.json, expect: parsed.expect };
}

/** The ballots of one file as they enter the fingerprint. */
async function fingerprintInput(bytes: Uint8Array, fileName: string): Promise<FingerprintInput | string> {
  const table = await readTable(bytes, fileName, { maxBytes: MAX_RETALLY_FILE_BYTES });
  if (!table.ok) return errorWords(table.error, 'zh');
  const data = parseBallotFile(table.value);
  if (!data.ok) return errorWords(data.error, 'zh');
  return { meetingId: data.value.meetingId, ballots: data.value.ballots };
}

/** Runs the command on argv (without node and script); writes through `out`; answers the exit code. */
export async function runRetally(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    out(options);
    return 2;
  }
  for (const file of options.files) {
    if (!existsSync(file)) {
      out(`找不到文件 ${file}`);
      return 2;
    }
  }
  let store: Store | null = null;
  if (options.dataDir !== undefined) {
    const databaseFile = join(resolve(options.dataDir), DATABASE_FILE);
    // Never create an empty database by mistyping a folder: the comparison would say nothing.
    if (!existsSync(databaseFile)) {
      out(`数据文件夹 ${options.dataDir} 里没有 ${DATABASE_FILE}`);
      return 2;
    }
    store = openStore(databaseFile);
  }
  try {
    let code = 0;
    const inputs: FingerprintInput[] = [];
    const reports = [];
    for (const file of options.files) {
      const bytes = readFileSync(file);
      const report = await retallyFile(bytes, basename(file), store);
      if (!report.ok) {
        // Worded as the console words it in Chinese: a code with params is for machines.
        out(`${file}：${errorWords(report.error, 'zh')}`);
        return 2;
      }
      const input = await fingerprintInput(bytes, basename(file));
      if (typeof input === 'string') {
        out(`${file}：${input}`);
        return 2;
      }
      if (inputs.some((i) => i.meetingId === input.meetingId)) {
        out(`${file}：这场会议的选票文件已经给过一次，请每场会议只给一个文件。`);
        return 2;
      }
      inputs.push(input);
      reports.push(report.value);
      const { results } = report.value;
      if (!options.json) {
        out(`${results.title}：${results.ballots} 张选票`);
        for (const row of results.rows) {
          out(`${String(row.rank ?? '—').padStart(3)}  ${row.name}  ${row.score ?? '不完整'}${row.note === '' ? '' : `  ${row.note}`}`);
          for (const line of row.formula.zh) out(`       ${line}`);
        }
      }
      if (options.dataDir === undefined) continue;
      if (!report.value.compared) {
        out(`${results.title}：数据文件夹中没有这场会议已结束投票的结果，无法比对。`);
        code = 1;
      } else if (report.value.matches) {
        out(`MATCH ${results.title}：重新计票结果与系统中的结果完全一致。`);
      } else {
        out(`DIFFERENT ${results.title}：重新计票结果与系统中的结果不一致：`);
        for (const difference of report.value.differences) out(`  ${retallyDifferenceWords(difference, 'zh')}`);
        code = 1;
      }
    }
    const digest = ballotSetDigest(inputs);
    if (options.json) {
      out(JSON.stringify(options.files.length === 1 ? reports[0] : { fingerprint: digest, reports }, null, 2));
    } else {
      out(`选票数据指纹 fingerprint（${inputs.length} 场会议，SHA-256）：${shortFingerprint(digest)}`);
      out(`  full: ${digest}`);
    }
    if (options.expect !== undefined) {
      if (fingerprintMatches(digest, options.expect)) {
        out(`FINGERPRINT MATCH 与给定的指纹一致：${shortFingerprint(digest)}`);
      } else {
        out(`FINGERPRINT DIFFERENT 与给定的指纹不一致：给定 ${options.expect}，文件 ${shortFingerprint(digest)}`);
        code = 1;
      }
    }
    return code;
  } finally {
    store?.close();
  }
}

// Runs only as the bundled command, not when a test imports runRetally. process.exitCode (not
// process.exit) so that all of stdout is written when it is a pipe: exit() would cut it at 64 KiB.
if (/retally\.c?js$/u.test(process.argv[1] ?? '')) {
  runRetally(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('retally failed:', error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
