/**
 * An import preview's row notes as the console shows them in Chinese: core sends each note as a
 * code and params (shared/setup/table.ts FieldIssue), the console words it
 * (shared/i18n/import-notes.ts). Tests assert the worded sentence the secretary reads.
 */
import type { FieldIssue } from '../../shared/setup/table';
import { importNoteWords } from '../../shared/i18n/import-notes';

/** The Chinese sentence of one note (undefined when there is none). */
export function said(issue: FieldIssue | undefined): string | undefined {
  return issue === undefined ? undefined : importNoteWords(issue, 'zh');
}

/** One note as the field it concerns and its Chinese sentence. */
export function worded(issue: FieldIssue | undefined): { field: string; message: string } | undefined {
  return issue === undefined ? undefined : { field: issue.field, message: importNoteWords(issue, 'zh') };
}

/** Every note of a row, worded. */
export function wordedAll(issues: readonly FieldIssue[] | undefined): { field: string; message: string }[] | undefined {
  return issues?.map((issue) => ({ field: issue.field, message: importNoteWords(issue, 'zh') }));
}
