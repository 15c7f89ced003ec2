/**
 * The closed catalogue of error codes the chair side answers with. `fail()` accepts only these,
 * so a new failure is added here first; the chair console's i18n (shared/i18n/error-words.ts)
 * words each one in Chinese and English. The tablet API keeps its own TABLET_ERRORS
 * (shared/api/tablet-schemas.ts). Codes of the tally's own input checks start with `tally.`;
 * core passes them on as `tally_input`.
 */
export const ERROR_CODES = [
  // Finding things
  'meeting_not_found',
  'campaign_not_found',
  'round_not_found',
  'object_not_found',
  'indicator_set_not_found',
  'representative_not_found',
  'code_not_found',
  'veto_not_found',
  // The lifecycle says no
  'meeting_frozen',
  'round_frozen',
  'indicator_set_frozen',
  'indicator_set_in_use',
  'meeting_closed',
  'voting_not_closed',
  // Closed, but the close's anonymisation has not finished yet (a full disk): retry the close.
  'anonymisation_pending',
  'results_official',
  'bad_transition',
  'attendance_rule',
  'override_not_needed',
  'remove_refused',
  'ballots_exist',
  // Fields and settings
  'field_empty',
  'field_too_long',
  'field_invalid',
  'settings_invalid',
  'duplicate_name',
  'reorder_mismatch',
  'weights_empty',
  'weight_invalid',
  'weights_total',
  'veto_reason',
  'roster_empty',
  // Codes
  'malformed_code',
  'code_used',
  'already_voided',
  // Imports, exports, re-tally
  'import_bad_upload',
  'import_too_large',
  'import_empty',
  'import_not_table',
  'import_not_excel',
  'import_xlsx_unreadable',
  'import_no_rows',
  'import_missing_columns',
  'import_nothing_valid',
  'import_wrong_kind',
  'import_csv_quote',
  'import_legacy_office',
  'import_has_errors',
  'not_ballot_file',
  'bad_ballot_file',
  'tally_input',
  // Printing
  'wrong_sheet',
  'handoff_missing',
  'handoff_gone',
  'pdf_failed',
  'not_available',
  // i17p (issue 17 part 1): paper ballots keyed in twice
  'paper_not_now',
  'paper_entry_not_found',
  'paper_entry_stage',
  'paper_choice_missing',
  'paper_entries_pending',
  // The host and the wire
  'unknown_address',
  'bind_failed',
  'busy',
  'not_ready',
  'bad_input',
  'unknown_method',
  // The chair server without its token (a stale or hand-typed address).
  'unauthorized',
  'internal',
  // i17r (issue 17): rehearsals (演练) and the audit trail
  // A rehearsal's results never become official.
  'rehearsal_not_official',
  // Opening a real meeting while its rehearsal still votes: the console asks, then opens with despiteRehearsal.
  'rehearsal_open',
  // Wiping or rehearsing something that is not (or already is) a rehearsal.
  'not_rehearsal',
  'rehearsal_of_rehearsal',
  // The tally's own input checks (shared/tally), wrapped by core as tally_input
  'tally.settings',
  'tally.meeting',
  'tally.indicators',
  'tally.groups',
  'tally.grades',
  'tally.objects',
  'tally.weights',
  'tally.veto',
  'tally.ballot',
  // i16 (issue 16): rounds over time
  'followup_not_found',
  'lineage_conflict',
  'lineage_same',
  'history_import_columns',
  'history_import_rows',
  // i15: a round's component points (params: part and value; the total)
  'points_invalid',
  'points_total',
  // i15: the chair's alarms (ChairEvent 'alarm'), worded like errors: a tablet or the room guessing
  // codes (its attempts slowed), and a batch of ballots the disk refused (params: detail).
  'alarm_guessing_client',
  'alarm_guessing_room',
  'storage_write_failed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** True when `code` is in the catalogue (an answer from a newer or older core may not be). */
export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** The codes of the tally's own input checks, without their `tally.` prefix. */
export type TallyCheck = Extract<ErrorCode, `tally.${string}`> extends `tally.${infer C}` ? C : never;
