import type { z } from 'zod';
import { chairInputs, type ChairMethod, type ChairOutputs } from '../../shared/api/chair-contract';
import { err, ok, type Result } from '../../shared/domain/result';
import type { Core } from './core';
import { listMeetings, meetingView } from './services/meetings';
import { createDemoMeeting } from './services/demo';
import { generateCodes } from './services/codes';
import { changeVoting } from './services/voting';
import { meetingResults } from './services/results';

type Handler<M extends ChairMethod> = (core: Core, input: z.output<(typeof chairInputs)[M]>) => Result<ChairOutputs[M]> | Promise<Result<ChairOutputs[M]>>;

/** One handler per chair method; both transports (HTTP and IPC) call through `callChair`. */
const handlers: { [M in ChairMethod]: Handler<M> } = {
  serverInfo: (core) => ok({ tabletUrl: core.tabletUrl, lanAddresses: core.lanAddresses, mode: core.mode }),
  listMeetings: (core) => ok(listMeetings(core.store)),
  getMeeting: (core, input) => meetingView(core.store, input.meetingId),
  createDemo: (core) => ok(createDemoMeeting(core.store)),
  generateCodes: (core, input) => generateCodes(core.store, { ...input, joinUrl: core.tabletUrl }),
  openVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'open'),
  pauseVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'pause'),
  closeVoting: (core, input) => changeVoting(core.store, core.events, input.meetingId, 'close'),
  results: (core, input) => meetingResults(core.store, input.meetingId),
};

function isChairMethod(name: string): name is ChairMethod {
  return Object.prototype.hasOwnProperty.call(chairInputs, name);
}

/**
 * Validates the method name and input with the shared schemas, then runs the handler.
 * Bad input changes nothing and comes back as a clear error.
 */
export async function callChair(core: Core, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isChairMethod(method)) return err('unknown_method', `未知的操作：${method}`);
  const parsed = chairInputs[method].safeParse(rawInput ?? {});
  if (!parsed.success) {
    return err('bad_input', '输入有误，请检查后重试。', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const handler = handlers[method] as Handler<typeof method>;
  try {
    return await handler(core, parsed.data as never);
  } catch (error) {
    console.error(`chair method ${method} failed:`, error);
    return err('internal', '操作失败，数据未被修改。请重试；如仍失败，请重启程序。');
  }
}
