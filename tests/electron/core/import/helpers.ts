import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { readTable, type ReadTable } from '../../../../electron/core/import';
import type { AppError, Result } from '../../../../shared/domain/result';
import { errorWords } from '../../../../shared/i18n/error-words';

/** The sample files, kept in the repository (tests/fixtures, copied from the project's shared/fixtures with its README). */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** A fresh temp dir for this test file, removed afterwards. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Reads a real file from disk through readTable, as the app does after the file dialog. */
export async function readFile(file: string): Promise<Result<ReadTable>> {
  return readTable(new Uint8Array(fs.readFileSync(file)), path.basename(file));
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectErr<T>(result: Result<T>): AppError {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error;
}

/** An error as the chair console words it in Chinese: core sends a code and params, not a sentence. */
export function shown(error: AppError): string {
  return errorWords(error, 'zh');
}
