/** The ids of a table with the row at `index` moved one place up (-1) or down (1); null at either end. */
export function movedIds(ids: readonly string[], index: number, by: -1 | 1): string[] | null {
  const next = [...ids];
  const a = next[index];
  const b = next[index + by];
  if (a === undefined || b === undefined) return null;
  next[index] = b;
  next[index + by] = a;
  return next;
}
