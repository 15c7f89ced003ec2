import { chairInputs, type ChairMethod } from '../../shared/api/chair-contract';
import { fail, type Result } from '../../shared/domain/result';
import type { Core } from './core';
import type { Handler } from './handlers/handler';
import { meetingHandlers } from './handlers/meetings';
import { setupHandlers } from './handlers/setup';
import { votingHandlers } from './handlers/voting';
import { resultsHandlers } from './handlers/results';
import { printingHandlers } from './handlers/printing';
import { paperHandlers } from './handlers/paper';
import { historyHandlers } from './handlers/history';
import { rehearsalAuditHandlers } from './handlers/rehearsal-audit';

/** Every chair method's handler; the type makes a method without a handler a compile error. */
const handlers: { [M in ChairMethod]: Handler<M> } = {
  ...meetingHandlers,
  ...setupHandlers,
  ...votingHandlers,
  ...resultsHandlers,
  ...printingHandlers,
  ...paperHandlers,
  // i16 (issue 16)
  ...historyHandlers,
  ...rehearsalAuditHandlers,
};

function isChairMethod(name: string): name is ChairMethod {
  return Object.prototype.hasOwnProperty.call(chairInputs, name);
}

/**
 * The one entry for both transports (HTTP and IPC): validates the method name and the input
 * with the shared schemas, then runs the handler. Bad input changes nothing and comes back as a
 * clear error; an unexpected exception is logged and reported without details.
 */
export async function callChair(core: Core, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChairMethod(method)) return fail('unknown_method', { method });
  const parsed = chairInputs[method].safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('bad_input', {}, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const handler = handlers[method] as Handler<typeof method>;
  try {
    return await handler(core, parsed.data as never);
  } catch (error) {
    console.error(`chair method ${method} failed:`, error instanceof Error ? error.message : error);
    return fail('internal');
  }
}
