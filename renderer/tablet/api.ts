/**
 * The tablet's two calls. Every request gives up after 8 s (a frozen host otherwise leaves the
 * page at 正在提交 forever); a network failure or timeout is reported as `offline`/`timeout` so
 * the caller retries; a server answer (error or not) is final for that attempt.
 */
import type { SessionResponse, SubmitResponse, TabletErrorCode, TabletErrorParams } from '../../shared/api/tablet-schemas';
import type { BallotContent } from '../../shared/domain/model';
import type { Result } from '../../shared/domain/result';

export const REQUEST_TIMEOUT_MS = 8000;

/** The server's answer, or `offline`/`timeout` made here: shared/domain/result.ts's one Result shape. */
export type TabletAnswer<T> = Result<T, { readonly code: TabletErrorCode | 'offline' | 'timeout'; readonly params?: TabletErrorParams; readonly message: string }>;

/** A session of a used code opened with its submission key carries that ballot's receipt. */
export type SessionValue = SessionResponse;

export async function post<T>(path: string, body: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<TabletAnswer<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: controller.signal,
    });
    if (response.status >= 500 && response.status !== 503) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as TabletAnswer<T>;
  } catch {
    return { ok: false, error: { code: controller.signal.aborted ? 'timeout' : 'offline', message: '' } };
  } finally {
    clearTimeout(timer);
  }
}

export function openSession(code: string, submissionKey?: string, base = ''): Promise<TabletAnswer<SessionValue>> {
  return post(`${base}/api/tablet/session`, submissionKey ? { code, submissionKey } : { code });
}

export function submitBallot(code: string, submissionKey: string, ballot: BallotContent, base = ''): Promise<TabletAnswer<SubmitResponse>> {
  return post(`${base}/api/tablet/ballot`, { code, submissionKey, ballot });
}
