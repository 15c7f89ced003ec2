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

/** The last error any call produced, shown in one banner; cleared by the next success. */
export const lastError = ref('');
/** Calls in flight: buttons disable themselves while the console waits. */
export const pending = ref(0);

/** Calls a chair method; on failure shows its message and returns null. */
export async function call<M extends ChairMethod>(method: M, input: ChairInput<M>): Promise<ChairOutputs[M] | null> {
  pending.value += 1;
  try {
    const result = await chairTransport().call(method, input);
    if (!result.ok) {
      lastError.value = errorText(result.error);
      return null;
    }
    lastError.value = '';
    return result.value;
  } finally {
    pending.value -= 1;
  }
}
