import type { z } from 'zod';

/** A stored row that does not parse: a bug or a damaged file, never an expected failure. */
export class CorruptRowError extends Error {
  override readonly name = 'CorruptRowError';
}

/** Where a JSON column was read from, for the error message. */
export interface ColumnRef {
  readonly table: string;
  readonly column: string;
  readonly key: string;
}

/**
 * Parses one JSON column with its schema from shared/. Not JSON, or JSON of the wrong shape,
 * throws a CorruptRowError naming the table, column and row, and what is wrong.
 */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string, where: ColumnRef): T {
  const at = `${where.table}.${where.column} of row ${where.key}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(`${at} is not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CorruptRowError(`${at} does not have the stored shape: ${issues}`);
  }
  return parsed.data;
}
