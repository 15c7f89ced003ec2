/**
 * Opening voting with the rehearsal question (i17r): the core answers `rehearsal_open` while a
 * rehearsal of the meeting still votes; the console asks the chair, and only on a yes opens with
 * `despiteRehearsal`. Every other answer is shown where `call` would show it.
 */
import type { ChairInput, ChairOutputs } from '../../../shared/api/chair-contract';
import { call, chairTransport, dismissError, pending, placedErrors } from '../api';
import { errorText } from '../errors';
import { tr } from './messages';

export async function openVotingAsking(input: ChairInput<'openVoting'>, at: string, ask: (question: string) => boolean = (q) => window.confirm(q)): Promise<ChairOutputs['openVoting'] | null> {
  pending.value += 1;
  let first;
  try {
    first = await chairTransport().call('openVoting', input);
  } finally {
    pending.value -= 1;
  }
  if (first.ok) {
    dismissError(at);
    return first.value;
  }
  if (first.error.code !== 'rehearsal_open') {
    placedErrors.value = { ...placedErrors.value, [at]: errorText(first.error) };
    return null;
  }
  const details = first.error.details as { rehearsals?: readonly { title: string }[] } | undefined;
  const titles = (details?.rehearsals ?? []).map((r) => r.title).join('、');
  if (!ask(tr('confirmOpenDespite', { titles }))) return null;
  return call('openVoting', { ...input, despiteRehearsal: true }, { at });
}
