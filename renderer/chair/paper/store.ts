/** The 纸质票 panel's state: the selected meeting's pending entries and reconciliation. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PaperOutcome, PaperView } from '../../../shared/api/chair/paper';
import type { VoterGroup } from '../../../shared/domain/model';
import type { WholeInvalidReason } from '../../../shared/domain/paper-entry';
import type { ChairInput } from '../../../shared/api/chair-contract';

type PaperBallotInput = ChairInput<'paperFirstEntry'>['ballot'];
import { call } from '../api';
import { useChairStore } from '../store';

export const usePaperStore = defineStore('paper', () => {
  const chair = useChairStore();
  const view = ref<PaperView | null>(null);
  /** What the last action did, for the person (an outcome, or the first entry's label). */
  const notice = ref<{ kind: PaperOutcome | 'first'; label?: number; reason?: { zh: string; en: string } } | null>(null);

  function meetingId(): string | null {
    return chair.current?.id ?? null;
  }

  async function load(): Promise<void> {
    const id = meetingId();
    if (!id) return;
    const answer = await call('paperEntry', { meetingId: id }, { at: 'paper' });
    if (answer && answer.meetingId === chair.current?.id) view.value = answer;
  }

  async function firstEntry(group: VoterGroup, clerk: string, ballot: PaperBallotInput, wholeInvalid?: WholeInvalidReason): Promise<boolean> {
    const id = meetingId();
    if (!id) return false;
    const answer = await call('paperFirstEntry', { meetingId: id, group, clerk, ballot, ...(wholeInvalid ? { wholeInvalid } : {}) }, { at: 'paper' });
    if (!answer) return false;
    view.value = answer.view;
    notice.value = { kind: 'first', label: answer.label };
    return true;
  }

  /** The rule the newest 无效票 of the view breaks (the last one the answer lists for that group). */
  function reasonOf(next: PaperView, before: PaperView | null): { zh: string; en: string } | undefined {
    const old = new Set((before?.invalid ?? []).map((b) => JSON.stringify(b)));
    return next.invalid.find((b) => !old.has(JSON.stringify(b))) ?? next.invalid.at(-1);
  }

  async function secondEntry(entryId: string, clerk: string, ballot: PaperBallotInput, wholeInvalid?: WholeInvalidReason): Promise<boolean> {
    const id = meetingId();
    if (!id) return false;
    const before = view.value;
    const answer = await call('paperSecondEntry', { meetingId: id, entryId, clerk, ballot, ...(wholeInvalid ? { wholeInvalid } : {}) }, { at: 'paper' });
    if (!answer) return false;
    view.value = answer.view;
    notice.value = { kind: answer.outcome, ...(answer.outcome === 'invalid' ? { reason: reasonOf(answer.view, before) } : {}) };
    return true;
  }

  async function resolve(entryId: string, choices: Record<string, 'first' | 'second'>): Promise<boolean> {
    const id = meetingId();
    if (!id) return false;
    const before = view.value;
    const answer = await call('paperResolve', { meetingId: id, entryId, choices }, { at: 'paper' });
    if (!answer) return false;
    view.value = answer.view;
    notice.value = { kind: answer.outcome, ...(answer.outcome === 'invalid' ? { reason: reasonOf(answer.view, before) } : {}) };
    return true;
  }

  async function discard(entryId: string): Promise<void> {
    const id = meetingId();
    if (!id) return;
    const answer = await call('paperDiscard', { meetingId: id, entryId, confirm: true }, { at: 'paper' });
    if (answer) view.value = answer;
  }

  return { view, notice, load, firstEntry, secondEntry, resolve, discard };
});
