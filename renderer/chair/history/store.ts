/**
 * The 历次 tab (issue 16): the selected meeting's campaign over its rounds (objects × rounds,
 * sortable), one object's history with its commitments and rectification entries, the chair's
 * consequence-rules table, and the history's exports and imports. Reads stored history only.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { CampaignHistory, HistoryImportPreview, HistoryLine, ObjectHistory, RulesTable } from '../../../shared/api/chair/history';
import type { ConsequenceRule } from '../../../shared/history/consequence-rules';
import type { FollowupKind, RecorderRole } from '../../../shared/history/model';
import { call } from '../api';
import { download, fileToBase64 } from '../files';
import { useChairStore } from '../store';

/** What the campaign table is sorted by: a fixed column, or a round (by its result). */
export type SortKey = { readonly by: 'name' | 'department' | 'worstTop3' | 'gradedBottom' } | { readonly by: 'round'; readonly index: number };

/** A number to sort a round's cell by: worst-list position first (1 = hardest), else graded rank from the bottom. */
function roundScore(line: HistoryLine, index: number): number {
  const cell = line.cells[index];
  if (cell?.worst !== undefined && cell.worst !== null && cell.worst.rank !== null) return cell.worst.rank;
  if (cell?.graded !== undefined && cell.graded !== null && cell.graded.rank !== null) return 1000 + (cell.graded.ranked - cell.graded.rank);
  return Infinity;
}

export const useHistoryStore = defineStore('history', () => {
  const chair = useChairStore();
  const campaignId = ref<string | null>(null);
  const roundId = ref<string | null>(null);
  const history = ref<CampaignHistory | null>(null);
  const rules = ref<RulesTable | null>(null);
  const selectedKey = ref<string | null>(null);
  const object = ref<ObjectHistory | null>(null);
  const sort = ref<SortKey>({ by: 'worstTop3' });
  const descending = ref(true);
  const importPreview = ref<HistoryImportPreview | null>(null);
  const importFile = ref<{ fileName: string; base64: string } | null>(null);

  async function load(): Promise<void> {
    const meetingId = chair.current?.id;
    if (!meetingId) return;
    const tree = await call('setupTree', {});
    const found = tree?.flatMap((c) => c.rounds.map((r) => ({ c, r }))).find(({ r }) => r.meetings.some((m) => m.id === meetingId));
    if (!found) return;
    campaignId.value = found.c.id;
    roundId.value = found.r.id;
    history.value = await call('campaignHistory', { campaignId: found.c.id });
    rules.value = await call('consequenceRules', { campaignId: found.c.id });
    if (selectedKey.value !== null) await select(selectedKey.value);
  }

  async function select(objectKey: string | null): Promise<void> {
    selectedKey.value = objectKey;
    object.value = objectKey === null || campaignId.value === null ? null : await call('objectHistory', { campaignId: campaignId.value, objectKey }, { at: 'history-object' });
  }

  const lines = computed<readonly HistoryLine[]>(() => {
    const all = [...(history.value?.lines ?? [])];
    const key = sort.value;
    const value = (l: HistoryLine): number | string => {
      switch (key.by) {
        case 'name':
          return l.name;
        case 'department':
          return `${l.department}\u0000${l.name}`;
        case 'worstTop3':
          return l.streaks.worstTop3 * 100 + l.streaks.worstTop10;
        case 'gradedBottom':
          return l.streaks.gradedBottom;
        case 'round':
          // Hardest first when descending: invert so that "descending" puts position 1 on top.
          return -roundScore(l, key.index);
      }
    };
    all.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'zh');
      return (descending.value ? -c : c) || a.name.localeCompare(b.name, 'zh');
    });
    return all;
  });

  function sortBy(key: SortKey): void {
    const same = JSON.stringify(key) === JSON.stringify(sort.value);
    descending.value = same ? !descending.value : key.by !== 'name' && key.by !== 'department';
    sort.value = key;
  }

  async function addFollowup(input: { objectId: string; kind: FollowupKind; datedOn: string; text: string; recordedBy: RecorderRole }): Promise<boolean> {
    const done = await call('addFollowup', input, { at: 'history-followup' });
    if (done) await load();
    return done !== null;
  }

  async function removeFollowup(followupId: string): Promise<void> {
    if (await call('removeFollowup', { followupId, confirm: true }, { at: 'history-object' })) await load();
  }

  async function splitObject(objectId: string): Promise<void> {
    const done = await call('splitObject', { objectId, confirm: true }, { at: 'history-object' });
    if (done) {
      await load();
      await select(done.objectKey);
    }
  }

  async function mergeObjects(objectId: string, intoObjectId: string): Promise<void> {
    const done = await call('mergeObjects', { objectId, intoObjectId, confirm: true }, { at: 'history-object' });
    if (done) {
      await load();
      await select(done.objectKey);
    }
  }

  async function saveRules(next: readonly ConsequenceRule[]): Promise<boolean> {
    if (campaignId.value === null) return false;
    const saved = await call('setConsequenceRules', { campaignId: campaignId.value, rules: [...next] }, { at: 'history-rules' });
    if (saved) await load();
    return saved !== null;
  }

  async function resetRules(): Promise<void> {
    if (campaignId.value !== null && (await call('resetConsequenceRules', { campaignId: campaignId.value, confirm: true }, { at: 'history-rules' }))) await load();
  }

  async function exportAs(format: 'xlsx' | 'csv', part: 'results' | 'followups' | 'rules'): Promise<void> {
    if (campaignId.value === null) return;
    const file = await call('exportHistory', { campaignId: campaignId.value, format, part }, { at: 'history-files' });
    if (file) download(file);
  }

  async function previewImport(file: File): Promise<void> {
    if (campaignId.value === null) return;
    importFile.value = { fileName: file.name, base64: await fileToBase64(file) };
    importPreview.value = await call('previewHistoryImport', { campaignId: campaignId.value, ...importFile.value }, { at: 'history-files' });
  }

  async function commitImport(skipInvalid: boolean): Promise<void> {
    if (campaignId.value === null || importFile.value === null) return;
    if (await call('importHistory', { campaignId: campaignId.value, ...importFile.value, skipInvalid }, { at: 'history-files' })) {
      importPreview.value = null;
      importFile.value = null;
      await load();
    }
  }

  function cancelImport(): void {
    importPreview.value = null;
    importFile.value = null;
  }

  watch(
    () => [chair.current?.id, chair.revision] as const,
    () => void load(),
  );

  return { campaignId, roundId, history, rules, selectedKey, object, sort, descending, lines, importPreview, load, select, sortBy, addFollowup, removeFollowup, splitObject, mergeObjects, saveRules, resetRules, exportAs, previewImport, commitImport, cancelImport };
});
