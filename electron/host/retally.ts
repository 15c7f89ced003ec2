/**
 * Re-tallies an exported ballot file from the command line:
 *   node dist/electron/retally.cjs FILE [--data DIR] [--json]
 * Prints the ranking computed from the file alone, each object with its formula. With --data it
 * also compares with the stored results of the same meeting in that data folder and exits 0
 * when they match exactly, 1 when they differ (each difference printed), 2 on a usage or file error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { openStore, type Store } from '../core/store/database';
import { DATABASE_FILE } from '../core/core';
import { retallyFile } from '../core/services/results';

const USAGE = 'usage: retally FILE [--data DIR] [--json]';

/** Runs the command on argv (without node and script); writes through `out`; answers the exit code. */
export async function runRetally(argv: readonly string[], out: (line: string) => void): Promise<number> {
  let file: string | undefined;
  let dataDir: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data') {
      dataDir = argv[i + 1];
      i += 1;
      if (dataDir === undefined) {
        out(`--data needs a folder\n${USAGE}`);
        return 2;
      }
    } else if (arg === '--json') json = true;
    else if (arg !== undefined && !arg.startsWith('--') && file === undefined) file = arg;
    else {
      out(`unknown option ${arg ?? ''}\n${USAGE}`);
      return 2;
    }
  }
  if (file === undefined) {
    out(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    out(`找不到文件 ${file}`);
    return 2;
  }
  let store: Store | null = null;
  if (dataDir !== undefined) {
    const databaseFile = join(resolve(dataDir), DATABASE_FILE);
    // Never create an empty database by mistyping a folder: the comparison would say nothing.
    if (!existsSync(databaseFile)) {
      out(`数据文件夹 ${dataDir} 里没有 ${DATABASE_FILE}`);
      return 2;
    }
    store = openStore(databaseFile);
  }
  try {
    const report = await retallyFile(readFileSync(file), basename(file), store);
    if (!report.ok) {
      out(report.error.message);
      return 2;
    }
    const { results } = report.value;
    if (json) {
      out(JSON.stringify(report.value, null, 2));
    } else {
      out(`${results.title}：${results.ballots} 张选票`);
      for (const row of results.rows) {
        out(`${String(row.rank ?? '—').padStart(3)}  ${row.name}  ${row.score ?? '不完整'}${row.note === '' ? '' : `  ${row.note}`}`);
        for (const line of row.formula.zh) out(`       ${line}`);
      }
    }
    if (dataDir === undefined) return 0;
    if (!report.value.compared) {
      out('数据文件夹中没有这场会议已结束投票的结果，无法比对。');
      return 1;
    }
    if (report.value.matches) {
      out('MATCH 重新计票结果与系统中的结果完全一致。');
      return 0;
    }
    out('DIFFERENT 重新计票结果与系统中的结果不一致：');
    for (const difference of report.value.differences) out(`  ${difference}`);
    return 1;
  } finally {
    store?.close();
  }
}

// Runs only as the bundled command, not when a test imports runRetally.
if (/retally\.c?js$/u.test(process.argv[1] ?? '')) {
  runRetally(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error('retally failed:', error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
