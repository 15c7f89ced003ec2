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

const KEY_PREFIX = 'pingyi-submission-key:';

/**
 * The submission key of this code on this tablet: 16 random bytes, base64url, made once and kept
 * in local storage, so a retry (even after a reload) is recognised as this tablet's own ballot.
 */
const inMemory = new Map<string, string>();

function storedKey(code: string): string | null {
  try {
    return localStorage.getItem(KEY_PREFIX + code) ?? inMemory.get(code) ?? null;
  } catch {
    return inMemory.get(code) ?? null;
  }
}

function submissionKey(code: string): string {
  const stored = storedKey(code);
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  inMemory.set(code, key);
  try {
    localStorage.setItem(KEY_PREFIX + code, key);
  } catch {
    // Private mode: the key lives as long as the page, which is as long as the ballot does.
  }
  return key;
}

export function openSession(code: string): Promise<TabletAnswer<BallotDefinition & { receipt?: string }>> {
  const key = storedKey(code);
  return post('/api/tablet/session', key ? { code, submissionKey: key } : { code });
}

export function submitBallot(code: string, ballot: BallotContent): Promise<TabletAnswer<SubmitResponse>> {
  return post('/api/tablet/ballot', { code, submissionKey: submissionKey(code), ballot });
}
