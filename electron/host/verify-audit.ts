/**
 * Checks the audit trail's hash chain from the command line (docs/audit-chain.md):
 *   node dist/electron/verify-audit.cjs --data DIR [--expect HASH] [--json]
 * Recomputes every line's hash from its stored fields and the previous line's hash, and names
 * each line where the chain breaks: edited, removed, reordered, inserted, unchained, or a tail
 * cut off. With --expect (the head printed on the signed audit appendix, at least 16 hex digits)
 * it also checks that the chain still passes through that line: a chain rewritten from
 * scratch by someone with the file cannot produce the printed hash again.
 * Opens the database read-only: checking never migrates or writes anything.
 * Exit codes: 0 intact (and the expected head found), 1 a break or the head missing, 2 usage.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../core/core';
import { verifyAudit } from '../core/store/audit';
import { parseCliArgs } from './cli-args';
import { MAIN_CHAIN, type ChainProblem } from '../core/store/audit-chain';

const USAGE = 'usage: verify-audit --data DIR [--expect HASH] [--json]';

const WORDS: Record<ChainProblem['kind'], string> = {
  edited: '内容与其哈希不符（被修改） edited',
  removed: '前一行已不存在（有行被删除） removed',
  reordered: '前一行的哈希属于后面的行（顺序被调换） reordered',
  inserted: '前一行的哈希属于更早的行（有行被插入） inserted',
  unchained: '没有哈希（未经程序写入） unchained',
  truncated: '链条在记录的末行之前结束（末尾有行被删除） truncated',
};

function parseArgs(argv: readonly string[]): { dataDir: string; expect: string | undefined; json: boolean } | string {
  const parsed = parseCliArgs(argv, USAGE, { positional: false });
  if (typeof parsed === 'string') return parsed;
  const { dataDir, json } = parsed;
  const expect = parsed.expect?.toLowerCase().replace(/[\s-]/g, '');
  if (dataDir === undefined) return USAGE;
  if (expect !== undefined && !/^[0-9a-f]{16,64}$/.test(expect)) return `--expect needs 16 to 64 hex digits\n${USAGE}`;
  return { dataDir, expect, json };
}

/** Runs the command on argv (without node and script); writes through `out`; answers the exit code. */
export function runVerifyAudit(argv: readonly string[], out: (line: string) => void): number {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    out(options);
    return 2;
  }
  const file = join(resolve(options.dataDir), DATABASE_FILE);
  if (!existsSync(file)) {
    out(`数据文件夹 ${options.dataDir} 里没有 ${DATABASE_FILE}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const columns = (db.prepare("SELECT name FROM pragma_table_info('audit')").all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('hash')) {
      out('这个数据文件的审计记录还没有哈希链（旧版本）：用新版 Pingyi 打开一次即可建立。');
      return 2;
    }
    const report = verifyAudit(db);
    const head = report.heads[MAIN_CHAIN] ?? null;
    // Any chain: a rehearsal's appendix prints its own chain's head.
    const hashes = (db.prepare('SELECT hash FROM audit WHERE hash IS NOT NULL').all() as { hash: string }[]).map((r) => r.hash);
    const expected = options.expect;
    const found = expected === undefined ? null : hashes.some((h) => h.startsWith(expected));
    if (options.json) {
      out(JSON.stringify({ ...report, expectFound: found }, null, 2));
    } else {
      out(`审计记录 ${report.lines} 行，${Object.keys(report.heads).length} 条链`);
      for (const p of report.problems) out(`BROKEN 第 ${p.seq} 行${p.chain === MAIN_CHAIN ? '' : `（演练 ${p.chain} 的链）`}：${WORDS[p.kind]}`);
      if (report.ok) out('INTACT 哈希链完整：每一行都覆盖前一行的哈希。');
      out(`链尾哈希 head: ${head ?? '（空）'}`);
      if (found === true) out(`EXPECT FOUND 给定的哈希 ${expected} 仍在链中。`);
      if (found === false) out(`EXPECT MISSING 给定的哈希 ${expected} 不在链中：记录被改写过。`);
    }
    return report.ok && found !== false ? 0 : 1;
  } finally {
    db.close();
  }
}

// Runs only as the bundled command, not when a test imports runVerifyAudit.
if (/verify-audit\.c?js$/u.test(process.argv[1] ?? '')) {
  try {
    process.exitCode = runVerifyAudit(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
  } catch (error: unknown) {
    console.error('verify-audit failed:', error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
