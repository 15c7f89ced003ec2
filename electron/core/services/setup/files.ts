/**
 * Import and export of objects and rosters. The file's bytes arrive as base64 in the chair call;
 * readTable finds the real format from the content (UTF-8/GBK/UTF-16 CSV or .xlsx) and the shared
 * parsers list every bad row and why. A preview saves nothing; an import re-reads the same bytes,
 * and saves the valid rows only when there are no bad ones or the chair chose to skip them.
 */
import { rehearsalFilePrefix } from '../../../../shared/rules/result-state';
import { Buffer } from 'node:buffer';
import type { Store } from '../../store/database';
import { getMeeting } from '../../store/meetings';
import type { ExportedFile, ImportDone, ImportPreviewResult } from '../../../../shared/api/chair/setup';
import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/api/chair/setup';
import { parseObjectsTable, objectsToTable, type ObjectDraft } from '../../../../shared/setup/objects';
import { CATEGORY_LABELS, parseRosterTable, rosterToTable, type RepresentativeDraft } from '../../../../shared/setup/roster';
import type { FieldIssue, ImportNote, ImportPreview, PreviewRow, TableData } from '../../../../shared/setup/table';
import { fail, ok, type ErrorParams, type Result } from '../../../../shared/domain/result';
import { readTable, writeTable, type TableFormat } from '../../import';
import { editableMeeting, editableRound, findCampaign, findRound } from './checks';
import { roundObjects, saveObjectDrafts } from './objects';
import { meetingRoster, saveRosterDrafts } from './roster';
import { objectKeysOfRound } from '../../store/objects';
import { importedKeys, lineagePreview } from '../history/lineage';
import type { LineageLink, LineagePreview } from '../../../../shared/api/chair/history';

interface FileInput {
  readonly fileName: string;
  readonly base64: string;
}

type Mode = 'replace' | 'append';

function decode(file: FileInput): Result<Uint8Array> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.base64)) {
    return fail('import_bad_upload', { file: file.fileName });
  }
  return ok(new Uint8Array(Buffer.from(file.base64, 'base64')));
}

/** The table in an uploaded file (also read by history's import, i16). */
export async function tableOf(file: FileInput): Promise<Result<{ table: TableData; encoding: string; sheetName: string | null }>> {
  const bytes = decode(file);
  if (!bytes.ok) return bytes;
  const read = await readTable(bytes.value, file.fileName, { maxBytes: MAX_IMPORT_FILE_BYTES });
  if (!read.ok) return read;
  return ok({ table: read.value, encoding: read.value.encoding, sheetName: read.value.sheetName ?? null });
}

/**
 * A header row that matches nothing says more than "columns missing" when we know why: a text file
 * renamed .xlsx is not an Excel file (its text would otherwise be listed as the 表头), and a text
 * file read in the wrong encoding shows its 表头 as gibberish. Names the line the header was taken from.
 */
function explainUnmatchedHeader<T>(file: FileInput, read: { table: TableData; encoding: string }, parsed: Result<T>): Result<T> {
  if (parsed.ok || parsed.error.code !== 'import_missing_columns') return parsed;
  const firstLine = read.table.headers.filter((h) => h !== '').join(' ').slice(0, 40);
  if (read.encoding !== 'xlsx' && /\.xls[xm]?$/i.test(file.fileName)) {
    return fail(
      'import_not_excel',
      { file: file.fileName, kind: 'text', line: read.table.headerLine ?? 1, value: firstLine },
      { ...(parsed.error.details as object | undefined), encoding: read.encoding },
    );
  }
  // The console adds where the header was taken from and, for a text file, the encoding it was read in.
  return fail(parsed.error.code, { ...parsed.error.params, line: read.table.headerLine ?? 1, encoding: read.encoding }, parsed.error.details);
}

/** Adds an issue to rows whose value matches `clash` (its note and params); with severity 'error' the row loses its value. */
function flagRows<T>(
  preview: ImportPreview<T>,
  clash: (value: T) => { note: ImportNote; params?: ErrorParams } | null,
  field: string,
  severity: 'error' | 'warning',
): ImportPreview<T> {
  const rows: PreviewRow<T>[] = preview.rows.map((row) => {
    if (row.value === undefined) return row;
    const found = clash(row.value);
    if (found === null) return row;
    const issue: FieldIssue = { field, note: found.note, params: { line: row.line, ...found.params } };
    return severity === 'error'
      ? { line: row.line, errors: [...row.errors, issue], warnings: row.warnings }
      : { ...row, warnings: [...row.warnings, issue] };
  });
  return {
    ...preview,
    rows,
    valid: rows.flatMap((r) => (r.value === undefined ? [] : [r.value])),
    errorCount: rows.filter((r) => r.errors.length > 0).length,
    warningCount: rows.filter((r) => r.warnings.length > 0).length,
  };
}

async function objectsPreview(store: Store, input: FileInput & { roundId: string; mode: Mode }): Promise<Result<ImportPreviewResult<ObjectDraft>>> {
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  const read = await tableOf(input);
  if (!read.ok) return read;
  const parsed = explainUnmatchedHeader(input, read.value, parseObjectsTable(read.value.table));
  if (!parsed.ok) return parsed;
  let preview = parsed.value;
  if (input.mode === 'append') {
    const existing = new Set(roundObjects(store, input.roundId).map((o) => `${o.department}\u0000${o.name}`));
    preview = flagRows(preview, (v) => (existing.has(`${v.department}\u0000${v.name}`) ? { note: 'object_exists', params: { name: v.name, unit: v.department } } : null), 'name', 'error');
  }
  return ok({ fileName: input.fileName, encoding: read.value.encoding, sheetName: read.value.sheetName, mode: input.mode, preview });
}

/** Self-evaluation rosters often have no category column: everyone is 本单位干部 there. */
function withStaffColumn(table: TableData): TableData {
  return {
    ...table,
    headers: [...table.headers, '代表类别'],
    rows: table.rows.map((r) => [...r, CATEGORY_LABELS.staff]),
  };
}

async function rosterPreview(store: Store, input: FileInput & { meetingId: string; mode: Mode }): Promise<Result<ImportPreviewResult<RepresentativeDraft>>> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  const read = await tableOf(input);
  if (!read.ok) return read;
  let parsed = parseRosterTable(read.value.table);
  const missing = !parsed.ok && parsed.error.code === 'import_missing_columns' ? (parsed.error.details as { missing?: string[] } | undefined)?.missing : undefined;
  if (meeting.value.kind === 'self' && missing?.length === 1 && missing[0] === '代表类别') {
    parsed = parseRosterTable(withStaffColumn(read.value.table));
  }
  parsed = explainUnmatchedHeader(input, read.value, parsed);
  if (!parsed.ok) return parsed;
  let preview = parsed.value;
  if (meeting.value.kind === 'social') {
    preview = flagRows(preview, (v) => (v.category === 'staff' ? { note: 'staff_in_social' } : null), 'category', 'warning');
  }
  if (input.mode === 'append') {
    const existing = new Set(meetingRoster(store, meeting.value).map((r) => `${r.name}\u0000${r.unit}`));
    preview = flagRows(preview, (v) => (existing.has(`${v.name}\u0000${v.unit}`) ? { note: 'person_exists', params: { name: v.name, unit: v.unit } } : null), 'name', 'error');
  }
  return ok({ fileName: input.fileName, encoding: read.value.encoding, sheetName: read.value.sheetName, mode: input.mode, preview });
}

function refuseBadRows<T>(preview: ImportPreview<T>, skipInvalid: boolean, what: 'objects' | 'roster'): Result<void> {
  if (preview.valid.length === 0) return fail('import_nothing_valid', { what });
  if (preview.errorCount > 0 && !skipInvalid) {
    const lines = preview.rows.filter((r) => r.errors.length > 0).map((r) => r.line);
    // The first ten lines are named; the console says "and more" when there are others.
    return fail('import_has_errors', { what, count: preview.errorCount, lines: lines.slice(0, 10).map(String) }, { lines });
  }
  return ok(undefined);
}

export function previewObjectsImport(store: Store, input: FileInput & { roundId: string; mode: Mode }): Promise<Result<ImportPreviewResult<ObjectDraft>>> {
  return objectsPreview(store, input);
}

export async function importObjects(
  store: Store,
  input: FileInput & { roundId: string; mode: Mode; skipInvalid: boolean; renames?: readonly LineageLink[] | undefined },
): Promise<Result<ImportDone>> {
  const preview = await objectsPreview(store, input);
  if (!preview.ok) return preview;
  const { preview: p } = preview.value;
  const refused = refuseBadRows(p, input.skipInvalid, 'objects');
  if (!refused.ok) return refused;
  // Re-check the lock: the file was read asynchronously and voting may have opened meanwhile.
  const round = editableRound(store, input.roundId);
  if (!round.ok) return round;
  saveObjectDrafts(store, round.value, p.valid, input.mode, lineageKeys(store, input.roundId, p.valid, input.renames ?? []));
  return ok({ imported: p.valid.length, skipped: p.errorCount });
}

/**
 * i16: the lineage key of each imported row: the same round's object of that department and name
 * (a re-import keeps identity), else the previous round's; a rename the secretary confirmed first.
 */
function lineageKeys(store: Store, roundId: string, drafts: readonly ObjectDraft[], renames: readonly LineageLink[]): (string | undefined)[] {
  const here = new Map<string, string>();
  const keys = objectKeysOfRound(store, roundId);
  for (const o of roundObjects(store, roundId)) here.set(`${o.department}\u0000${o.name}`, keys.get(o.id) ?? o.id);
  const fromPrevious = importedKeys(store, roundId, drafts, renames);
  // A rename the secretary confirmed wins over what the round had: that is what confirming means.
  const confirmed = new Set(renames.map((r) => `${r.department}\u0000${r.name}`));
  return drafts.map((d, i) => {
    const place = `${d.department}\u0000${d.name}`;
    return confirmed.has(place) ? (fromPrevious[i] ?? here.get(place)) : (here.get(place) ?? fromPrevious[i]);
  });
}

/** i16: what an objects file means for identity across rounds (matches, likely renames, new, removed). */
export async function previewObjectLineage(store: Store, input: FileInput & { roundId: string }): Promise<Result<LineagePreview>> {
  const preview = await objectsPreview(store, { ...input, mode: 'replace' });
  if (!preview.ok) return preview;
  return ok(lineagePreview(store, input.roundId, preview.value.preview.valid));
}

export function previewRosterImport(store: Store, input: FileInput & { meetingId: string; mode: Mode }): Promise<Result<ImportPreviewResult<RepresentativeDraft>>> {
  return rosterPreview(store, input);
}

export async function importRoster(store: Store, input: FileInput & { meetingId: string; mode: Mode; skipInvalid: boolean }): Promise<Result<ImportDone>> {
  const preview = await rosterPreview(store, input);
  if (!preview.ok) return preview;
  const { preview: p } = preview.value;
  const refused = refuseBadRows(p, input.skipInvalid, 'roster');
  if (!refused.ok) return refused;
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  saveRosterDrafts(store, input.meetingId, p.valid, input.mode);
  return ok({ imported: p.valid.length, skipped: p.errorCount });
}

const MIME: Record<TableFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name from the meeting's own words, without characters Windows refuses. */
export function fileName(parts: readonly string[], format: TableFormat): string {
  const base = parts.filter((p) => p !== '').join('-').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120);
  return `${base}.${format}`;
}

export async function exported(table: TableData, format: TableFormat, name: string, sheetName: string): Promise<ExportedFile> {
  const bytes = await writeTable(table, format, { sheetName });
  return { fileName: name, mimeType: MIME[format], base64: Buffer.from(bytes).toString('base64') };
}

export async function exportObjects(store: Store, input: { roundId: string; format: TableFormat }): Promise<Result<ExportedFile>> {
  const round = findRound(store, input.roundId);
  if (!round.ok) return round;
  const campaign = findCampaign(store, round.value.campaignId);
  if (!campaign.ok) return campaign;
  const table = objectsToTable(roundObjects(store, input.roundId));
  return ok(await exported(table, input.format, fileName([rehearsalFilePrefix(round.value.rehearsal).slice(0, -1), campaign.value.name, round.value.name, '评议对象'], input.format), '评议对象'));
}

export async function exportRoster(store: Store, input: { meetingId: string; format: TableFormat }): Promise<Result<ExportedFile>> {
  const meeting = getMeeting(store, input.meetingId);
  if (!meeting) return fail('meeting_not_found');
  const table = rosterToTable(meetingRoster(store, meeting));
  return ok(await exported(table, input.format, fileName([rehearsalFilePrefix(meeting.rehearsalOf !== null).slice(0, -1), meeting.title, '代表名单'], input.format), '代表名单'));
}
