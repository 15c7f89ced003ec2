/**
 * The submission key a test or benchmark tablet sends with a ballot, made from its code so a
 * retry from the same "tablet" carries the same key (a real tablet keeps a random one in its
 * local storage, shared/api/tablet-schemas.ts). Bodies that already carry a key are left alone.
 */
import { createHash } from 'node:crypto';

export function submissionKeyFor(code: string): string {
  return createHash('sha256').update(`test-tablet:${code}`).digest('base64url').slice(0, 22);
}

/** The body with a submission key added when it is a ballot submission without one. */
export function withSubmissionKey(path: string, body: unknown): unknown {
  if (!path.endsWith('/api/tablet/ballot') || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  if ('submissionKey' in record || typeof record['code'] !== 'string') return body;
  return { code: record['code'], submissionKey: submissionKeyFor(record['code']), ...record };
}
