/**
 * Helpers of the setup tests: every call goes through the real chair API over loopback HTTP to
 * the real host on a real SQLite file; table files are written with exceljs and iconv-lite.
 */
import { Buffer } from 'node:buffer';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import type { TestHost } from '../../../../support/running-host';
import type { ChairInput, ChairMethod, ChairOutputs } from '../../../../../shared/api/chair-contract';
import type { AppError, Result } from '../../../../../shared/domain/result';
import type { RepresentativeCategory } from '../../../../../shared/domain/model';
import { errorWords } from '../../../../../shared/i18n/error-words';

/** Calls a chair method and returns its Result, errors included. */
export async function raw<M extends ChairMethod>(t: TestHost, method: M, input: ChairInput<M>): Promise<Result<ChairOutputs[M]>> {
  const response = await fetch(`${t.chairBase}/api/chair/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pingyi-token': t.host.chair.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<ChairOutputs[M]>;
}

/** Calls a method that must fail and returns its error. */
export async function refused<M extends ChairMethod>(t: TestHost, method: M, input: ChairInput<M>): Promise<AppError> {
  const result = await raw(t, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

/** Every row of every setup table, to prove that a refused call changed nothing. */
export function snapshot(t: TestHost): string {
  const db = t.host.core.store.db;
  const tables = ['campaigns', 'rounds', 'indicator_sets', 'objects', 'meetings', 'representatives', 'codes', 'ballots'];
  return JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()));
}

/** Asserts that the call fails with a message containing `text` and that the database is unchanged. */
export async function refusedUnchanged<M extends ChairMethod>(t: TestHost, method: M, input: ChairInput<M>, text: string | RegExp): Promise<AppError> {
  const before = snapshot(t);
  const error = await refused(t, method, input);
  // As the console words it (in Chinese): from the code and params, or an older call site's sentence.
  const shown = errorWords(error, 'zh');
  if (typeof text === 'string') expect(shown).toContain(text);
  else expect(shown).toMatch(text);
  expect(snapshot(t)).toBe(before);
  return error;
}

/** A campaign, a round and a draft meeting of the given kind. */
export async function draftMeeting(
  t: TestHost,
  options: { kind?: 'social' | 'self'; ballotType?: 'graded' | 'worst'; campaign?: string; round?: string; title?: string } = {},
): Promise<{ campaignId: string; roundId: string; meetingId: string }> {
  const campaign = await t.chair('createCampaign', { name: options.campaign ?? '2026年度群众评科长' });
  const round = await t.chair('createRound', { campaignId: campaign.id, name: options.round ?? '第四季度' });
  const meeting = await t.chair('createMeeting', {
    roundId: round.id,
    title: options.title ?? '社会测评大会',
    kind: options.kind ?? 'social',
    ballotType: options.ballotType ?? 'graded',
    heldOn: '2026-12-20',
    place: '区政务服务中心',
  });
  return { campaignId: campaign.id, roundId: round.id, meetingId: meeting.id };
}

/** Adds `officials` 人大代表 and `recipients` 服务对象 to a meeting's roster. */
export async function addPeople(t: TestHost, meetingId: string, officials: number, recipients: number, offset = 0): Promise<void> {
  const add = (name: string, category: RepresentativeCategory) => t.chair('addRepresentative', { meetingId, name, unit: '单位', category });
  for (let i = 0; i < officials; i++) await add(`官员${offset + i}`, 'npc');
  for (let i = 0; i < recipients; i++) await add(`群众${offset + i}`, 'recipient');
}

/** A .xlsx workbook with the given rows, as Excel would save it. */
export async function xlsx(rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text in GBK, as Chinese Excel and WPS write it by default. */
export function gbkCsv(rows: readonly (readonly string[])[]): Buffer {
  return iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk');
}

/** CSV text in UTF-8 with a BOM. */
export function utf8Csv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.map((r) => r.join(',')).join('\n') + '\n', 'utf8')]);
}

/** The file fields of an import call. */
export function file(fileName: string, bytes: Buffer): { fileName: string; base64: string } {
  return { fileName, base64: bytes.toString('base64') };
}

/** Opens voting on a meeting (codes first) through the voting area's API; attendance is not what these tests are about. */
export async function openVoting(t: TestHost, meetingId: string): Promise<void> {
  await t.chair('generateCodes', { meetingId, spares: 0 });
  await t.chair('openVoting', { meetingId, override: '准备阶段测试，不核对到会人数' });
}
