/**
 * JSON with object keys sorted at every level, so that the same ballot always serialises to the
 * same text: a retry is recognised by comparing digests, and exports list ballots by content.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A key JavaScript objects enumerate first, in numeric order: a canonical array index. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

/**
 * The order in which canonicalJson writes an object with these keys: array-index keys ("0",
 * "17") first in numeric order, as every JavaScript object enumerates them, then the others
 * sorted. For writers that know an object's keys in advance and skip sorting per value.
 */
export function canonicalKeyOrder(keys: readonly string[]): string[] {
  const sorted = [...keys].sort();
  const indices = sorted.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...sorted.filter((key) => !isArrayIndex(key))];
}
