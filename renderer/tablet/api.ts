/**
 * The tablet's two calls. A network failure is reported as `offline` so the caller retries;
 * a server answer (error or not) is final for that attempt.
 */
import type { BallotDefinition, SubmitResponse, TabletErrorCode } from '../../shared/api/tablet-schemas';
import type { BallotContent } from '../../shared/domain/model';

export type TabletAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: TabletErrorCode | 'offline'; message: string } };

async function post<T>(path: string, body: unknown): Promise<TabletAnswer<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    if (response.status >= 500 && response.status !== 503) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as TabletAnswer<T>;
  } catch {
    return { ok: false, error: { code: 'offline', message: '' } };
  }
}

export function openSession(code: string): Promise<TabletAnswer<BallotDefinition>> {
  return post('/api/tablet/session', { code });
}

export function submitBallot(code: string, ballot: BallotContent): Promise<TabletAnswer<SubmitResponse>> {
  return post('/api/tablet/ballot', { code, ballot });
}
