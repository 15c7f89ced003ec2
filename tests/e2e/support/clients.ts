/**
 * Small HTTP clients for tests that drive a host process without a browser: the chair API with
 * the run's token, and the tablet API from a chosen local address (so a test can look for that
 * client address in logs and files afterwards).
 */
import { request } from 'node:http';
import type { ChairInput, ChairMethod, ChairOutputs } from '../../../shared/api/chair-contract';
import type { BallotDefinition } from '../../../shared/api/tablet-schemas';
import type { BallotContent } from '../../../shared/domain/model';
import { withSubmissionKey } from '../../../scripts/bench/submission-key';

export interface HttpAnswer {
  status: number;
  body: any;
}

/** Calls a chair method of a host at 127.0.0.1:port; throws on an error answer. */
export async function chairCall<M extends ChairMethod>(host: { chairPort: number; token: string }, method: M, input: ChairInput<M>): Promise<ChairOutputs[M]> {
  const response = await fetch(`http://127.0.0.1:${host.chairPort}/api/chair/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pingyi-token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.message}`);
  return body.value as never;
}

/** POSTs JSON to the tablet API; rejects when the connection fails (host down, reset). */
export function tabletPost(baseUrl: string, path: string, body: unknown, options: { localAddress?: string } = {}): Promise<HttpAnswer> {
  const url = new URL(path, baseUrl);
  const payload = Buffer.from(JSON.stringify(withSubmissionKey(url.pathname, body)));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress: options.localAddress, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A complete graded ballot: `grade(objectIndex, indicatorIndex)` gives a grade index or null. */
export function gradedBallot(definition: BallotDefinition, grade: (o: number, i: number) => number | null): BallotContent {
  const answers: Record<string, Record<string, number | null>> = {};
  definition.objects.forEach((object, o) => {
    const set = definition.indicatorSets.find((s) => s.id === object.indicatorSetId);
    answers[object.id] = Object.fromEntries((set?.indicators ?? []).map((indicator, i) => [indicator.id, grade(o, i)]));
  });
  return { type: 'graded', answers };
}
