/**
 * The chair console's state. Everything goes through the Transport (IPC or loopback HTTP);
 * turnout arrives as pushed events, never by polling.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ChairEvent, IssuedCode, MeetingResults, MeetingSummary, MeetingView, ServerInfo } from '../../shared/api/chair-contract';
import { createTransport, type Transport } from '../common/transport';

export const useChairStore = defineStore('chair', () => {
  let transport: Transport | null = null;
  const server = ref<ServerInfo | null>(null);
  const meetings = ref<readonly MeetingSummary[]>([]);
  const current = ref<MeetingView | null>(null);
  const codes = ref<readonly IssuedCode[]>([]);
  const results = ref<MeetingResults | null>(null);
  const alarms = ref<string[]>([]);
  const error = ref('');
  const busy = ref(false);

  function api(): Transport {
    transport ??= createTransport();
    return transport;
  }

  /** Runs one call; a failure becomes the visible error and the result null. */
  async function run<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> {
    busy.value = true;
    try {
      const result = await call();
      if (!result.ok) {
        error.value = result.error.message;
        return null;
      }
      error.value = '';
      return result.value;
    } finally {
      busy.value = false;
    }
  }

  function onEvent(event: ChairEvent): void {
    if (event.type === 'alarm') {
      alarms.value = [...alarms.value, event.message];
      return;
    }
    if (!current.value || current.value.id !== event.meetingId) return;
    if (event.type === 'turnout') current.value = { ...current.value, turnout: event.turnout };
    else void select(event.meetingId);
  }

  async function start(): Promise<void> {
    api().subscribe(onEvent);
    server.value = await run(() => api().call('serverInfo', {}));
    await loadMeetings();
    const first = meetings.value[0];
    if (first) await select(first.id);
  }

  async function loadMeetings(): Promise<void> {
    meetings.value = (await run(() => api().call('listMeetings', {}))) ?? [];
  }

  async function select(meetingId: string): Promise<void> {
    const view = await run(() => api().call('getMeeting', { meetingId }));
    if (!view) return;
    if (current.value?.id !== meetingId) codes.value = [];
    current.value = view;
    results.value = view.status === 'closed' || view.status === 'official' ? await run(() => api().call('results', { meetingId })) : null;
  }

  async function createDemo(): Promise<void> {
    const created = await run(() => api().call('createDemo', {}));
    await loadMeetings();
    if (created) await select(created.id);
  }

  async function generateCodes(spares: number): Promise<void> {
    if (!current.value) return;
    const meetingId = current.value.id;
    const issued = await run(() => api().call('generateCodes', { meetingId, spares }));
    if (issued) codes.value = issued;
    await select(meetingId);
  }

  async function voting(action: 'openVoting' | 'pauseVoting' | 'closeVoting'): Promise<void> {
    if (!current.value) return;
    const meetingId = current.value.id;
    const view = await run(() => api().call(action, { meetingId }));
    if (view) await select(meetingId);
    await loadMeetings();
  }

  function dismissAlarm(index: number): void {
    alarms.value = alarms.value.filter((_, i) => i !== index);
  }

  return { server, meetings, current, codes, results, alarms, error, busy, start, select, createDemo, generateCodes, voting, dismissAlarm, loadMeetings };
});
