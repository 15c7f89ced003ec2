/** Rows exactly as SQLite returns them (snake_case); services map them to domain types. */

export interface MeetingRow {
  id: string;
  round_id: string;
  kind: string;
  ballot_type: string;
  title: string;
  held_on: string;
  place: string;
  status: string;
  settings_json: string;
  frozen_json: string | null;
  composition_override: string | null;
  attendance_override: string | null;
  position: number;
  /** 'pending' from the close transaction until the close's anonymisation has finished. */
  anonymisation?: string | null;
  /** A rehearsal's real meeting (i17r); null for a real meeting. */
  rehearsal_of?: string | null;
}

export interface MeetingListRow extends MeetingRow {
  round_name: string;
  campaign_name: string;
}

export interface ObjectRow {
  id: string;
  round_id: string;
  name: string;
  department: string;
  category: string;
  indicator_set_id: string;
  position: number;
  /** The object's lineage across rounds (i16); NULL only in rows written before it existed. */
  object_key?: string | null;
}

export interface IndicatorSetRow {
  id: string;
  name: string;
  builtin: number;
  indicators_json: string;
}

export interface CodeRow {
  hash: string;
  meeting_id: string;
  voter_group: string;
  state: string;
  tag: string | null;
}

export interface BallotRow {
  id: string;
  meeting_id: string;
  voter_group: string;
  content_json: string;
}

export interface CampaignRow {
  id: string;
  name: string;
  position: number;
}

export interface RoundRow {
  id: string;
  campaign_id: string;
  name: string;
  position: number;
  category_sets_json: string;
  /** 1 for a rehearsal's own round. */
  rehearsal?: number;
  settings_json: string;
}

export interface RepresentativeRow {
  id: string;
  meeting_id: string;
  name: string;
  unit: string;
  category: string;
  position: number;
  checked_in: number;
}
