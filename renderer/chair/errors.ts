/**
 * The chair console's words for every error code of the catalogue (shared/domain/errors.ts).
 * Chinese: the core's own sentence, which names the field, the meeting or the number at hand.
 * English: the sentence below per code (the core's details are not yet parameters of it).
 * A code this console does not know falls back to the core's sentence.
 */
import type { AppError } from '../../shared/domain/result';
import type { ErrorCode } from '../../shared/domain/errors';
import { locale } from '../common/i18n';

// i17p (issue 17 part 1): paper ballots keyed in twice. Core answers these in English only, so
// the console words them in Chinese too.
type PaperCode = Extract<ErrorCode, `paper_${string}`>;
const PAPER_EN: Record<PaperCode, string> = {
  paper_not_now: 'Paper ballots are keyed in after voting has closed and before the results are official.',
  paper_entry_not_found: 'This paper ballot is no longer pending (it was settled or discarded). Refresh the list.',
  paper_entry_stage: 'This paper ballot is at another step now (keyed twice already, or not yet). Refresh the list.',
  paper_choice_missing: 'Choose, for every differing field, which entry matches the paper.',
  paper_entries_pending: 'Paper ballots are still pending (keyed once, or with differences): finish them on the Voting tab before confirming the results.',
};
const PAPER_ZH: Record<PaperCode, string> = {
  paper_not_now: '纸质票只能在投票结束后、结果确认为正式结果之前录入。',
  paper_entry_not_found: '这张纸质票已不在待录入列表中（已确认或已删除），请刷新列表。',
  paper_entry_stage: '这张纸质票的录入已进入另一步（已录入两次，或尚未第二次录入），请刷新列表。',
  paper_choice_missing: '请对每一处不一致的地方，选出与纸质票相符的那一次录入。',
  paper_entries_pending: '还有纸质票未完成录入（只录入了一次，或两次录入不一致），请先在“投票”页完成，再确认正式结果。',
};

const EN: Record<ErrorCode, string> = {
  meeting_not_found: 'This meeting cannot be found. Refresh and choose it again.',
  campaign_not_found: 'This campaign cannot be found; it may have been removed. Refresh and choose again.',
  round_not_found: 'This round cannot be found; it may have been removed. Refresh and choose again.',
  object_not_found: 'This meeting has no such object. Refresh and choose again.',
  indicator_set_not_found: 'This indicator set cannot be found. Refresh and choose again.',
  representative_not_found: 'This representative is not on the roster. Refresh the list and try again.',
  code_not_found: 'This meeting has no such code. Check the slip and the selected meeting.',
  veto_not_found: 'This object has no veto. Refresh to see the current state.',
  meeting_frozen: 'Voting has started for this meeting: its definition is locked. Copy the meeting to change it.',
  round_frozen: 'A meeting of this round has started voting: its objects and indicators are locked. Copy the round to change them.',
  indicator_set_frozen: 'This indicator set is built in or in use by a meeting that has voted; create a new set instead.',
  indicator_set_in_use: 'This indicator set is still used by objects; assign them another set first.',
  meeting_closed: 'Voting has ended for this meeting: this can no longer change.',
  voting_not_closed: 'Available once voting has closed: close voting on the Voting tab first.',
  anonymisation_pending: 'Voting is closed but its anonymisation has not finished (the disk may be full): free some space on the data folder\'s disk, then press Close voting again on the Voting tab.',
  results_official: 'The results are official: nothing about this meeting changes any more.',
  bad_transition: 'The meeting is not in a state that allows this. Refresh to see its status.',
  attendance_rule: 'Attendance does not meet the rule. Fix it, or give a written reason to open anyway.',
  override_not_needed: 'Attendance meets the rule: no reason is needed.',
  remove_refused: 'This cannot be removed: ballots were cast or voting is under way.',
  ballots_exist: 'Ballots have been cast: this can no longer change.',
  field_empty: 'A required field is empty. Fill it in and save again.',
  field_too_long: 'A field is too long. Shorten it and save again.',
  field_invalid: 'A field has an invalid value. Correct it and save again.',
  settings_invalid: 'A setting is invalid. Correct it and save again.',
  duplicate_name: 'This name is already used here. Choose another.',
  reorder_mismatch: 'The list changed meanwhile. Refresh and reorder again.',
  weights_empty: 'An indicator set needs at least one indicator.',
  weight_invalid: 'An indicator weight is invalid: a number above 0 with at most two decimals.',
  weights_total: 'The indicator weights must total 100 %.',
  veto_reason: 'Write the reason for the veto; it is printed on the result sheet.',
  roster_empty: 'The roster is empty. Add representatives first.',
  malformed_code: 'The code is mistyped. Check it against the slip character by character.',
  code_used: 'This code has already been used.',
  already_voided: 'This code was already voided.',
  import_bad_upload: 'The file could not be received. Choose it again.',
  import_too_large: 'The file is too large.',
  import_empty: 'The file is empty.',
  import_not_table: 'The file is not a table (.xlsx or .csv).',
  import_not_excel: 'The file is not an .xlsx workbook.',
  import_xlsx_unreadable: 'The workbook cannot be read. Save it again as .xlsx and retry.',
  import_no_rows: 'The table has no data rows.',
  import_missing_columns: 'The table lacks required columns. Use the template\'s headings.',
  import_nothing_valid: 'No row of the table is valid. Fix the rows shown and import again.',
  import_wrong_kind: 'The table is for another kind of list.',
  import_csv_quote: 'The CSV file has an unclosed quote.',
  import_legacy_office: 'Old .xls files are not read. Save the file as .xlsx and retry.',
  import_has_errors: 'Some rows have errors. Fix them, or import the valid rows only.',
  not_ballot_file: 'This is not an exported ballot file.',
  bad_ballot_file: 'The ballot file does not fit its own definition; it may have been altered.',
  tally_input: 'The results cannot be computed. Tell technical support; the ballots are unchanged.',
  wrong_sheet: 'This sheet does not belong to this kind of meeting.',
  handoff_missing: 'Generate codes on the Voting tab, then use "Print code slips".',
  handoff_gone: 'These codes were already printed once or more than 10 minutes ago. Print them again from the Voting tab.',
  pdf_failed: 'The PDF could not be rendered.',
  not_available: 'Not available here: use the print page\'s own Print button.',
  unknown_address: 'This address is not one of this computer\'s.',
  bind_failed: 'The tablet server could not listen on this address.',
  busy: 'Busy with another request. Try again in a moment.',
  not_ready: 'Not ready yet. Try again in a moment.',
  bad_input: 'The request was malformed.',
  unknown_method: 'Unknown request.',
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
  // i17p (issue 17 part 1): paper ballots keyed in twice
  ...PAPER_EN,
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
};

/** Chinese words of the codes whose core message is not a Chinese sentence (core writes no Chinese sentences). */
const ZH: Partial<Record<ErrorCode, string>> = {
  ...PAPER_ZH,
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
};

/** The sentence the console shows for an error, in the console's language. */
export function errorText(error: Pick<AppError, 'code' | 'message'>): string {
  if (locale.value === 'zh') return ZH[error.code] ?? error.message;
  return (EN as Record<string, string | undefined>)[error.code] ?? error.message;
}
