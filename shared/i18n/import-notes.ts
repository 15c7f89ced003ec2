/**
 * The console's words for what an import preview notes on a row (shared/setup/table.ts
 * ImportNote), in Chinese and English, from the params core sends with each note: the line as
 * Excel shows it, and the column, value, names or first line the note is about. Core writes no
 * sentence for these. Column names and category words are the template's (Chinese) headers and
 * cell words, so the English names them as the file has them.
 * Pure (no DOM, no Vue), like ./error-words.ts.
 */
import type { ErrorLocale } from './error-words';
import type { FieldIssue, ImportNote } from '../setup/table';
import type { HistoryNote } from '../history/history-table';
import { categoryLabels } from '../domain/voter-groups';

type Params = FieldIssue['params'];

const text = (value: Params[string] | undefined): string => (value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value));

/** The category words a roster accepts, as the template writes them (and in English). */
function allowed(language: ErrorLocale): string {
  return Object.values(categoryLabels(language)).join(language === 'zh' ? '、' : ', ');
}

/** For the English console: the words a file must hold (Chinese), each with its English name. */
function categoryWords(): string {
  const en = categoryLabels('en');
  return Object.entries(categoryLabels('zh'))
    .map(([id, zh]) => `${zh} (${en[id as keyof typeof en]})`)
    .join(', ');
}

/** Other words the importer reads as a category (shared/domain/voter-groups.ts synonyms), as a person writes them. */
const CATEGORY_SYNONYMS = ['领导', '企业代表', '群众代表', '干部', '职工'];

const ZH: Record<ImportNote, (p: Params) => string> = {
  too_long: (p) => `第 ${text(p['line'])} 行“${text(p['column'])}”太长（${text(p['length'])} 个字），最多 ${text(p['max'])} 个字`,
  object_name_empty: (p) => `第 ${text(p['line'])} 行：评议对象名称为空`,
  person_name_empty: (p) => `第 ${text(p['line'])} 行：姓名为空`,
  category_empty: (p) => `第 ${text(p['line'])} 行：代表类别为空，应为 ${allowed('zh')} 之一`,
  category_unknown: (p) =>
    `第 ${text(p['line'])} 行：代表类别“${text(p['value'])}”无法识别，应为 ${allowed('zh')} 之一（也可写 ${CATEGORY_SYNONYMS.join('、')}）`,
  duplicate_object: (p) =>
    `第 ${text(p['line'])} 行：“${text(p['unit']) === '' ? '' : `${text(p['unit'])} `}${text(p['name'])}”与第 ${text(p['first'])} 行重复（同一单位下的同名评议对象只能有一个）`,
  duplicate_person: (p) =>
    `第 ${text(p['line'])} 行：“${text(p['name'])}${text(p['unit']) === '' ? '' : `（${text(p['unit'])}）`}”与第 ${text(p['first'])} 行同名同单位，请确认是两个人；如是重复录入请删去一行`,
  object_exists: (p) => `第 ${text(p['line'])} 行：“${text(p['unit'])} ${text(p['name'])}”本轮已有，不能重复添加（如要整体更新，请选择“替换现有名单”）`,
  person_exists: (p) => `第 ${text(p['line'])} 行：“${text(p['name'])}”（${text(p['unit'])}）已在名单中，不能重复添加（如要整体更新，请选择“替换现有名单”）`,
  staff_in_social: (p) => `第 ${text(p['line'])} 行：“本单位干部”在社会测评中计入服务对象，请确认`,
};

const EN: Record<ImportNote, (p: Params) => string> = {
  too_long: (p) => `Line ${text(p['line'])}: "${text(p['column'])}" is too long (${text(p['length'])} characters, at most ${text(p['max'])})`,
  object_name_empty: (p) => `Line ${text(p['line'])}: the object's name is empty`,
  person_name_empty: (p) => `Line ${text(p['line'])}: the name is empty`,
  category_empty: (p) => `Line ${text(p['line'])}: the category is empty; write one of ${categoryWords()}`,
  category_unknown: (p) =>
    `Line ${text(p['line'])}: the category "${text(p['value'])}" is not recognised; write one of ${categoryWords()} (also accepted: ${CATEGORY_SYNONYMS.join(', ')})`,
  duplicate_object: (p) =>
    `Line ${text(p['line'])}: "${text(p['unit']) === '' ? '' : `${text(p['unit'])} `}${text(p['name'])}" repeats line ${text(p['first'])} (one object of a name per unit)`,
  duplicate_person: (p) =>
    `Line ${text(p['line'])}: "${text(p['name'])}${text(p['unit']) === '' ? '' : ` (${text(p['unit'])})`}" has the same name and workplace as line ${text(p['first'])}. Confirm these are two people; if it is a double entry, remove one line`,
  object_exists: (p) => `Line ${text(p['line'])}: "${text(p['unit'])} ${text(p['name'])}" is already in this round and cannot be added twice (to update the whole list, choose "Replace the current list")`,
  person_exists: (p) => `Line ${text(p['line'])}: "${text(p['name'])}" (${text(p['unit'])}) is already on the roster and cannot be added twice (to update the whole list, choose "Replace the current list")`,
  staff_in_social: (p) => `Line ${text(p['line'])}: 本单位干部 (own staff) count as service recipients in a social evaluation; please confirm`,
};

const WORDS: Record<ErrorLocale, Record<ImportNote, (p: Params) => string>> = { zh: ZH, en: EN };

/** The sentence for a row's note in `language`. */
export function importNoteWords(issue: Pick<FieldIssue, 'note' | 'params'>, language: ErrorLocale): string {
  return WORDS[language][issue.note](issue.params);
}

/** Every note of the catalogue, for the test that each has both wordings. */
export const IMPORT_NOTES: readonly ImportNote[] = Object.keys(ZH) as ImportNote[];

/** The sentence for a note of a history import's row (shared/history/history-table.ts HistoryNote) in `language`. */
export function historyNoteWords(n: HistoryNote, language: ErrorLocale): string {
  const zh = language === 'zh';
  switch (n.note) {
    case 'round_empty':
      return zh ? '轮次为空' : 'the round is empty';
    case 'name_empty':
      return zh ? '评议对象为空' : "the object's name is empty";
    case 'no_result':
      return zh ? '总分、名次、评差位次都为空' : 'the total, the rank and the worst-list place are all empty';
    case 'total_invalid':
      return zh ? `总分“${n.value}”不是 0–100 的数` : `the total "${n.value}" is not a number from 0 to 100`;
    case 'rank_invalid':
      return zh ? `名次“${n.value}”不是正整数` : `the rank "${n.value}" is not a positive whole number`;
    case 'worst_invalid':
      return zh ? `评差位次“${n.value}”不是正整数` : `the worst-list place "${n.value}" is not a positive whole number`;
    case 'duplicate':
      return zh ? `“${n.unit} ${n.name}”在“${n.round}”中重复` : `"${n.unit} ${n.name}" is listed twice in "${n.round}"`;
    case 'round_held':
      return zh ? `“${n.round}”已在本程序中评议（有会议），不能再导入它的结果` : `"${n.round}" was evaluated in this program (it has meetings): its results cannot be imported`;
  }
}
