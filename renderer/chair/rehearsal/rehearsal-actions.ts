/** The console's two rehearsal actions (i17r): make the copy, and wipe it. */
import { call } from '../api';
import { useChairStore } from '../store';
import { tr } from './messages';

/** Makes the rehearsal copy of a real meeting and selects it. */
export async function createRehearsal(meetingId: string): Promise<void> {
  const chair = useChairStore();
  const made = await call('createRehearsal', { meetingId });
  await chair.loadMeetings();
  if (made) await chair.select(made.id);
}

/** Wipes a rehearsal after a confirmation, then selects its real meeting. */
export async function wipeRehearsal(meetingId: string, ask: (question: string) => boolean = (q) => window.confirm(q)): Promise<void> {
  if (!ask(tr('confirmWipe'))) return;
  const chair = useChairStore();
  const wiped = await call('wipeRehearsal', { meetingId, confirm: true }, { at: 'rehearsal' });
  if (!wiped) return;
  if (chair.current?.id === meetingId) chair.current = null;
  await chair.loadMeetings();
  if (chair.meetings.some((m) => m.id === wiped.realMeetingId)) await chair.select(wiped.realMeetingId);
}
