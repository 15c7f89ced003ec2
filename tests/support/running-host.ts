/**
 * Starts the real host in-process (core + both HTTP servers on free loopback ports, fresh data
 * folder) and gives tests small clients for the chair API and the tablet API over real HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startHost, type RunningHost } from '../../electron/core/host';
import type { ThrottleOptions } from '../../electron/core/server/throttle';
import WebSocket from 'ws';
import type { ChairEvent, ChairInput, ChairMethod, ChairOutputs } from '../../shared/api/chair-contract';
import type { BallotDefinition } from '../../shared/api/tablet-schemas';
import type { BallotContent } from '../../shared/domain/model';
import { withSubmissionKey } from '../../scripts/bench/submission-key';
import type { AppError } from '../../shared/domain/result';
import { errorWords } from '../../shared/i18n/error-words';

export interface TestHost {
  readonly host: RunningHost;
  readonly dataDir: string;
  readonly tabletBase: string;
  readonly chairBase: string;
  /** Calls a chair method with the run's token; throws on an error answer. */
  chair<M extends ChairMethod>(method: M, input: ChairInput<M>): Promise<ChairOutputs[M]>;
  /** Raw POST to the tablet API: status and parsed body. */
  tablet(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'pingyi-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestHost(options: { dataDir?: string; demo?: boolean; throttle?: ThrottleOptions } = {}): Promise<TestHost> {
  const dataDir = options.dataDir ?? tempDir();
  const host = await startHost({ dataDir, lanHost: '127.0.0.1', port: 0, chairPort: 0, demo: options.demo, throttle: options.throttle });
  const tabletBase = `http://127.0.0.1:${host.tablet.port}`;
  const chairBase = `http://127.0.0.1:${host.chair.port}`;
  return {
    host,
    dataDir,
    tabletBase,
    chairBase,
    async chair(method, input) {
      const response = await fetch(`${chairBase}/api/chair/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pingyi-token': host.chair.token },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: AppError };
      // Worded as the console words it (Chinese, its default), from the code and params core sends.
      if (!body.ok) throw new Error(`${method} failed: ${body.error === undefined ? '' : errorWords(body.error, 'zh')} [${body.error?.code ?? ''}]`);
      return body.value as never;
    },
    tablet: (path, body, headers = {}) => httpPost(`${tabletBase}${path}`, body, headers),
    stop: () => host.stop(),
  };
}

/** A complete graded ballot: `grade(objectIndex, indicatorIndex)` gives a grade index or null. */
export function fullBallot(definition: BallotDefinition, grade: (o: number, i: number) => number | null): BallotContent {
  const answers: Record<string, Record<string, number | null>> = {};
  definition.objects.forEach((object, o) => {
    const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator, i) => [indicator.id, grade(o, i)]));
  });
  return { type: 'graded', answers };
}

/** The demo meeting with codes generated and voting open: codes per group, ready to vote. */
export async function openDemoMeeting(t: TestHost, spares = 0): Promise<{ meetingId: string; officials: string[]; recipients: string[] }> {
  const [meeting] = await t.chair('listMeetings', {});
  if (!meeting) throw new Error('no demo meeting');
  const codes = await t.chair('generateCodes', { meetingId: meeting.id, spares });
  await t.chair('openVoting', { meetingId: meeting.id });
  return {
    meetingId: meeting.id,
    officials: codes.filter((c) => c.group === 'officials').map((c) => c.code),
    recipients: codes.filter((c) => c.group === 'recipients').map((c) => c.code),
  };
}

/**
 * POST with node:http rather than fetch: fetch silently drops a forged Host header, and the
 * Host/Origin checks are exactly what some tests must exercise.
 */
export function httpPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(withSubmissionKey(new URL(url).pathname, body)));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text });
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The chair's event stream over the real WebSocket, collecting the alarms it pushes. */
export async function chairAlarms(t: TestHost): Promise<{ alarms: ChairEvent[]; close: () => void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${t.host.chair.port}/api/chair/events?token=${t.host.chair.token}`);
  const alarms: ChairEvent[] = [];
  socket.on('message', (data: Buffer) => {
    const event = JSON.parse(data.toString()) as ChairEvent;
    if (event.type === 'alarm') alarms.push(event);
  });
  await new Promise((resolve) => socket.on('open', resolve));
  return { alarms, close: () => socket.close() };
}
