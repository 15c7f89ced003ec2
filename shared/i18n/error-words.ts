/**
 * The words for every error code of the catalogue (shared/domain/errors.ts), in Chinese and
 * English, filled in from the params core sends with the code (shared/domain/result.ts fail()).
 * Core writes no sentences; the chair console (renderer/chair/errors.ts adds its current
 * language), the setup tab's lock banners, the chair's alarms and the command line
 * (electron/host/retally.ts, in Chinese) all word errors here, so they say the same. Printed
 * sheets, exports and the tablet's wire messages stay Chinese and are not worded here.
 * An error without params (an answer of an older core, or made before core exists) shows its
 * message in Chinese and the code's sentence in English. A code this table does not know (a newer
 * core) falls back to the message, or to the code and params.
 * Pure (no DOM, no Vue): node tests word core's errors through errorWords directly.
 */
import { errorFallback, type AppError } from '../domain/result';
import type { ErrorCode } from '../domain/errors';
import { WEIGHTED_GROUPS, isVoterGroup, voterGroup } from '../domain/voter-groups';
import { checkComposition } from '../setup/composition';
import { ballotIssueText, isBallotIssueCode } from '../domain/ballot-rules';
import type { FieldSpec } from '../setup/columns';
import { OBJECT_FIELDS } from '../setup/objects';
import { ROSTER_FIELDS } from '../setup/roster';
/** The console's languages (renderer/common/i18n.ts's Locale). */
export type ErrorLocale = 'zh' | 'en';

/** The params the wordings below read (core may send more; they are then not shown). */
type WordParams = ListParams & {
  readonly [K in
    | 'action'
    | 'scope'
    | 'detail'
    | 'check'
    | 'method'
    | 'meeting'
    | 'part'
    | 'value'
    | 'total'
    | 'field'
    | 'position'
    | 'length'
    | 'min'
    | 'max'
    | 'count'
    | 'rule'
    | 'name'
    | 'unit'
    | 'state'
    | 'target'
    | 'ballots'
    | 'first'
    | 'label'
    | 'points'
    | 'previous'
    | 'previousPoints'
    | 'diff'
    | 'campaign'
    | 'group'
    | 'file'
    | 'size'
    | 'kind'
    | 'line'
    | 'what'
    | 'lines'
    | 'officials'
    | 'recipients'
    | 'issue'
    | 'needed'
    | 'free'
    | 'column'
    | 'encoding'
    | 'object'
    | 'indicator']?: string | number;
};

/** The params that list names: a missing column's field keys, a file's headers, the lines with errors. */
interface ListParams {
  readonly missing?: readonly string[];
  readonly found?: readonly string[];
  readonly lines?: readonly string[] | string;
}

/** A code's wording: fixed, or made from its params. */
type Words = string | ((params: WordParams) => string);

const s = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/**
 * The fields core names in field_empty / field_too_long / settings_invalid, by their stable id;
 * `position` (1-based) fills in which grade or indicator.
 */
const FIELD_LABELS: Record<string, { readonly zh: (p: WordParams) => string; readonly en: (p: WordParams) => string }> = {
  campaignName: { zh: () => '评议活动名称', en: () => 'Campaign name' },
  roundName: { zh: () => '轮次名称', en: () => 'Round name' },
  title: { zh: () => '会议名称', en: () => 'Meeting title' },
  heldOn: { zh: () => '会议日期', en: () => 'Meeting date' },
  place: { zh: () => '会议地点', en: () => 'Meeting place' },
  objectName: { zh: () => '评议对象名称', en: () => 'Object name' },
  department: { zh: () => '单位', en: () => 'Unit' },
  category: { zh: () => '类别', en: () => 'Category' },
  personName: { zh: () => '姓名', en: () => 'Name' },
  unit: { zh: () => '工作单位', en: () => 'Workplace' },
  overrideReason: { zh: () => '例外理由', en: () => 'Reason for the exception' },
  indicatorSetName: { zh: () => '指标体系名称', en: () => 'Indicator set name' },
  indicatorName: { zh: (p) => `第 ${s(p.position)} 项指标的名称`, en: (p) => `Name of indicator ${s(p.position)}` },
  indicatorDescription: { zh: (p) => `第 ${s(p.position)} 项指标的说明`, en: (p) => `Description of indicator ${s(p.position)}` },
  gradeLabel: { zh: (p) => `第 ${s(p.position)} 个评分等级的名称`, en: (p) => `Name of grade ${s(p.position)}` },
  gradeScale: { zh: () => '评分等级', en: () => 'Grade scale' },
  groupWeights: { zh: () => '两组代表的权重', en: () => 'Weights of the two groups' },
  worstK: { zh: () => '评差最多可选个数', en: () => 'Most objects a representative may mark as worst' },
  smallGroupK: { zh: () => '小组最少票数（少于此数不单列）', en: () => 'Fewest ballots for a group to be shown on its own' },
  roundingMode: { zh: () => '取舍方式', en: () => 'Rounding' },
  followupText: { zh: () => '记录内容', en: () => 'Entry text' },
};

/** A field's label in `language`; an unknown id is shown as it is. */
function fieldLabel(p: WordParams, language: ErrorLocale): string {
  const label = FIELD_LABELS[s(p.field)];
  return label === undefined ? s(p.field) : label[language](p);
}

/** A voter group's short name (the weights' parts). */
function groupLabel(id: string | number | undefined, language: ErrorLocale): string {
  const text = s(id);
  return isVoterGroup(text) ? voterGroup(text).shortName[language] : text;
}

const SAVE_AS_HINT = '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）或 CSV（逗号分隔）后再导入。';

/** The kinds of non-table file an import recognises by its first bytes (electron/core/import/table-file.ts). */
const BINARY_KINDS_ZH: Partial<Record<string, string>> = { pdf: ' PDF 文档', image: '图片', archive: '压缩包', rtf: ' RTF 文档（Word 另存的格式）' };
const BINARY_KINDS_EN: Partial<Record<string, string>> = { pdf: 'a PDF document', image: 'a picture', archive: 'an archive', rtf: 'an RTF document' };

/** What an import reads: the objects table or the roster. */
const IMPORT_WHAT_ZH: Partial<Record<string, string>> = { objects: '评议对象表', roster: '代表名单' };
const IMPORT_WHAT_EN: Partial<Record<string, string>> = { objects: 'objects table', roster: 'roster' };

/** The fields of the file an import reads, from which import_missing_columns lists what each column may be called. */
function importFields(p: WordParams): readonly FieldSpec<string>[] | null {
  return p.what === 'objects' ? OBJECT_FIELDS : p.what === 'roster' ? ROSTER_FIELDS : null;
}

const ENCODING_NAMES: Partial<Record<string, string>> = { 'utf-8': 'UTF-8', gbk: 'GBK', 'utf-16': 'UTF-16' };

/**
 * Where an import took its header from (core adds the line and the encoding to a header that
 * matched nothing): in a text file read in the wrong encoding the headers above are gibberish.
 */
function headerSource(p: WordParams, language: ErrorLocale): string {
  if (p.line === undefined || p.encoding === undefined) return '';
  const line = s(p.line);
  const encoding = ENCODING_NAMES[s(p.encoding)] ?? s(p.encoding);
  if (language === 'zh') {
    return p.encoding === 'xlsx'
      ? `表头取自第 ${line} 行。`
      : `表头取自第 ${line} 行，文件按 ${encoding} 编码读取；如果上面的表头是乱码，说明文件的编码不对，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。`;
  }
  return p.encoding === 'xlsx'
    ? ` The header was taken from line ${line}.`
    : ` The header was taken from line ${line}, reading the file as ${encoding}; if the headers above are gibberish, the encoding is wrong: save the file in Excel as "CSV UTF-8 (comma delimited)" or .xlsx and import again.`;
}

/** The lines with errors that import_has_errors names (the first ten), and "and more" when there are others. */
function lineList(p: WordParams, language: ErrorLocale): string {
  const lines = typeof p.lines === 'string' ? [p.lines] : (p.lines ?? []);
  const more = typeof p.count === 'number' && p.count > lines.length;
  return language === 'zh' ? `${lines.join('、')}${more ? ' 等' : ''}` : `${lines.join(', ')}${more ? ', …' : ''}`;
}

/** A meeting status and a voting action as bad_transition names them. */
const STATUS_NAMES: Record<ErrorLocale, Partial<Record<string, string>>> = {
  zh: { draft: '投票尚未开始', open: '投票正在进行', paused: '投票已暂停', closed: '投票已经结束', official: '结果已经确认' },
  en: { draft: 'Voting has not started', open: 'Voting is open', paused: 'Voting is paused', closed: 'Voting has closed', official: 'The results are official' },
};
const VOTING_ACTIONS: Record<ErrorLocale, Partial<Record<string, string>>> = {
  zh: { open: '开始投票', pause: '暂停投票', close: '结束投票' },
  en: { open: 'open voting', pause: 'pause voting', close: 'close voting' },
};

/** The attendance rule's problems and fix, worded by the rule itself from the two counts present (实到). */
function attendanceWords(p: WordParams, language: ErrorLocale): { problems: string; fix: string } | null {
  if (typeof p.officials !== 'number' || typeof p.recipients !== 'number') return null;
  const check = checkComposition({ officials: p.officials, recipients: p.recipients }, 'present');
  return language === 'zh'
    ? { problems: check.problems.map((x) => x.message).join('；'), fix: check.fix }
    : { problems: check.problems.map((x) => x.messageEn).join('; '), fix: check.fixEn };
}

/** What a line of a ballot file could not be read as (electron/core/services/results/ballot-file.ts). */
const BALLOT_FILE_PARTS_ZH: Partial<Record<string, string>> = {
  format: '不是本程序能读的版本',
  meeting: '（会议信息）无法读取',
  settings: '（会议设置）无法读取',
  indicators: '（指标）无法读取',
  object: '（评议对象）无法读取',
  veto: '（一票否决）无法读取',
  ballot: '（选票）无法读取',
  group: '的代表组别无法识别',
};
const BALLOT_FILE_PARTS_EN: Partial<Record<string, string>> = {
  format: 'is of a version this program cannot read',
  meeting: 'has meeting data that cannot be read',
  settings: 'has meeting settings that cannot be read',
  indicators: 'has indicators that cannot be read',
  object: 'has an object that cannot be read',
  veto: 'has a veto that cannot be read',
  ballot: 'has a ballot that cannot be read',
  group: 'has an unknown voter group',
};

/** Why a ballot of a ballot file does not fit its meeting: the rule it breaks (shared ballotIssueText), or its group. */
function ballotFit(p: WordParams, language: ErrorLocale): string {
  const code = s(p.issue);
  if (!isBallotIssueCode(code)) return language === 'zh' ? '组别' : 'its voter group';
  const params = {
    ...(typeof p.position === 'number' ? { position: p.position } : {}),
    ...(p.object === undefined ? {} : { object: s(p.object) }),
    ...(p.indicator === undefined ? {} : { indicator: s(p.indicator) }),
    ...(typeof p.count === 'number' ? { count: p.count } : {}),
    ...(typeof p.max === 'number' ? { max: p.max } : {}),
  };
  return ballotIssueText(code, params, language);
}

/**
 * The end of a weight check's Chinese sentence: the save refusal says what to do; the indicator
 * editor, which shows the check live beside the weights (scope=editor), states the rule only.
 */
function saveHint(p: WordParams): string {
  return p.scope === 'editor' ? '' : '。请调整权重后再保存。';
}

/** What a removal refused by ballots or open voting names: a campaign, a round or this meeting. */
function removalTarget(p: WordParams, language: ErrorLocale): string {
  if (language === 'zh') return p.target === 'campaign' ? `评议活动“${s(p.name)}”` : p.target === 'round' ? `轮次“${s(p.name)}”` : '这场会议';
  return p.target === 'campaign' ? `the campaign "${s(p.name)}"` : p.target === 'round' ? `the round "${s(p.name)}"` : 'this meeting';
}

/** Chinese, worded from the params core sends (fail()). */
const ZH: Record<ErrorCode, Words> = {
  meeting_not_found: '找不到这场评议会议，请刷新后重新选择。',
  campaign_not_found: '找不到这个评议活动，可能已被删除，请刷新后重新选择。',
  round_not_found: '找不到这一轮评议，可能已被删除，请刷新后重新选择。',
  object_not_found: (p) =>
    p.scope === 'round'
      ? '找不到这个评议对象，可能已被删除，请刷新后再试。'
      : p.scope === 'print'
        ? '找不到这个评议对象，请刷新后重新选择。'
        : '这场会议没有这个评议对象，请刷新后重新选择。',
  indicator_set_not_found: '找不到这个指标体系，可能已被删除，请刷新后再试。',
  representative_not_found: (p) => (p.scope === 'setup' ? '找不到这位评议代表，可能已被删除，请刷新后再试。' : '名单中找不到这位代表，请刷新签到名单后重试。'),
  code_not_found: '本场会议没有这个评议码，请核对纸条，并确认选择的是正确的会议。',
  veto_not_found: '这个评议对象没有一票否决记录，请刷新后再看。',
  meeting_frozen: (p) =>
    p.state === 'voting'
      ? '本场会议已开始投票，会议的定义（评议对象、指标、设置、代表名单）已锁定，不能修改。如需调整，请复制本场会议后修改副本。'
      : p.state === 'closed'
        ? '本场会议投票已结束，会议的定义已锁定，不能修改。如需再次评议，请复制本场会议或本轮。'
        : '这场会议已开始投票，会议内容已锁定；如需修改，请复制会议后在副本中修改。',
  round_frozen: (p) =>
    p.meeting === undefined
      ? '本轮已有会议开始投票，评议对象和指标已锁定；如需修改，请复制本轮后修改。'
      : p.scope === 'objects'
        ? `本轮的“${s(p.meeting)}”已开始投票，本轮的评议对象和指标分配已锁定，不能修改。如需调整，请复制本轮后修改副本。`
        : `本轮的“${String(p.meeting)}”已开始投票，本轮的评议对象、指标分配和总分构成已锁定，不能修改。如需调整，请复制本轮后修改副本。`,
  indicator_set_frozen: (p) =>
    p.state === 'builtin'
      ? '这是内置的指标体系，不能修改或删除。如需调整，请新建一个自定义指标体系。'
      : p.meeting !== undefined
        ? `“${s(p.meeting)}”已开始投票并使用了这个指标体系，它已锁定，不能修改。如需调整，请新建一个指标体系。`
        : '这套指标是内置的，或已被投过票的会议使用，不能修改；请新建一套指标。',
  indicator_set_in_use: (p) =>
    p.name === undefined
      ? '这套指标仍有评议对象在用，请先为它们改用其他指标。'
      : `指标体系“${s(p.name)}”正在使用中（${s(p.count)} 个评议对象），不能删除。请先在“指标分配”中把用到它的类别改用其他指标体系。`,
  meeting_closed: (p) =>
    ({
      check_in: '投票已结束，签到不能再更改。',
      generate_codes: '投票已结束，不能再生成评议码。',
      void_codes: '投票已结束，评议码已全部失效，无需作废。',
    })[String(p.action)] ?? '投票已结束，不能再更改。',
  voting_not_closed: (p) =>
    ({
      veto: '投票结束后才能记录一票否决：请先在“投票”页结束投票。',
      mark_official: '投票结束后才能确认结果：请先在“投票”页结束投票。',
      receipts: '投票结束后才能公布回执码清单。',
      view_results: '投票结束后才能查看结果：请先在“投票”页结束投票。',
      round_results: '本轮还没有投票已结束的打分会议：会议结束投票后才有结果。',
      print: '投票结束后才能打印结果，请先在“投票”中结束投票。',
    })[String(p.action)] ?? '投票结束后才能进行这一步：请先在“投票”页结束投票。',
  anonymisation_pending: (p) =>
    p.rule === 'disk_full'
      ? `数据文件夹所在的磁盘已满，投票已结束但匿名化尚未完成，结果暂不能查看。请在该磁盘上腾出至少 ${s(p.needed)} MB（现有 ${p.free === undefined ? '未知' : s(p.free)} MB 可用，例如删除不需要的文件或清空回收站），然后在“投票”页再点一次“结束投票”。`
      : p.rule === 'failed'
        ? `投票已结束，但匿名化尚未完成（${s(p.detail)}）。请在“投票”页再点一次“结束投票”；若仍失败，请不要删除数据文件夹，并联系技术人员。`
        : '投票已结束，但选票的匿名化尚未完成，结果暂不能查看。请在“投票”页再点一次“结束投票”完成它（若提示磁盘已满，请先腾出空间）。',
  results_official: (p) =>
    p.action === 'mark_official' ? '结果已经是正式结果了。' : '结果已确认为正式结果，本场会议不能再作任何修改。如确有错误，请按规定另行处理并书面说明。',
  bad_transition: (p) => {
    const state = STATUS_NAMES.zh[s(p.state)];
    const action = VOTING_ACTIONS.zh[s(p.action)];
    return state === undefined || action === undefined ? '会议当前的状态不允许这一步，请刷新后查看会议状态。' : `${state}，不能${action}。请刷新后查看会议状态。`;
  },
  attendance_rule: (p) => {
    const words = attendanceWords(p, 'zh');
    return words === null ? '实到人数不符合评议规则：请补齐后再开始，或填写理由后坚持开始。' : `实到人数不符合评议规则：${words.problems}。请${words.fix}后再开始，或填写理由后坚持开始。`;
  },
  override_not_needed: (p) =>
    p.scope === 'self' ? '单位自评的代表名单只有一组，没有 30%/70% 的构成要求，不需要例外说明。' : '实到人数符合规则，无需填写理由。',
  remove_refused: (p) =>
    p.rule === 'voting'
      ? `“${s(p.meeting)}”正在投票，不能删除${removalTarget(p, 'zh')}。请先结束投票。`
      : p.rule === 'ballots'
        ? `“${s(p.meeting)}”已有 ${s(p.ballots)} 张选票，不能删除${removalTarget(p, 'zh')}：评议记录必须保留。如不再需要，可以把它留在原处不用。`
        : '已有选票或正在投票，不能删除。',
  ballots_exist: (p) => (p.action === 'zero_report' ? '已经收到选票，零票报告只能在第一张选票之前打印。请打印评议结果排序表。' : '已有选票，不能再更改。'),
  field_empty: (p) => (p.field === undefined ? '有必填项为空，请填写后再保存。' : `“${fieldLabel(p, 'zh')}”不能为空，请填写后再保存。`),
  field_too_long: (p) =>
    p.field === undefined
      ? '有一项内容过长，请缩短后再保存。'
      : `“${fieldLabel(p, 'zh')}”太长（${s(p.length)} 个字），最多 ${s(p.max)} 个字，请缩短后再保存。`,
  field_invalid: (p) =>
    p.rule === 'date_format'
      ? `“会议日期”应写成 2026-11-23 这样的格式，现在是“${s(p.value)}”。`
      : p.rule === 'group_not_voting'
        ? `“${groupLabel(p.group, 'zh')}”不参加这场会议的投票。`
        : p.rule === 'ballot_kind'
          ? '这张选票不是本场会议的票型。'
          : '有一项内容不符合要求，请改正后再保存。',
  settings_invalid: (p) => {
    const label = fieldLabel(p, 'zh');
    switch (p.rule) {
      case 'share_value':
        return `“${label}”中${groupLabel(p.group, 'zh')}的数值 ${s(p.value)} 无效：应为 0 到 100 之间、大于 0 的数，最多两位小数。`;
      case 'share_total':
        return `“${label}”合计为 ${s(p.total)}，应为 100（${WEIGHTED_GROUPS.map((g) => groupLabel(g, 'zh')).join(' + ')}），请调整后再保存。`;
      case 'whole_number':
        return `“${label}”应为 ${s(p.min)} 到 ${s(p.max)} 之间的整数，现在是 ${s(p.value)}。`;
      case 'grade_count':
        return `“评分等级”应有 2 到 ${s(p.max)} 个等级，现在有 ${s(p.count)} 个。`;
      case 'grade_label_long':
        return `第 ${s(p.position)} 个评分等级的名称太长，最多 ${s(p.max)} 个字。`;
      case 'grade_abstain':
        return `第 ${s(p.position)} 个评分等级不能叫“弃权”：选票上总会另外提供“弃权”，请删去这一等级。`;
      case 'grade_duplicate':
        return `第 ${s(p.position)} 个评分等级“${s(p.label)}”与前面的等级重名，请改名。`;
      case 'grade_points':
        return `第 ${s(p.position)} 个评分等级“${s(p.label)}”的分值 ${s(p.value)} 无效：应为 0 到 100 之间的数，最多两位小数。`;
      case 'grade_order':
        return `评分等级应从好到差排列、分值依次降低：“${s(p.label)}”（${s(p.points)} 分）不低于上一等级“${s(p.previous)}”（${s(p.previousPoints)} 分）。`;
      case 'rounding_mode':
        return '“取舍方式”应为“逐项取舍”或“一次取舍”。';
      default:
        return '有一项设置不符合要求，请改正后再保存。';
    }
  },
  duplicate_name: (p) => {
    switch (p.target) {
      case 'campaign':
        return p.action === 'create' ? `已有名为“${s(p.name)}”的评议活动，请换一个名称（例如加上年度）。` : `已有名为“${s(p.name)}”的评议活动，请换一个名称。`;
      case 'round':
        return p.campaign === undefined ? `本评议活动中已有名为“${s(p.name)}”的轮次，请换一个名称。` : `“${s(p.campaign)}”中已有名为“${s(p.name)}”的轮次，请换一个名称。`;
      case 'meeting':
        return `本轮中已有名为“${s(p.name)}”的会议，请换一个名称（例如注明“社会测评”或“单位自评”）。`;
      case 'indicatorSet':
        return `已有名为“${s(p.name)}”的指标体系，请换一个名称。`;
      case 'indicator':
        return `第 ${s(p.position)} 项指标“${s(p.name)}”与第 ${s(p.first)} 项重名，请改名或删去一项。`;
      case 'object':
        return `本轮已有评议对象“${p.unit === undefined || p.unit === '' ? '' : `${s(p.unit)} `}${s(p.name)}”（同一单位下的同名评议对象只能有一个），请检查是否重复添加。`;
      case 'representative':
        return `名单中已有“${s(p.name)}${p.unit === undefined || p.unit === '' ? '' : `（${s(p.unit)}）`}”。如确是同名同单位的两个人，请在工作单位中注明职务或部门以便区分。`;
      default:
        return '这个名称已被使用，请换一个。';
    }
  },
  reorder_mismatch: (p) =>
    p.target === 'objects'
      ? '评议对象列表已在别处被修改，顺序没有保存。请刷新后重新排序。'
      : p.target === 'roster'
        ? '代表名单已在别处被修改，顺序没有保存。请刷新后重新排序。'
        : '列表已被改动，请刷新后重新排序。',
  weights_empty: '指标体系至少需要一项指标，请添加指标后再保存。',
  weight_invalid: (p) =>
    p.position === undefined
      ? '指标权重有误：应为大于 0、最多两位小数的数。'
      : `第 ${s(p.position)} 项指标的权重 ${s(p.value)} 无效：应为大于 0 的数，最多两位小数${saveHint(p)}`,
  weights_total: (p) =>
    p.total === undefined
      ? '各项指标的权重合计应为 100%。'
      : `指标权重合计为 ${s(p.total)}%，应为 100%（${p.rule === 'over' ? '多了' : '还差'} ${s(p.diff)}%）${saveHint(p)}`,
  veto_reason: '请写明一票否决的理由（例如经查实的吃拿卡要问题），理由会印在结果表上。',
  roster_empty: (p) => (p.action === 'print' ? '这场会议还没有代表名单，请先在“准备”中导入名单再打印签到表。' : '代表名单为空，请先添加代表。'),
  malformed_code: '评议码有误，请对照纸条逐位核对后重新输入。',
  code_used: (p) => (p.action === 'void_codes' ? '这个评议码已经投过票，不能作废；它的选票会照常计入。' : '这个评议码已经投过票。'),
  already_voided: '这个评议码已经作废，无需再次作废。',
  import_bad_upload: (p) => (p.file === undefined ? '文件没有收到，请重新选择。' : `文件“${s(p.file)}”没有完整传到程序里，请重新选择文件。`),
  import_too_large: (p) =>
    p.file === undefined
      ? '文件太大。'
      : p.rule === 'inflated'
        ? `Excel 文件“${s(p.file)}”解压后超过 ${s(p.max)}，不像是一份名单，没有读取。请确认选对了文件。`
        : `文件“${s(p.file)}”太大（${s(p.size)}），超过 ${s(p.max)} 的上限，没有读取。评议对象表和代表名单通常只有几十 KB：请确认选对了文件，或删去多余的工作表和图片后另存再导入。`,
  import_empty: (p) => (p.file === undefined ? '文件是空的。' : `文件“${s(p.file)}”是空的，没有任何内容。请确认选对了文件，并在保存后再导入。`),
  import_not_table: (p) =>
    p.file === undefined
      ? '文件不是表格（.xlsx 或 .csv）。'
      : p.kind === undefined
        ? `无法识别文件“${s(p.file)}”的格式：它既不是 Excel 表格（.xlsx），也不是 CSV 文本，可能已损坏或是其他软件的文件。请选择 Excel 表格（.xlsx）或 CSV 文件。`
        : `文件“${s(p.file)}”是${BINARY_KINDS_ZH[s(p.kind)] ?? s(p.kind)}，不是表格文件。请选择 Excel 表格（.xlsx）或 CSV 文件。`,
  import_not_excel: (p) => {
    const file = `“${s(p.file)}”`;
    switch (p.kind) {
      case 'word':
        return `这不是 Excel 表格文件（可能是 Word 文档改了扩展名）：${file}里是 Word 文档的内容。请在 Excel 或 WPS 表格中整理名单，另存为 .xlsx 或 CSV 后再导入；如名单在 Word 表格里，可整表复制粘贴到 Excel 中。`;
      case 'powerpoint':
        return `这不是 Excel 表格文件（可能是 PowerPoint 演示文稿改了扩展名）：${file}。${SAVE_AS_HINT}`;
      case 'opendocument':
        return `文件${file}是 OpenDocument（WPS/LibreOffice 的 .ods 等）格式。${SAVE_AS_HINT}`;
      case 'zip':
        return `这不是 Excel 表格文件：${file}是一个压缩包（zip）。请解压后选择其中的 .xlsx 或 CSV 文件。`;
      case 'text':
        return `这不是 Excel 文件：${file}的扩展名是 Excel 的，但里面是纯文本（第 ${s(p.line)} 行是“${s(p.value)}”），可能是别的文件改了扩展名。请在 Excel 或 WPS 中打开原始名单，另存为 Excel 工作簿（.xlsx）或 CSV 后再导入。`;
      default:
        return '文件不是 .xlsx 工作簿。';
    }
  },
  import_xlsx_unreadable: (p) =>
    p.file === undefined ? '工作簿无法读取，请另存为 .xlsx 后重试。' : `无法读取 Excel 文件“${s(p.file)}”：文件可能已损坏或不完整。${SAVE_AS_HINT}`,
  import_no_rows: (p) => (p.what === undefined ? '表格中没有数据行。' : `${IMPORT_WHAT_ZH[s(p.what)] ?? s(p.what)}只有表头，没有数据行。请在表头下面逐行填写后再导入。`),
  import_missing_columns: (p) => {
    const fields = importFields(p);
    if (fields === null) return '表格缺少必需的列，请使用模板的表头。';
    const missing = fields.filter((f) => (p.missing ?? []).includes(f.key));
    const describe = (f: FieldSpec<string>): string => {
      const others = f.synonyms.filter((x) => x !== f.label);
      return others.length > 0 ? `“${f.label}”（也可写作 ${others.join('、')}）` : `“${f.label}”`;
    };
    const optional = fields.filter((f) => !f.required).map((f) => `“${f.label}”`);
    const found = p.found ?? [];
    return (
      `${IMPORT_WHAT_ZH[s(p.what)] ?? s(p.what)}缺少必需的列：${missing.map((f) => `“${f.label}”`).join('、')}。` +
      `表头应包含 ${fields.filter((f) => f.required).map(describe).join('；')}` +
      (optional.length > 0 ? `；可选 ${optional.join('、')}` : '') +
      `。文件中的表头是：${found.length > 0 ? found.map((h) => `“${h}”`).join('、') : '（空）'}。` +
      '请检查是否选错了文件，或把第一行改成上面的列名。' +
      headerSource(p, 'zh')
    );
  },
  import_nothing_valid: (p) =>
    p.what === undefined
      ? '表格中没有一行是有效的，请按提示改正后重新导入。'
      : `${IMPORT_WHAT_ZH[s(p.what)] ?? s(p.what)}中没有一行是正确的，没有导入。请按预览中列出的问题改正文件后重新导入。`,
  import_wrong_kind: (p) =>
    p.column === undefined
      ? '这张表格是另一种名单。'
      : `这个文件看起来是评议代表名单（有“${s(p.column)}”列），不是评议对象表。请在“评议代表”页面导入它，或选择评议对象表。`,
  import_csv_quote: (p) =>
    p.line === undefined
      ? 'CSV 文件中有未闭合的引号。'
      : `${p.file === undefined ? '' : `文件“${s(p.file)}”：`}第 ${s(p.line)} 行有一个双引号（"）没有配对，后面的内容无法分清行和列。请在 Excel 或 WPS 中打开该文件检查这一行，改正后另存为 CSV 再导入。`,
  import_legacy_office: (p) =>
    p.file === undefined
      ? '不读取旧版 .xls 文件，请另存为 .xlsx 后重试。'
      : `文件“${s(p.file)}”是旧版 Excel 97-2003（.xls）或其他旧版 Office 格式，也可能是设置了打开密码的 Excel 文件，本软件无法直接读取。${SAVE_AS_HINT}（如有密码，请先取消密码。）`,
  import_has_errors: (p) =>
    p.what === undefined
      ? '有些行有错误：请改正，或只导入有效的行。'
      : `${IMPORT_WHAT_ZH[s(p.what)] ?? s(p.what)}中有 ${s(p.count)} 行有错误（第 ${lineList(p, 'zh')} 行），没有导入任何内容。请改正后重新导入，或选择“只导入正确的行”。`,
  not_ballot_file: (p) =>
    p.rule === 'headers'
      ? '这不是评议程序导出的选票文件（应为“导出选票”得到的 .csv 或 .xlsx，首行为“记录 record / 编号 no. / 组别 group / 内容 data”）。请选择导出的原文件。'
      : '这不是评议程序导出的选票文件，请选择导出的原文件。',
  bad_ballot_file: (p) => {
    if (p.line === undefined) return '选票文件与它自己的会议定义不符，文件可能被改动过。请使用导出的原文件。';
    if (p.part === 'fit') return `选票文件第 ${s(p.line)} 行的选票与会议定义不符（${ballotFit(p, 'zh')}），文件可能被改动过。`;
    const what = p.part === 'record' ? `的记录类型“${s(p.value)}”无法识别` : (BALLOT_FILE_PARTS_ZH[s(p.part)] ?? '无法读取');
    return `选票文件第 ${s(p.line)} 行${what}，文件可能被改动过。请使用导出的原文件。`;
  },
  tally_input: (p) =>
    p.scope === 'round'
      ? `本轮结果无法计算（${String(p.detail ?? p.check ?? '')}）。请检查会议设置中的分值。`
      : `结果无法计算（${String(p.detail ?? p.check ?? '')}）。请把这句话告知技术支持人员，选票数据未被改动。`,
  wrong_sheet: (p) =>
    p.kind === 'worst' ? '这是一场评差会议，请打印“评差结果公布表”。' : p.kind === 'graded' ? '这是一场每项打分的会议，请打印“评议结果排序表”。' : '这张表不属于这类会议。',
  handoff_missing: '请在“投票”页面生成评议码后，点击“打印评议码条”。',
  handoff_gone: '评议码已经用于一次打印，或已超过 10 分钟。请回到“投票”页面，再点一次“打印评议码条”。',
  pdf_failed: (p) =>
    p.rule === 'closed'
      ? '程序正在关闭，无法生成 PDF。'
      : p.rule === 'no_browser'
        ? '找不到可用于生成 PDF 的浏览器（Chrome、Edge 或 Chromium）。请安装其中之一后重试；也可以在打印预览页面中用浏览器的“打印 → 另存为 PDF”。'
        : p.rule === 'no_assets'
          ? '找不到打印页面文件（dist/console），请重新构建或重新安装程序。'
          : p.detail === undefined ? 'PDF 生成失败。' : s(p.detail),
  not_available: '浏览器模式下请在打开的打印页面上点击“打印”。',
  unknown_address: (p) => (p.value === undefined ? '这个地址不是本机的地址。' : `这台电脑没有地址 ${s(p.value)}。请从列表中选择，或先连接会场网络后刷新。`),
  bind_failed: (p) =>
    p.value === undefined ? '平板服务无法在这个地址上监听。' : `无法在 ${s(p.value)} 上为平板提供服务（${s(p.detail)}），仍使用原地址。请检查防火墙或换一个地址。`,
  busy: (p) => (p.action === 'move_address' ? '正在切换地址，请稍候再试。' : '正在处理另一个请求，请稍后再试。'),
  not_ready: (p) => (p.scope === 'tablet_server' ? '平板服务尚未启动，请稍候再试。' : '尚未就绪，请稍后再试。'),
  unauthorized: '缺少或错误的访问令牌，请使用启动时显示的完整地址打开。',
  bad_input: (p) => (p.rule === 'indicator_ids' ? '指标编号重复，请刷新后重新编辑。' : '输入有误，请检查后重试。'),
  unknown_method: (p) => `未知的操作：${String(p.method ?? '')}`,
  internal: '操作失败，请重试；如仍失败，请重启程序。',
  'tally.settings': '计分设置有误。',
  'tally.meeting': '计分数据前后不一致。',
  'tally.indicators': '指标不适用于计分。',
  'tally.groups': '代表组别不适用于计分。',
  'tally.grades': '评分档次不适用于计分。',
  'tally.objects': '评议对象不适用于计分。',
  'tally.weights': '各组权重合计应为 100%。',
  'tally.veto': '一票否决的对象不在本场会议中。',
  'tally.ballot': '有一张选票与会议定义不符。',
  // i15
  points_invalid: (p) =>
    `“总分构成”中${p.part === 'self' ? '单位自评' : '社会测评'}的数值 ${String(p.value ?? '')} 无效：应为 0 到 100 之间、大于 0 的数，最多两位小数。`,
  points_total: (p) => `“总分构成”合计为 ${String(p.total ?? '')}，应为 100（单位自评 + 社会测评），请调整后再保存。`,
  // i17p (issue 17 part 1): paper ballots keyed in twice
  paper_not_now: '纸质票只能在投票结束后、结果确认为正式结果之前录入。',
  paper_entry_not_found: '这张纸质票已不在待录入列表中（已确认或已删除），请刷新列表。',
  paper_entry_stage: '这张纸质票的录入已进入另一步（已录入两次，或尚未第二次录入），请刷新列表。',
  paper_choice_missing: '请对每一处不一致的地方，选出与纸质票相符的那一次录入。',
  paper_entries_pending: '还有纸质票未完成录入（只录入了一次，或两次录入不一致），请先在“投票”页完成，再确认正式结果。',
  // i16 (issue 16)
  followup_not_found: '找不到这条记录，可能已被删除。请刷新后再看。',
  lineage_conflict: '那一轮已有一个同一身份的评议对象：同一轮的两个对象不能是同一个对象。请先把另一个拆分出来。',
  lineage_same: '这两个对象已经是同一个对象（历次评议中连续计算）。',
  history_import_columns: '文件缺少“轮次”“单位”“评议对象”列，或缺少“总分”“名次”“评差位次”中的任何一列。请以“导出历次评议汇总”的文件为模板。',
  history_import_rows: '文件中有些行有错误。请改正后重新导入，或选择“只导入正确的行”。',
  // i17r (issue 17)
  rehearsal_not_official: '这是演练（试投）会议：演练结果永远不能确认为正式结果。',
  rehearsal_open: '这场会议的演练仍在投票。请先结束演练；如确需现在开始正式投票，请确认后继续。',
  not_rehearsal: '这不是演练会议：只有演练会议可以清除。',
  rehearsal_of_rehearsal: '这已经是演练会议了：请从正式会议创建演练。',
  // i15: alarms
  alarm_guessing_client: '有一台平板（或同一网段的一组设备）连续输入了多个无效评议码（或别人已用过的评议码），已放慢它的尝试。请留意是否有人在猜测评议码。',
  alarm_guessing_room: '会场内多个地址在短时间内输入了大量无效评议码，所有平板的尝试都已放慢（有效评议码仍可投票）。请留意是否有人在猜测评议码。',
  storage_write_failed: (p) => `选票写入磁盘失败（${s(p.detail)}）。平板会自动重试；请检查磁盘空间和数据文件夹。`,
};

const EN: Record<ErrorCode, Words> = {
  meeting_not_found: 'This meeting cannot be found. Refresh and choose it again.',
  campaign_not_found: 'This campaign cannot be found; it may have been removed. Refresh and choose again.',
  round_not_found: 'This round cannot be found; it may have been removed. Refresh and choose again.',
  object_not_found: 'This meeting has no such object. Refresh and choose again.',
  indicator_set_not_found: 'This indicator set cannot be found. Refresh and choose again.',
  representative_not_found: 'This representative is not on the roster. Refresh the list and try again.',
  code_not_found: 'This meeting has no such code. Check the slip and the selected meeting.',
  veto_not_found: 'This object has no veto. Refresh to see the current state.',
  // Also the setup tab's lock banners (shared/api/chair/setup.ts LockReason).
  meeting_frozen: (p) =>
    p.state === 'closed'
      ? 'Voting has closed: this meeting\'s definition is locked. To evaluate again, copy the meeting or the round.'
      : 'Voting has opened: this meeting\'s definition (objects, indicators, settings, roster) is locked. To change it, copy the meeting and edit the copy.',
  round_frozen: (p) =>
    p.meeting === undefined
      ? 'A meeting of this round has started voting: its objects and indicators are locked. Copy the round to change them.'
      : p.scope === 'objects'
        ? 'A meeting of this round has opened voting: the round\'s objects and indicator mapping are locked. To change them, copy the round and edit the copy.'
        : `"${String(p.meeting)}" of this round has started voting: the round's objects, indicator sets and total score split are locked. Copy the round to change them.`,
  indicator_set_frozen: (p) =>
    p.state === 'builtin'
      ? 'This indicator set is built in and cannot be changed or removed. Create a custom set instead.'
      : p.meeting !== undefined
        ? 'A meeting that uses this indicator set has opened voting, so the set is locked. To change it, create a new set.'
        : 'This indicator set is built in or in use by a meeting that has voted; create a new set instead.',
  indicator_set_in_use: (p) =>
    p.name === undefined
      ? 'This indicator set is still used by objects; assign them another set first.'
      : `The indicator set "${s(p.name)}" is in use (${s(p.count)} objects) and cannot be removed. Assign its categories another set under "Indicator sets" first.`,
  meeting_closed: (p) =>
    ({
      check_in: 'Voting has ended for this meeting: check-in can no longer change.',
      generate_codes: 'Voting has ended for this meeting: no more codes can be generated.',
      void_codes: 'Voting has ended: every code of this meeting is already invalid, nothing to void.',
    })[String(p.action)] ?? 'Voting has ended for this meeting: this can no longer change.',
  voting_not_closed: (p) =>
    ({
      veto: 'A veto can be recorded once voting has closed: close voting on the Voting tab first.',
      mark_official: 'Results can be confirmed once voting has closed: close voting on the Voting tab first.',
      receipts: 'The receipt list is published once voting has closed.',
      view_results: 'Results are shown once voting has closed: close voting on the Voting tab first.',
      round_results: 'No graded meeting of this round has closed voting yet: the round has results once one has.',
      print: 'Results are printed once voting has closed: close voting on the Voting tab first.',
    })[String(p.action)] ?? 'Available once voting has closed: close voting on the Voting tab first.',
  anonymisation_pending: (p) =>
    p.rule === 'disk_full'
      ? `The data folder's disk is full: voting is closed but its anonymisation has not finished, so the results cannot be shown yet. Free at least ${s(p.needed)} MB on that disk (${p.free === undefined ? 'unknown' : s(p.free)} MB free now; delete unneeded files or empty the recycle bin), then press Close voting again on the Voting tab.`
      : p.rule === 'failed'
        ? `Voting is closed but its anonymisation has not finished (${s(p.detail)}). Press Close voting again on the Voting tab; if it fails again, do not delete the data folder and call technical support.`
        : 'Voting is closed but its anonymisation has not finished (the disk may be full): free some space on the data folder\'s disk, then press Close voting again on the Voting tab.',
  results_official: (p) =>
    p.action === 'mark_official'
      ? 'The results are already official.'
      : 'The results are official: nothing about this meeting changes any more. If there is an error, handle it by the rules and explain it in writing.',
  bad_transition: (p) => {
    const state = STATUS_NAMES.en[s(p.state)];
    const action = VOTING_ACTIONS.en[s(p.action)];
    return state === undefined || action === undefined ? 'The meeting is not in a state that allows this. Refresh to see its status.' : `${state}: you cannot ${action}. Refresh to see the meeting's status.`;
  },
  attendance_rule: (p) => {
    const words = attendanceWords(p, 'en');
    return words === null
      ? 'Attendance does not meet the rule. Fix it, or give a written reason to open anyway.'
      : `Attendance does not meet the rule: ${words.problems}. ${words.fix === '' ? 'Fix it' : words.fix}, or give a written reason to open anyway.`;
  },
  override_not_needed: (p) =>
    p.scope === 'self' ? 'A self-evaluation roster has one group: there is no 30 %/70 % rule and no exception to explain.' : 'Attendance meets the rule: no reason is needed.',
  remove_refused: (p) =>
    p.rule === 'voting'
      ? `"${s(p.meeting)}" is voting: ${removalTarget(p, 'en')} cannot be removed. Close voting first.`
      : p.rule === 'ballots'
        ? `"${s(p.meeting)}" has ${s(p.ballots)} ballots: ${removalTarget(p, 'en')} cannot be removed, the record must be kept. Leave it unused if it is no longer needed.`
        : 'This cannot be removed: ballots were cast or voting is under way.',
  ballots_exist: (p) =>
    p.action === 'zero_report'
      ? 'Ballots have arrived: the zero-ballot report is printed only before the first ballot. Print the ranking sheet instead.'
      : 'Ballots have been cast: this can no longer change.',
  field_empty: (p) => (p.field === undefined ? 'A required field is empty. Fill it in and save again.' : `"${fieldLabel(p, 'en')}" is empty. Fill it in and save again.`),
  field_too_long: (p) =>
    p.field === undefined
      ? 'A field is too long. Shorten it and save again.'
      : `"${fieldLabel(p, 'en')}" is too long (${s(p.length)} characters, at most ${s(p.max)}). Shorten it and save again.`,
  field_invalid: (p) =>
    p.rule === 'date_format'
      ? `The meeting date is written like 2026-11-23, not "${s(p.value)}".`
      : p.rule === 'group_not_voting'
        ? `"${groupLabel(p.group, 'en')}" does not vote in this meeting.`
        : p.rule === 'ballot_kind'
          ? 'This ballot is not of this meeting\'s kind.'
          : 'A field has an invalid value. Correct it and save again.',
  settings_invalid: (p) => {
    const label = fieldLabel(p, 'en');
    switch (p.rule) {
      case 'share_value':
        return `"${label}": the value ${s(p.value)} for ${groupLabel(p.group, 'en')} is invalid; a number above 0 and at most 100, with at most two decimals.`;
      case 'share_total':
        return `"${label}" adds up to ${s(p.total)}; it must be 100 (${WEIGHTED_GROUPS.map((g) => groupLabel(g, 'en')).join(' + ')}).`;
      case 'whole_number':
        return `"${label}" must be a whole number from ${s(p.min)} to ${s(p.max)}, not ${s(p.value)}.`;
      case 'grade_count':
        return `The grade scale needs 2 to ${s(p.max)} grades, not ${s(p.count)}.`;
      case 'grade_label_long':
        return `The name of grade ${s(p.position)} is too long: at most ${s(p.max)} characters.`;
      case 'grade_abstain':
        return `Grade ${s(p.position)} cannot be called 弃权: the ballot always offers abstaining besides the grades. Remove this grade.`;
      case 'grade_duplicate':
        return `Grade ${s(p.position)} "${s(p.label)}" repeats an earlier grade's name. Rename it.`;
      case 'grade_points':
        return `The points ${s(p.value)} of grade ${s(p.position)} "${s(p.label)}" are invalid: a number from 0 to 100 with at most two decimals.`;
      case 'grade_order':
        return `Grades go from best to worst with falling points: "${s(p.label)}" (${s(p.points)}) is not below the grade before it, "${s(p.previous)}" (${s(p.previousPoints)}).`;
      case 'rounding_mode':
        return 'Rounding is either per item or once.';
      default:
        return 'A setting is invalid. Correct it and save again.';
    }
  },
  duplicate_name: (p) => {
    switch (p.target) {
      case 'campaign':
        return `A campaign named "${s(p.name)}" exists already. Choose another name (e.g. add the year).`;
      case 'round':
        return `This campaign already has a round named "${s(p.name)}". Choose another name.`;
      case 'meeting':
        return `This round already has a meeting named "${s(p.name)}". Choose another name.`;
      case 'indicatorSet':
        return `An indicator set named "${s(p.name)}" exists already. Choose another name.`;
      case 'indicator':
        return `Indicator ${s(p.position)} "${s(p.name)}" has the same name as indicator ${s(p.first)}. Rename or remove one.`;
      case 'object':
        return `This round already has the object "${p.unit === undefined || p.unit === '' ? '' : `${s(p.unit)} `}${s(p.name)}" (one object of a name per unit). Check for a double entry.`;
      case 'representative':
        return `The roster already has "${s(p.name)}${p.unit === undefined || p.unit === '' ? '' : ` (${s(p.unit)})`}". If these are two people, add a post or department to the workplace.`;
      default:
        return 'This name is already used here. Choose another.';
    }
  },
  reorder_mismatch: 'The list changed meanwhile. Refresh and reorder again.',
  weights_empty: 'An indicator set needs at least one indicator.',
  weight_invalid: (p) =>
    p.position === undefined
      ? 'An indicator weight is invalid: a number above 0 with at most two decimals.'
      : `The weight ${s(p.value)} of indicator ${s(p.position)} is invalid: a number above 0 with at most two decimals.`,
  weights_total: (p) =>
    p.total === undefined
      ? 'The indicator weights must total 100 %.'
      : `The indicator weights total ${s(p.total)} %; they must total 100 % (${p.rule === 'over' ? 'over' : 'short'} by ${s(p.diff)} %).`,
  veto_reason: 'Write the reason for the veto; it is printed on the result sheet.',
  roster_empty: (p) =>
    p.action === 'print' ? 'This meeting has no roster yet: import it under Setup before printing the sign-in sheet.' : 'The roster is empty. Add representatives first.',
  malformed_code: 'The code is mistyped. Check it against the slip character by character.',
  code_used: (p) =>
    p.action === 'void_codes' ? 'This code has already been used to vote and cannot be voided; its ballot counts as usual.' : 'This code has already been used.',
  already_voided: 'This code was already voided.',
  import_bad_upload: (p) => (p.file === undefined ? 'The file could not be received. Choose it again.' : `"${s(p.file)}" did not arrive complete. Choose the file again.`),
  import_too_large: (p) =>
    p.file === undefined
      ? 'The file is too large.'
      : p.rule === 'inflated'
        ? `The Excel file "${s(p.file)}" unpacks to more than ${s(p.max)}: not a list, not read. Check that it is the right file.`
        : `"${s(p.file)}" is too large (${s(p.size)}, the limit is ${s(p.max)}); it was not read. Object tables and rosters are a few dozen KB: check the file, or remove extra sheets and pictures and save again.`,
  import_empty: (p) => (p.file === undefined ? 'The file is empty.' : `"${s(p.file)}" is empty. Check that it is the right file and that it was saved.`),
  import_not_table: (p) =>
    p.file === undefined
      ? 'The file is not a table (.xlsx or .csv).'
      : p.kind === undefined
        ? `The format of "${s(p.file)}" is not recognised: neither an Excel table (.xlsx) nor CSV text. Choose an .xlsx or CSV file.`
        : `"${s(p.file)}" is ${BINARY_KINDS_EN[s(p.kind)] ?? s(p.kind)}, not a table. Choose an Excel table (.xlsx) or a CSV file.`,
  import_not_excel: (p) => {
    const file = `"${s(p.file)}"`;
    switch (p.kind) {
      case 'word':
        return `${file} is a Word document, not an Excel table. Put the list in Excel or WPS and save it as .xlsx or CSV.`;
      case 'powerpoint':
        return `${file} is a PowerPoint presentation, not an Excel table. Save the list as .xlsx or CSV.`;
      case 'opendocument':
        return `${file} is an OpenDocument (.ods) file. Save it as .xlsx or CSV.`;
      case 'zip':
        return `${file} is a zip archive, not an Excel table. Unpack it and choose the .xlsx or CSV inside.`;
      case 'text':
        return `${file} has an Excel extension but holds plain text (line ${s(p.line)} reads "${s(p.value)}"). Open the original list and save it as .xlsx or CSV.`;
      default:
        return 'The file is not an .xlsx workbook.';
    }
  },
  import_xlsx_unreadable: (p) =>
    p.file === undefined ? 'The workbook cannot be read. Save it again as .xlsx and retry.' : `The Excel file "${s(p.file)}" cannot be read: it may be damaged or incomplete. Save it again as .xlsx or CSV.`,
  import_no_rows: (p) =>
    p.what === undefined ? 'The table has no data rows.' : `The ${IMPORT_WHAT_EN[s(p.what)] ?? s(p.what)} has a header but no data rows. Fill in the rows under the header and import again.`,
  import_missing_columns: (p) => {
    const fields = importFields(p);
    if (fields === null) return 'The table lacks required columns. Use the template\'s headings.';
    const missing = fields.filter((f) => (p.missing ?? []).includes(f.key));
    const describe = (f: FieldSpec<string>): string => {
      const others = f.synonyms.filter((x) => x !== f.label);
      return others.length > 0 ? `"${f.label}" (or ${others.join(', ')})` : `"${f.label}"`;
    };
    const optional = fields.filter((f) => !f.required).map((f) => `"${f.label}"`);
    const found = p.found ?? [];
    return (
      `The ${IMPORT_WHAT_EN[s(p.what)] ?? s(p.what)} lacks the required column${missing.length === 1 ? '' : 's'} ${missing.map((f) => `"${f.label}"`).join(', ')}. ` +
      `The header must have ${fields.filter((f) => f.required).map(describe).join('; ')}` +
      (optional.length > 0 ? `; optional ${optional.join(', ')}` : '') +
      `. The file's header reads: ${found.length > 0 ? found.map((h) => `"${h}"`).join(', ') : '(empty)'}. ` +
      'Check that this is the right file, or change its first line to the column names above.' +
      headerSource(p, 'en')
    );
  },
  import_nothing_valid: (p) =>
    p.what === undefined
      ? 'No row of the table is valid. Fix the rows shown and import again.'
      : `No row of the ${IMPORT_WHAT_EN[s(p.what)] ?? s(p.what)} is valid; nothing was imported. Fix the problems listed in the preview and import again.`,
  import_wrong_kind: (p) =>
    p.column === undefined
      ? 'The table is for another kind of list.'
      : `This file looks like a roster of representatives (it has a "${s(p.column)}" column), not an objects table. Import it under Representatives, or choose the objects table.`,
  import_csv_quote: (p) =>
    p.line === undefined
      ? 'The CSV file has an unclosed quote.'
      : `${p.file === undefined ? '' : `"${s(p.file)}": `}line ${s(p.line)} has an unmatched double quote ("), so rows and columns after it cannot be told apart. Fix the line and save as CSV again.`,
  import_legacy_office: (p) =>
    p.file === undefined
      ? 'Old .xls files are not read. Save the file as .xlsx and retry.'
      : `"${s(p.file)}" is an old Excel 97-2003 (.xls) or Office file, or a password-protected workbook. Save it as .xlsx or CSV (without a password) and import again.`,
  import_has_errors: (p) =>
    p.what === undefined
      ? 'Some rows have errors. Fix them, or import the valid rows only.'
      : `${s(p.count)} rows of the ${IMPORT_WHAT_EN[s(p.what)] ?? s(p.what)} have errors (lines ${lineList(p, 'en')}); nothing was imported. Fix them, or import the valid rows only.`,
  not_ballot_file: (p) =>
    p.rule === 'headers'
      ? 'This is not an exported ballot file (the .csv or .xlsx of "Export ballots", headed record / no. / group / data). Choose the exported file.'
      : 'This is not an exported ballot file.',
  bad_ballot_file: (p) => {
    if (p.line === undefined) return 'The ballot file does not fit its own definition; it may have been altered.';
    if (p.part === 'fit') return `The ballot on line ${s(p.line)} of the ballot file does not fit the meeting (${ballotFit(p, 'en')}); the file may have been altered.`;
    const what = p.part === 'record' ? `has an unknown record type "${s(p.value)}"` : (BALLOT_FILE_PARTS_EN[s(p.part)] ?? 'cannot be read');
    return `Line ${s(p.line)} of the ballot file ${what}; the file may have been altered. Use the exported file.`;
  },
  tally_input: (p) =>
    p.scope === 'round'
      ? `The round's results cannot be computed (${String(p.detail ?? p.check ?? '')}). Check the points in the meeting settings.`
      : `The results cannot be computed${p.detail === undefined ? '' : ` (${String(p.detail)})`}. Tell technical support; the ballots are unchanged.`,
  wrong_sheet: (p) =>
    p.kind === 'worst'
      ? 'This meeting marks the worst objects: print the worst-list sheet (评差结果公布表).'
      : p.kind === 'graded'
        ? 'This meeting grades every indicator: print the ranking sheet (评议结果排序表).'
        : 'This sheet does not belong to this kind of meeting.',
  handoff_missing: 'Generate codes on the Voting tab, then use "Print code slips".',
  handoff_gone: 'These codes were already printed once or more than 10 minutes ago. Print them again from the Voting tab.',
  pdf_failed: (p) =>
    p.rule === 'closed'
      ? 'The app is closing: no PDF can be made.'
      : p.rule === 'no_browser'
        ? 'No browser to make PDFs with (Chrome, Edge or Chromium). Install one and try again, or use the print preview\'s "Print → Save as PDF".'
        : p.rule === 'no_assets'
          ? 'The print page\'s files (dist/console) are missing: build again or reinstall the app.'
          : `The PDF could not be rendered${p.detail === undefined ? '' : ` (${s(p.detail)})`}.`,
  not_available: 'Not available here: use the print page\'s own Print button.',
  unknown_address: (p) =>
    p.value === undefined ? 'This address is not one of this computer\'s.' : `This computer has no address ${s(p.value)}. Choose one from the list, or join the room's network and refresh.`,
  bind_failed: (p) =>
    p.value === undefined
      ? 'The tablet server could not listen on this address.'
      : `The tablet server could not listen on ${s(p.value)} (${s(p.detail)}); it stays on the old address. Check the firewall or choose another address.`,
  busy: (p) => (p.action === 'move_address' ? 'The address is being changed. Try again in a moment.' : 'Busy with another request. Try again in a moment.'),
  not_ready: (p) => (p.scope === 'tablet_server' ? 'The tablet server has not started yet. Try again in a moment.' : 'Not ready yet. Try again in a moment.'),
  unauthorized: 'The access token is missing or wrong: open the full address shown at start.',
  bad_input: (p) => (p.rule === 'indicator_ids' ? 'Two indicators have the same id. Refresh and edit again.' : 'The request was malformed.'),
  unknown_method: (p) => `Unknown request${p.method === undefined ? '' : `: ${String(p.method)}`}.`,
  internal: 'An internal error occurred. Tell technical support.',
  'tally.settings': 'The tally settings are invalid.',
  'tally.meeting': 'The tally input is inconsistent.',
  'tally.indicators': 'The indicator sets are invalid for the tally.',
  'tally.groups': 'The voter groups are invalid for the tally.',
  'tally.grades': 'The grade scale is invalid for the tally.',
  'tally.objects': 'The objects are invalid for the tally.',
  'tally.weights': 'The group weights must total 100 %.',
  'tally.veto': 'A veto names an object not in the meeting.',
  'tally.ballot': 'A ballot does not fit the meeting.',
  // i15
  points_invalid: (p) =>
    `The ${p.part === 'self' ? 'self-evaluation' : 'social'} points of the total (${String(p.value ?? '')}) are invalid: a number above 0 and at most 100, with at most two decimals.`,
  points_total: (p) => `The total score split adds up to ${String(p.total ?? '')}; it must be 100 (self + social).`,
  // i17p (issue 17 part 1): paper ballots keyed in twice
  paper_not_now: 'Paper ballots are keyed in after voting has closed and before the results are official.',
  paper_entry_not_found: 'This paper ballot is no longer pending (it was settled or discarded). Refresh the list.',
  paper_entry_stage: 'This paper ballot is at another step now (keyed twice already, or not yet). Refresh the list.',
  paper_choice_missing: 'Choose, for every differing field, which entry matches the paper.',
  paper_entries_pending: 'Paper ballots are still pending (keyed once, or with differences): finish them on the Voting tab before confirming the results.',
  // i16 (issue 16)
  followup_not_found: 'This entry cannot be found; it may have been removed. Refresh to see the current list.',
  lineage_conflict: 'That round already has an object of this identity: two objects of one round cannot be the same object. Split the other first.',
  lineage_same: 'These are already the same object across rounds.',
  history_import_columns: 'The file lacks the columns 轮次, 单位 and 评议对象, or one of 总分, 名次, 评差位次. Use the export of the history as a template.',
  history_import_rows: 'Some rows of the file have errors. Fix them, or import the valid rows only.',
  // i17r (issue 17)
  rehearsal_not_official: 'This is a rehearsal: its results can never be marked official.',
  rehearsal_open: 'A rehearsal of this meeting is still voting. Close it first, or confirm to open the real meeting anyway.',
  not_rehearsal: 'This meeting is not a rehearsal: only a rehearsal can be wiped.',
  rehearsal_of_rehearsal: 'This is already a rehearsal: make the rehearsal copy from the real meeting.',
  // i15: alarms
  alarm_guessing_client: 'A tablet (or a group of devices on one subnet) entered several invalid or already used codes in a row; its attempts are slowed down. Watch for someone guessing codes.',
  alarm_guessing_room: 'Many addresses in the room entered many invalid codes in a short time; every tablet\'s attempts are slowed down (valid codes still vote). Watch for someone guessing codes.',
  storage_write_failed: (p) => `Ballots could not be written to disk (${s(p.detail)}). The tablets retry by themselves; check the disk space and the data folder.`,
};

const WORDS: Record<ErrorLocale, Record<ErrorCode, Words>> = { zh: ZH, en: EN };

/**
 * The sentence for an error (or a lock: a code and params without a message) in `language`.
 * A code not in the catalogue is shown as its message, or as its plain fallback.
 */
export function errorWords(error: Pick<AppError, 'code' | 'params'> & { readonly message?: string }, language: ErrorLocale): string {
  const words = (WORDS[language] as Partial<Record<string, Words>>)[error.code];
  if (words === undefined) return error.message ?? errorFallback(error.code, error.params);
  if (error.params === undefined && language === 'zh' && error.message !== undefined) return error.message;
  return typeof words === 'string' ? words : words((error.params ?? {}) as WordParams);
}
