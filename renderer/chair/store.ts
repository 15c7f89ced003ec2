/**
 * The console shell's state: the server, the meetings, the selected meeting, alarms. Feature
 * areas (setup/, voting/, results/, printing/) keep their own stores and read `current` here.
 * Turnout and status arrive as pushed events, never by polling.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ChairEvent, MeetingSummary, MeetingView, ServerInfo } from '../../shared/api/chair-contract';
import { call, chairTransport } from './api';

export const useChairStore = defineStore('chair', () => {
  const server = ref<ServerInfo | null>(null);
  const meetings = ref<readonly MeetingSummary[]>([]);
  const current = ref<MeetingView | null>(null);
  /** The alarms shown until dismissed, as core sent them (a code and params the shell words). */
  const alarms = ref<Extract<ChairEvent, { type: 'alarm' }>[]>([]);
  /** Bumped whenever the selected meeting changed on the core side: feature stores reload. */
  const revision = ref(0);

  function onEvent(event: ChairEvent): void {
    if (event.type === 'alarm') {
      alarms.value = [...alarms.value, event];
      return;
    }
    if (event.type === 'changed') {
      void loadMeetings();
      if (current.value && (event.meetingId === null || event.meetingId === current.value.id)) void select(current.value.id);
      return;
    }
    if (!current.value || current.value.id !== event.meetingId) return;
    if (event.type === 'turnout') current.value = { ...current.value, turnout: event.turnout };
    else {
      void select(event.meetingId);
      void loadMeetings();
    }
  }

  async function start(): Promise<void> {
    chairTransport().subscribe(onEvent);
    server.value = await call('serverInfo', {});
    await loadMeetings();
    const first = meetings.value[0];
    if (first) await select(first.id);
  }

  async function loadMeetings(): Promise<void> {
    meetings.value = (await call('listMeetings', {})) ?? meetings.value;
  }

  async function select(meetingId: string): Promise<void> {
    const view = await call('getMeeting', { meetingId });
    if (!view) return;
    current.value = view;
    revision.value += 1;
  }

  async function createDemo(): Promise<void> {
    const created = await call('createDemo', {});
    await loadMeetings();
    if (created) await select(created.id);
  }

  function dismissAlarm(index: number): void {
    alarms.value = alarms.value.filter((_, i) => i !== index);
  }

  return { server, meetings, current, alarms, revision, start, select, loadMeetings, createDemo, dismissAlarm };
});
