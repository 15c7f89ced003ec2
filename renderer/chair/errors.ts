/**
 * The chair console's words for every error code of the catalogue (shared/domain/errors.ts).
 * Chinese: the core's own sentence, which names the field, the meeting or the number at hand.
 * English: the sentence below per code (the core's details are not yet parameters of it).
 * A code this console does not know falls back to the core's sentence.
 */
import type { AppError } from '../../shared/domain/result';
import type { ErrorCode } from '../../shared/domain/errors';
import { locale } from '../common/i18n';

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
  // i17r (issue 17)
  rehearsal_not_official: 'This is a rehearsal: its results can never be marked official.',
  rehearsal_open: 'A rehearsal of this meeting is still voting. Close it first, or confirm to open the real meeting anyway.',
  not_rehearsal: 'This meeting is not a rehearsal: only a rehearsal can be wiped.',
  rehearsal_of_rehearsal: 'This is already a rehearsal: make the rehearsal copy from the real meeting.',
};

// i17r (issue 17): the Chinese words of the codes whose core message is not a Chinese sentence.
const ZH: Partial<Record<ErrorCode, string>> = {
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
