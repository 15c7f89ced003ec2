/**
 * The console's wording of core's errors in its current language; the words themselves are in
 * shared/i18n/error-words.ts (Chinese and English for every code of shared/domain/errors.ts).
 */
import type { AppError } from '../../shared/domain/result';
import { locale } from '../common/i18n';
import { errorWords } from '../../shared/i18n/error-words';

/** The sentence the console shows for an error (or a lock reason), in the console's language. */
export function errorText(error: Pick<AppError, 'code' | 'params'> & { readonly message?: string }): string {
  return errorWords(error, locale.value);
}
