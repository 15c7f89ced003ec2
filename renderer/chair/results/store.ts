/**
 * Results of the selected meeting (or its round), loaded only once voting has closed; vetoes,
 * marking official, exports and re-tallying an exported ballot file.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { MeetingResults, RetallyReport, RoundResults } from '../../../shared/api/chair/results';
import { resultsAvailable } from '../../../shared/domain/lifecycle';
import { call } from '../api';
import { download as saveFile, fileToBase64 } from '../files';
import { useChairStore } from '../store';

export type ResultsMode = 'meeting' | 'round';
export type RankOrder = 'best-first' | 'worst-first';


export const useResultsStore = defineStore('results', () => {
  const chair = useChairStore();
  const mode = ref<ResultsMode>('meeting');
  const order = ref<RankOrder>('best-first');
  const byCategory = ref(false);
  const results = ref<MeetingResults | null>(null);
  const round = ref<RoundResults | null>(null);
  const selectedId = ref<string | null>(null);
  const warning = ref('');
  const retallyReport = ref<RetallyReport | null>(null);

  function available(): string | null {
    const meeting = chair.current;
    return meeting && resultsAvailable(meeting.status) ? meeting.id : null;
  }

  async function load(): Promise<void> {
    const meetingId = available();
    if (meetingId === null) {
      results.value = null;
      round.value = null;
      return;
    }
    const view = { order: order.value, byCategory: byCategory.value };
    results.value = await call('results', { meetingId, ...view });
    round.value = mode.value === 'round' ? await call('roundResults', { meetingId, ...view }) : null;
  }

  async function setVeto(objectId: string, reason: string): Promise<void> {
    const meetingId = available();
    if (meetingId === null) return;
    if (await call('setVeto', { meetingId, objectId, reason })) await load();
  }

  async function clearVeto(objectId: string): Promise<void> {
    const meetingId = available();
    if (meetingId === null) return;
    if (await call('clearVeto', { meetingId, objectId, confirm: true })) await load();
  }

  async function markOfficial(): Promise<void> {
    const meetingId = available();
    if (meetingId === null) return;
    if (await call('markOfficial', { meetingId, confirm: true })) {
      await chair.select(meetingId);
      await chair.loadMeetings();
    }
  }

  async function download(what: 'exportResults' | 'exportRoundResults' | 'exportBallots' | 'exportReceipts', format: 'csv' | 'xlsx'): Promise<void> {
    const meetingId = available();
    if (meetingId === null) return;
    const file =
      what === 'exportResults' || what === 'exportRoundResults'
        ? await call(what, { meetingId, format, order: order.value, byCategory: byCategory.value })
        : await call(what, { meetingId, format });
    if (!file) return;
    warning.value = file.warning ?? '';
    saveFile(file);
  }

  async function retally(file: File): Promise<void> {
    retallyReport.value = await call('retally', { fileName: file.name, base64: await fileToBase64(file) });
  }

  watch(() => chair.revision, load);
  watch([mode, order, byCategory], load);
  watch(
    () => chair.current?.id,
    () => {
      selectedId.value = null;
      retallyReport.value = null;
      warning.value = '';
    },
  );
  return { mode, order, byCategory, results, round, selectedId, warning, retallyReport, load, setVeto, clearVeto, markOfficial, download, retally };
});
