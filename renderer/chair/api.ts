/**
 * The console's single Transport and a helper that turns a call's Result into a value or a
 * visible error. Every feature store calls the core through `call()`.
 */
import { ref } from 'vue';
import type { ChairInput, ChairMethod, ChairOutputs } from '../../shared/api/chair-contract';
import { createTransport, type Transport } from '../common/transport';
import { errorText } from './errors';

let transport: Transport | null = null;

/** The transport (IPC in Electron, loopback HTTP in browser mode), created on first use. */
export function chairTransport(): Transport {
  transport ??= createTransport();
  return transport;
}

/**
 * The last error of a call that named no place, shown in one banner that sticks to the top of the
 * window (so it is seen however far down the chair has scrolled) until dismissed, replaced, or
 * the next such call succeeds.
 */
export const lastError = ref('');
/**
 * Errors of calls made with `{ at }`: shown next to the control that caused them (PlacedMessage),
 * kept until the chair dismisses them or the same control succeeds.
 */
export const placedErrors = ref<Readonly<Record<string, string>>>({});

export interface CallOptions {
  /** Where the answer is shown: the id of the control (or its panel) that made the call. */
  readonly at?: string;
}

/** Forgets the error shown at `at` (the chair read it). */
export function dismissError(at: string): void {
  const { [at]: _dropped, ...rest } = placedErrors.value;
  placedErrors.value = rest;
}
/** Calls in flight: buttons disable themselves while the console waits. */
export const pending = ref(0);

/** Calls a chair method; on failure shows its message (at `options.at`, else in the banner) and returns null. */
export async function call<M extends ChairMethod>(method: M, input: ChairInput<M>, options: CallOptions = {}): Promise<ChairOutputs[M] | null> {
  pending.value += 1;
  try {
    const result = await chairTransport().call(method, input);
    if (!result.ok) {
      const text = errorText(result.error);
      if (options.at !== undefined) placedErrors.value = { ...placedErrors.value, [options.at]: text };
      else lastError.value = text;
      return null;
    }
    if (options.at !== undefined) dismissError(options.at);
    else lastError.value = '';
    return result.value;
  } finally {
    pending.value -= 1;
  }
}
