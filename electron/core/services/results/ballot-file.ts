/**
 * The exported ballot file: the meeting definition (objects, indicator sets, grade scale,
 * settings, vetoes) and every ballot's content with its voter group, in canonical order, so the
 * file alone is enough to re-tally. One table (CSV or .xlsx) of four columns; structured values
 * are JSON in the last column. No ballot id, receipt, code or time is written.
 */
import { z } from 'zod';
import { settingsInputSchema } from '../../../../shared/domain/settings';
import { isVoterGroup } from '../../../../shared/domain/voter-groups';
import type { TableData } from '../../../../shared/setup/table';
import type { MeetingDefinition } from '../../../../shared/domain/ballot-rules';
import { ballotIssue } from '../../../../shared/domain/ballot-rules';
import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { groupsOf, type BallotContent, type EvalObject, type IndicatorSet, type TallyBallot, type VoterGroup } from '../../../../shared/domain/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { ballotSchema } from '../../../../shared/api/tablet-schemas';
import type { Veto } from '../../../../shared/tally';
import { sortCanonically, type MeetingData } from './meeting-data';

export const BALLOT_FILE_HEADERS = ['记录 record', '编号 no.', '组别 group', '内容 data'] as const;
const FORMAT = 'pingyi-ballots';
const VERSION = 1;

const text = z.string().max(2000);
const indicatorSetSchema = z.strictObject({
  id: text,
  name: text,
  indicators: z.array(z.strictObject({ id: text, name: text, description: text, weight: z.number() })).max(200),
});
const objectSchema = z.strictObject({ id: text, name: text, department: text, category: text, indicatorSetId: text });
// Files exported before a setting existed lack it: it takes its default (the shared schema's).
const settingsSchema = settingsInputSchema.extend({
  worstK: z.number().int(),
  smallGroupK: z.number().int(),
  gradeScale: z.array(z.strictObject({ label: text, points: z.number() })).min(1).max(20),
});
const meetingSchema = z.strictObject({
  id: text,
  title: text,
  kind: z.enum(['social', 'self']),
  ballotType: z.enum(['graded', 'worst']),
  status: z.enum(['closed', 'official']),
});
const formatSchema = z.strictObject({ format: z.literal(FORMAT), version: z.literal(VERSION) });
const vetoSchema = z.strictObject({ reason: z.string().min(1).max(500) });

/** The meeting and its ballots as the table written to CSV or .xlsx. */
export function ballotFileTable(data: MeetingData): TableData {
  const { definition } = data;
  const rows: string[][] = [];
  const row = (record: string, no: string, group: string, value: unknown): void => {
    rows.push([record, no, group, canonicalJson(value)]);
  };
  row('format', '', '', { format: FORMAT, version: VERSION });
  row('meeting', data.meetingId, '', { id: data.meetingId, title: data.title, kind: data.kind, ballotType: definition.ballotType, status: data.status });
  row('settings', '', '', definition.settings);
  for (const set of definition.indicatorSets) row('indicator-set', set.id, '', set);
  if (definition.tagSet !== null) row('tag-set', definition.tagSet.id, '', definition.tagSet);
  definition.objects.forEach((object) => row('object', object.id, '', object));
  for (const veto of data.vetoes) row('veto', veto.objectId, '', { reason: veto.reason });
  const ballots = sortCanonically(
    data.kind,
    data.ballots.map((b) => ({ group: b.group, json: canonicalJson(b.content) })),
  );
  // The number is the position in canonical order: it says nothing about who voted or when.
  ballots.forEach((ballot, index) => rows.push(['ballot', String(index + 1), ballot.group, ballot.json]));
  return { headers: [...BALLOT_FILE_HEADERS], rows };
}

function parseJson<T>(schema: z.ZodType<T>, cell: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}


/**
 * Reads a ballot file back. Every row is checked: a changed or broken row is named by its line,
 * so a person can see exactly where the file differs from what was exported.
 */
export function parseBallotFile(table: TableData): Result<MeetingData> {
  const headers = table.headers.map((h) => h.trim());
  if (headers.length < 4 || BALLOT_FILE_HEADERS.some((h, i) => headers[i] !== h)) return fail('not_ballot_file', { rule: 'headers' });
  let format = false;
  let meeting: z.infer<typeof meetingSchema> | null = null;
  let settings: z.infer<typeof settingsSchema> | null = null;
  const indicatorSets: IndicatorSet[] = [];
  let tagSet: IndicatorSet | null = null;
  const objects: EvalObject[] = [];
  const vetoes: Veto[] = [];
  const ballots: { group: VoterGroup; content: BallotContent; line: number }[] = [];
  const headerLine = table.headerLine ?? 1;
  for (const [index, cells] of table.rows.entries()) {
    const line = table.rowLines?.[index] ?? headerLine + 1 + index;
    const [record = '', no = '', group = '', cell = ''] = cells;
    // `part` names what on the line could not be read; the console words it (shared/i18n/error-words.ts).
    const bad = (part: string, value?: string): Result<MeetingData> =>
      fail('bad_ballot_file', value === undefined ? { line, part } : { line, part, value }, { line });
    switch (record) {
      case 'format':
        if (parseJson(formatSchema, cell) === null) return bad('format');
        format = true;
        break;
      case 'meeting':
        meeting = parseJson(meetingSchema, cell);
        if (meeting === null) return bad('meeting');
        break;
      case 'settings':
        settings = parseJson(settingsSchema, cell);
        if (settings === null) return bad('settings');
        break;
      case 'indicator-set':
      case 'tag-set': {
        const set = parseJson(indicatorSetSchema, cell);
        if (set === null) return bad('indicators');
        if (record === 'tag-set') tagSet = set;
        else indicatorSets.push(set);
        break;
      }
      case 'object': {
        const object = parseJson(objectSchema, cell);
        if (object === null) return bad('object');
        objects.push(object);
        break;
      }
      case 'veto': {
        const veto = parseJson(vetoSchema, cell);
        if (veto === null || no === '') return bad('veto');
        vetoes.push({ objectId: no, reason: veto.reason });
        break;
      }
      case 'ballot': {
        const content = parseJson(ballotSchema, cell);
        if (content === null) return bad('ballot');
        if (!isVoterGroup(group)) return bad('group');
        ballots.push({ group, content, line });
        break;
      }
      default:
        return bad('record', record);
    }
  }
  if (!format || meeting === null || settings === null) return fail('not_ballot_file', { rule: 'headers' });
  const definition: MeetingDefinition = { ballotType: meeting.ballotType, objects, indicatorSets, tagSet, settings };
  const groups = groupsOf(meeting.kind);
  for (const ballot of ballots) {
    const issue = ballotIssue(definition, ballot.content);
    if (!groups.includes(ballot.group) || issue !== null) {
      // `issue` names the rule the ballot breaks (shared ballotIssue, with its params), or its group.
      const params = issue === null ? { issue: 'group' } : { issue: issue.code, ...issue.params };
      return fail('bad_ballot_file', { line: ballot.line, part: 'fit', ...params }, { line: ballot.line });
    }
  }
  return ok({
    meetingId: meeting.id,
    title: meeting.title,
    kind: meeting.kind,
    status: meeting.status,
    definition,
    ballots: ballots.map(({ group, content }): TallyBallot => ({ group, content })),
    ballotSetVersion: null,
    vetoes,
  });
}
