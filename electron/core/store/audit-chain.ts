/**
 * The audit trail's hash chain (docs/audit-chain.md): each line's hash covers the previous
 * line's hash and the line's own stored fields, so a removed, edited, reordered or inserted line
 * breaks the chain from there on. Plain functions over plain values: the store appends with
 * them, the migration chains old lines with them, and `npm run verify-audit` recomputes them.
 */
import { createHash } from 'node:crypto';

/** The hash that the first line of every chain covers as its "previous" line. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain of the real meetings and everything else; a rehearsal's lines form their own chain, named by its meeting id. */
export const MAIN_CHAIN = '';

/**
 * The stored fields of one line that its hash covers, exactly as in the audit table. The line's
 * seq is not among them: the order is what the previous hash fixes, so a reordering shows as
 * one (a line whose previous hash belongs to a later line), not as an edit.
 */
export interface ChainedFields {
  readonly chain: string;
  readonly meetingId: string | null;
  readonly action: string;
  /** The detail column's text as stored (a JSON object), not re-serialised. */
  readonly detail: string;
  readonly at: string;
}

/** The canonical text of a line: a JSON array of its fields in a fixed order. */
export function lineText(fields: ChainedFields): string {
  return JSON.stringify([fields.chain, fields.meetingId, fields.action, fields.detail, fields.at]);
}

/** hash = hex(SHA-256(UTF-8(prev_hash + "\n" + lineText))). */
export function lineHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(`${prevHash}\n${lineText(fields)}`, 'utf8').digest('hex');
}

/** A stored line with its chain columns; hash and prevHash are null on a line nobody chained. */
export interface StoredLine extends ChainedFields {
  readonly seq: number;
  readonly prevHash: string | null;
  readonly hash: string | null;
}

/** What breaks a chain at one line (the first line where something is wrong is reported per chain). */
export type ChainProblem =
  | { readonly kind: 'unchained'; readonly seq: number; readonly chain: string }
  | { readonly kind: 'edited'; readonly seq: number; readonly chain: string }
  | { readonly kind: 'removed'; readonly seq: number; readonly chain: string }
  | { readonly kind: 'reordered'; readonly seq: number; readonly chain: string }
  | { readonly kind: 'inserted'; readonly seq: number; readonly chain: string }
  /** The main chain ends before the head the store recorded with its last line: lines were cut off the end. */
  | { readonly kind: 'truncated'; readonly seq: number; readonly chain: string };

export interface ChainReport {
  readonly ok: boolean;
  readonly lines: number;
  /** Every chain's last hash (the main chain's is what the printed appendix shows). */
  readonly heads: Readonly<Record<string, string>>;
  readonly problems: readonly ChainProblem[];
}

/**
 * Recomputes every chain from its genesis over the lines in seq order and names each break:
 * `edited` when a line's own hash does not cover its fields, and where a line's previous hash is
 * not the hash of the line before it: `reordered` when it is the hash of a later line,
 * `inserted` when it is the hash of an earlier line (a line was put in between), `removed`
 * when no line has it. A line without a hash is `unchained` (written behind the store's back).
 * `recordedHead` is the main chain's head the store keeps beside it (meta audit_head): a chain
 * ending before it was `truncated`.
 */
export function verifyChain(lines: readonly StoredLine[], recordedHead: string | null = null): ChainReport {
  const byChain = new Map<string, StoredLine[]>();
  for (const line of lines) {
    const list = byChain.get(line.chain) ?? [];
    list.push(line);
    byChain.set(line.chain, list);
  }
  const problems: ChainProblem[] = [];
  const heads: Record<string, string> = {};
  for (const [chain, list] of byChain) {
    const positions = new Map<string, number>();
    list.forEach((line, index) => {
      if (line.hash !== null) positions.set(line.hash, index);
    });
    let prev = GENESIS_HASH;
    for (const [index, line] of list.entries()) {
      if (line.hash === null || line.prevHash === null) {
        problems.push({ kind: 'unchained', seq: line.seq, chain });
      } else if (lineHash(line.prevHash, line) !== line.hash) {
        problems.push({ kind: 'edited', seq: line.seq, chain });
      } else if (line.prevHash !== prev) {
        const at = positions.get(line.prevHash);
        const kind = at === undefined ? (line.prevHash === GENESIS_HASH ? 'inserted' : 'removed') : at > index ? 'reordered' : 'inserted';
        problems.push({ kind, seq: line.seq, chain });
      }
      prev = line.hash ?? prev;
    }
    heads[chain] = prev;
    // A removed last line leaves no later line to notice: the head recorded beside the chain does.
    if (chain === MAIN_CHAIN && recordedHead !== null && recordedHead !== prev && !positions.has(recordedHead)) {
      problems.push({ kind: 'truncated', seq: list.at(-1)?.seq ?? 0, chain });
    }
    // Lines after the recorded head were written behind the store's back.
    const headAt = recordedHead === null ? undefined : positions.get(recordedHead);
    if (chain === MAIN_CHAIN && headAt !== undefined && headAt < list.length - 1) {
      problems.push({ kind: 'inserted', seq: list[headAt + 1]?.seq ?? 0, chain });
    }
  }
  if (!byChain.has(MAIN_CHAIN) && recordedHead !== null && recordedHead !== GENESIS_HASH) problems.push({ kind: 'truncated', seq: 0, chain: MAIN_CHAIN });
  return { ok: problems.length === 0, lines: lines.length, heads, problems };
}
