/**
 * Exports and imports of rounds over time (issue 16): the history (one line per round and
 * object), the follow-up entries and the rules table as .xlsx/.csv; and an import of earlier
 * rounds' results typed from paper, which creates those rounds (before the ones already here)
 * with their objects, matched to the campaign's lineages on department + name.
 */
import type { Store } from '../../store/database';
import { getCampaign, insertRound, listRounds, meetingsOfRound, writeRoundPositions } from '../../store/meetings';
import { insertObjects, objectsOfCampaign, objectsOfRound, objectKeysOfRound } from '../../store/objects';
import { replaceRoundHistory } from '../../store/history';
import { followupsOfCampaign } from '../../store/followups';
import { withTransaction } from '../../store/transaction';
import type { ExportedFile } from '../../../../shared/api/chair/setup';
import type { HistoryImportPreview } from '../../../../shared/api/chair/history';
import { followupsToTable, historyToTable, parseHistoryTable, rulesToTable, type HistoryImportLine } from '../../../../shared/history/history-table';
import { rulesOfCampaign } from '../../store/consequence-rules';
import type { HistoryEntry } from '../../../../shared/history/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import type { TableFormat } from '../../import';
import { exported, fileName, tableOf } from '../setup/files';
import { setForCategory } from '../setup/objects';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { campaignHistory } from './view';
import { DEFAULT_ROUND_SETTINGS } from '../../../../shared/domain/defaults';

interface FileInput {
  readonly fileName: string;
  readonly base64: string;
}

export async function exportHistory(store: Store, input: { campaignId: string; format: TableFormat; part?: 'results' | 'followups' | 'rules' | undefined }): Promise<Result<ExportedFile>> {
  const history = campaignHistory(store, input.campaignId);
  if (!history.ok) return history;
  if (input.part === 'rules') {
    const table = rulesToTable(rulesOfCampaign(store, input.campaignId));
    return ok(await exported(table, input.format, fileName([history.value.campaign, '结果运用规则表'], input.format), '结果运用规则表'));
  }
  if (input.part === 'followups') {
    const rounds = new Map(listRounds(store).map((r) => [r.id, r.name]));
    const lines = new Map(history.value.lines.map((l) => [l.objectKey, l]));
    const entries = followupsOfCampaign(store, input.campaignId).map((f) => ({
      ...f,
      round: rounds.get(f.roundId) ?? '',
      department: lines.get(f.objectKey)?.department ?? '',
      name: lines.get(f.objectKey)?.name ?? '',
    }));
    return ok(await exported(followupsToTable(entries), input.format, fileName([history.value.campaign, '整改反馈记录'], input.format), '整改反馈记录'));
  }
  return ok(await exported(historyToTable(history.value), input.format, fileName([history.value.campaign, '历次评议汇总'], input.format), '历次评议汇总'));
}

interface Planned {
  readonly lines: readonly HistoryImportLine[];
  readonly preview: HistoryImportPreview;
}

/** Rows whose round already exists with meetings of its own are refused: its results are the product's. */
async function plan(store: Store, input: FileInput & { campaignId: string }): Promise<Result<Planned>> {
  if (getCampaign(store, input.campaignId) === null) return fail('campaign_not_found');
  const read = await tableOf(input);
  if (!read.ok) return read;
  const parsed = parseHistoryTable(read.value.table);
  if (parsed === null) return fail('history_import_columns', {}, { found: read.value.table.headers.filter((h) => h !== '') });
  const rounds = listRounds(store).filter((r) => r.campaignId === input.campaignId && !r.rehearsal);
  const lines = parsed.map((line) => {
    const existing = rounds.find((r) => r.name === line.round);
    if (existing !== undefined && meetingsOfRound(store, existing.id).length > 0) {
      return { ...line, errors: [...line.errors, { note: 'round_held' as const, round: line.round }] };
    }
    return line;
  });
  const names = [...new Set(lines.filter((l) => l.errors.length === 0).map((l) => l.round))];
  const preview: HistoryImportPreview = {
    rounds: names.map((name) => {
      const of = lines.filter((l) => l.round === name && l.errors.length === 0);
      return { name, objects: of.length, exists: rounds.some((r) => r.name === name), graded: of.some((l) => l.total !== null || l.rank !== null), worst: of.some((l) => l.worstRank !== null) };
    }),
    rows: lines.map((l) => ({ line: l.line, round: l.round, department: l.department, name: l.name, errors: l.errors })),
    errorCount: lines.filter((l) => l.errors.length > 0).length,
    validCount: lines.filter((l) => l.errors.length === 0).length,
  };
  return ok({ lines, preview });
}

export async function previewHistoryImport(store: Store, input: FileInput & { campaignId: string }): Promise<Result<HistoryImportPreview>> {
  const planned = await plan(store, input);
  return planned.ok ? ok(planned.value.preview) : planned;
}

/** Ranks by the stated 名次; where a round states only totals, ranks follow them (ties share, 1, 2, 2, 4). */
function ranksOf(lines: readonly HistoryImportLine[]): Map<HistoryImportLine, number | null> {
  const out = new Map<HistoryImportLine, number | null>();
  const stated = lines.some((l) => l.rank !== null);
  for (const line of lines) {
    if (stated || line.total === null) out.set(line, line.rank);
    else out.set(line, 1 + lines.filter((o) => o.total !== null && Number(o.total) > Number(line.total)).length);
  }
  return out;
}

export async function importHistory(store: Store, input: FileInput & { campaignId: string; skipInvalid: boolean }): Promise<Result<{ rounds: number; rows: number; skipped: number }>> {
  const planned = await plan(store, input);
  if (!planned.ok) return planned;
  const { lines, preview } = planned.value;
  if (preview.validCount === 0) return fail('import_nothing_valid');
  if (preview.errorCount > 0 && !input.skipInvalid) return fail('history_import_rows', {}, { lines: preview.rows.filter((r) => r.errors.length > 0).map((r) => r.line) });
  const valid = lines.filter((l) => l.errors.length === 0);
  return withTransaction(store, () => {
    const before = listRounds(store).filter((r) => r.campaignId === input.campaignId && !r.rehearsal);
    // The campaign's lineages by department + name (the latest object of each place wins).
    const lineage = new Map<string, string>();
    for (const o of objectsOfCampaign(store, input.campaignId)) lineage.set(`${o.department}\u0000${o.name}`, o.objectKey);
    const importedIds: string[] = [];
    for (const roundName of preview.rounds.map((r) => r.name)) {
      const rows = valid.filter((l) => l.round === roundName);
      let round = before.find((r) => r.name === roundName);
      if (round === undefined) {
        const id = newId();
        insertRound(store, { id, campaignId: input.campaignId, name: roundName });
        round = { id, campaignId: input.campaignId, name: roundName, position: 0, categorySets: {}, rehearsal: false, settings: DEFAULT_ROUND_SETTINGS };
        importedIds.push(id);
      }
      const here = new Map(objectsOfRound(store, round.id).map((o) => [`${o.department}\u0000${o.name}`, o.id]));
      const missing = rows.filter((l) => !here.has(`${l.department}\u0000${l.name}`));
      const r = round;
      insertObjects(
        store,
        r.id,
        missing.map((l) => {
          const id = newId();
          here.set(`${l.department}\u0000${l.name}`, id);
          return { id, name: l.name, department: l.department, category: l.category, indicatorSetId: setForCategory(r, l.category), objectKey: lineage.get(`${l.department}\u0000${l.name}`) };
        }),
      );
      const keys = objectKeysOfRound(store, r.id);
      const keyOf = (l: HistoryImportLine): string => {
        const id = here.get(`${l.department}\u0000${l.name}`) ?? '';
        return keys.get(id) ?? id;
      };
      for (const l of rows) lineage.set(`${l.department}\u0000${l.name}`, keyOf(l));
      const graded = rows.filter((l) => l.total !== null || l.rank !== null);
      const gradedRanks = ranksOf(graded);
      const gradedRanked = graded.filter((l) => gradedRanks.get(l) !== null).length;
      const entry = (l: HistoryImportLine, measure: 'graded' | 'worst', rank: number | null, ranked: number): HistoryEntry => ({
        roundId: r.id,
        objectKey: keyOf(l),
        measure,
        name: l.name,
        department: l.department,
        category: l.category,
        total: measure === 'graded' ? l.total : null,
        rank,
        categoryRank: null,
        ranked,
        categoryRanked: null,
        mainProblems: measure === 'worst' ? l.problems : [],
        vetoed: l.vetoReason !== null,
        vetoReason: l.vetoReason,
        source: 'import',
      });
      if (graded.length > 0) replaceRoundHistory(store, r.id, 'graded', graded.map((l) => entry(l, 'graded', gradedRanks.get(l) ?? null, gradedRanked)));
      // A worst list names only the top places: everyone else of the round counts as ranked below them.
      const worst = rows.filter((l) => l.worstRank !== null);
      if (worst.length > 0) replaceRoundHistory(store, r.id, 'worst', worst.map((l) => entry(l, 'worst', l.worstRank, rows.length)));
    }
    // Earlier rounds come before the rounds already held here, in the file's order.
    if (importedIds.length > 0) writeRoundPositions(store, [...importedIds, ...before.map((r) => r.id)]);
    recordAudit(store, null, 'import_history', { rounds: preview.rounds.length, rows: valid.length });
    return ok({ rounds: preview.rounds.length, rows: valid.length, skipped: preview.errorCount });
  });
}
