/**
 * Meeting setup (issue 3): campaigns → rounds → meetings, the round's evaluation objects and its
 * category → indicator-set mapping, custom indicator sets, each meeting's roster and settings,
 * import previews and exports. Texts arrive loosely bounded here; the services check emptiness,
 * length and duplicates so that the person gets a message naming the field, not "bad input".
 */
import { z } from 'zod';
import type { BallotType, IndicatorSet, MeetingKind, MeetingSettings, MeetingStatus, RepresentativeCategory, RoundSettings, VoterGroup } from '../../domain/model';
import type { CompositionCheck } from '../../setup/composition';
import type { ObjectDraft } from '../../setup/objects';
import type { RepresentativeDraft } from '../../setup/roster';
import type { ImportPreview } from '../../setup/table';
import type { ErrorCode } from '../../domain/errors';
import type { ErrorParams } from '../../domain/result';
import { id, meetingRef } from './common';
import { roundSettingsInputSchema, settingsInputSchema } from '../../domain/settings';
import { REPRESENTATIVE_CATEGORY_IDS } from '../../domain/voter-groups';

/** Largest import file accepted, in bytes (the core refuses bigger ones with a message saying so). */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Largest base64 text the schema lets through: four times the limit, so that a 10 MB file still
 * reaches the core and gets a sentence ("文件太大…") rather than a generic input error.
 */
const MAX_BASE64_CHARS = Math.ceil((4 * MAX_IMPORT_FILE_BYTES * 4) / 3) + 4;

const text = z.string().max(1000);
const confirm = z.literal(true);
const kind = z.enum(['social', 'self']);
const ballotType = z.enum(['graded', 'worst']);
const category = z.enum(REPRESENTATIVE_CATEGORY_IDS);
const format = z.enum(['csv', 'xlsx']);
const importMode = z.enum(['replace', 'append']);
const file = { fileName: z.string().min(1).max(255), base64: z.string().max(MAX_BASE64_CHARS) };

const settingsSchema = settingsInputSchema;
const indicatorSchema = z.strictObject({ id: id.optional(), name: text, description: text, weight: z.number() });

export const setupInputs = {
  setupTree: z.strictObject({}),
  createCampaign: z.strictObject({ name: text }),
  renameCampaign: z.strictObject({ campaignId: id, name: text }),
  removeCampaign: z.strictObject({ campaignId: id, confirm }),
  createRound: z.strictObject({ campaignId: id, name: text }),
  renameRound: z.strictObject({ roundId: id, name: text }),
  removeRound: z.strictObject({ roundId: id, confirm }),
  /** Objects, category mapping, meetings with rosters and settings; every meeting a draft, no codes, no ballots. */
  copyRound: z.strictObject({ roundId: id, name: text }),
  createMeeting: z.strictObject({ roundId: id, title: text, kind, ballotType, heldOn: text.optional(), place: text.optional() }),
  updateMeetingDetails: z.strictObject({ meetingId: id, title: text, heldOn: text, place: text, kind, ballotType }),
  removeMeeting: z.strictObject({ meetingId: id, confirm }),
  /** A draft copy in the same round: details, settings, roster (nobody checked in), override reason. */
  copyMeeting: z.strictObject({ meetingId: id, title: text }),

  meetingSetup: meetingRef,

  addObject: z.strictObject({ roundId: id, name: text, department: text, category: text }),
  updateObject: z.strictObject({ objectId: id, name: text, department: text, category: text }),
  removeObject: z.strictObject({ objectId: id, confirm }),
  /** The round's objects in their new order: exactly the round's object ids, each once. */
  reorderObjects: z.strictObject({ roundId: id, objectIds: z.array(id).max(5000) }),
  setCategorySet: z.strictObject({ roundId: id, category: text, indicatorSetId: id }),
  previewObjectsImport: z.strictObject({ roundId: id, mode: importMode, ...file }),
  /** Saves the rows the preview showed as valid; with bad rows present only when `skipInvalid` is set. */
  /**
   * i16: `renames` are the likely renames of previewObjectLineage that the secretary confirmed (the
   * row continues that lineage); rows matching the previous round on department + name continue theirs.
   */
  importObjects: z.strictObject({
    roundId: id,
    mode: importMode,
    skipInvalid: z.boolean(),
    ...file,
    renames: z.array(z.strictObject({ department: text, name: text, objectKey: id })).max(5000).optional(),
  }),
  exportObjects: z.strictObject({ roundId: id, format }),

  /** Creates a custom set (no id) or replaces a custom set's name and indicators. */
  saveIndicatorSet: z.strictObject({ indicatorSetId: id.optional(), name: text, indicators: z.array(indicatorSchema).max(50) }),
  removeIndicatorSet: z.strictObject({ indicatorSetId: id, confirm }),

  addRepresentative: z.strictObject({ meetingId: id, name: text, unit: text, category }),
  updateRepresentative: z.strictObject({ representativeId: id, name: text, unit: text, category }),
  removeRepresentative: z.strictObject({ representativeId: id, confirm }),
  /** The meeting's roster in its new order (the sign-in sheet's order): exactly its people, each once. */
  reorderRoster: z.strictObject({ meetingId: id, representativeIds: z.array(id).max(5000) }),
  previewRosterImport: z.strictObject({ meetingId: id, mode: importMode, ...file }),
  importRoster: z.strictObject({ meetingId: id, mode: importMode, skipInvalid: z.boolean(), ...file }),
  exportRoster: z.strictObject({ meetingId: id, format }),
  /** A written reason to go ahead although the roster breaks the 30 %/70 % rule; null or blank removes it. */
  setCompositionOverride: z.strictObject({ meetingId: id, reason: text.nullable() }),

  updateSettings: z.strictObject({ meetingId: id, settings: settingsSchema }),
  // i15: the round's own settings (component points), shown with the meeting's settings.
  updateRoundSettings: z.strictObject({ roundId: id, settings: roundSettingsInputSchema }),
} as const;

export interface TreeMeeting {
  readonly id: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly ballotType: BallotType;
  readonly status: MeetingStatus;
  /** Ballots have been cast: the meeting is a record and can no longer be removed. */
  readonly hasBallots: boolean;
  /** A rehearsal (演练): the real meeting's id; null for a real meeting. */
  readonly rehearsalOf: string | null;
}

export interface TreeRound {
  readonly id: string;
  readonly name: string;
  readonly meetings: readonly TreeMeeting[];
}

export interface TreeCampaign {
  readonly id: string;
  readonly name: string;
  readonly rounds: readonly TreeRound[];
}

export interface SetupObject {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly category: string;
  readonly indicatorSetId: string;
}

export interface SetupRepresentative {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly category: RepresentativeCategory;
  readonly group: VoterGroup;
}

/**
 * Why something cannot be edited, as the refusal an edit would get (its code and params): the
 * console words it in its language (shared/i18n/error-words.ts), core writes no sentence.
 */
export interface LockReason {
  readonly code: Extract<ErrorCode, 'meeting_frozen' | 'round_frozen' | 'indicator_set_frozen'>;
  readonly params: ErrorParams;
}

export interface IndicatorSetView extends IndicatorSet {
  readonly builtin: boolean;
  /** Why the set cannot be edited (built in, or used by a round whose voting has opened), or null. */
  readonly lock: LockReason | null;
  /** Objects (in any round) graded on this set. */
  readonly objectCount: number;
}

/** Everything the 准备 tab shows about one meeting. */
export interface MeetingSetup {
  readonly meeting: {
    readonly id: string;
    readonly roundId: string;
    readonly campaignId: string;
    readonly campaign: string;
    readonly round: string;
    readonly title: string;
    readonly heldOn: string;
    readonly place: string;
    readonly kind: MeetingKind;
    readonly ballotType: BallotType;
    readonly status: MeetingStatus;
  };
  /** Why this meeting's definition (details, roster, settings) is frozen, or null while it is a draft. */
  readonly lock: LockReason | null;
  /** Why the round's objects and category mapping are frozen (a meeting of the round has opened), or null. */
  readonly objectsLock: LockReason | null;
  readonly objects: readonly SetupObject[];
  /** The round's category → indicator set mapping (分类差异化考核); unmapped categories use 群众评科长. */
  readonly categorySets: readonly { readonly category: string; readonly indicatorSetId: string }[];
  readonly indicatorSets: readonly IndicatorSetView[];
  readonly settings: MeetingSettings;
  readonly defaults: MeetingSettings;
  /** The settings of the meeting's round (component points); frozen with the round's objects (objectsLock). */
  readonly roundSettings: RoundSettings;
  readonly roundDefaults: RoundSettings;
  readonly roster: readonly SetupRepresentative[];
  /** The 30 %/70 % check of a social meeting's roster; null for self-evaluation (one group, no rule). */
  readonly composition: CompositionCheck | null;
  readonly compositionOverride: string | null;
}

/** What an import would do, before anything is saved. */
export interface ImportPreviewResult<T> {
  readonly fileName: string;
  readonly encoding: string;
  readonly sheetName: string | null;
  readonly mode: 'replace' | 'append';
  readonly preview: ImportPreview<T>;
}

export interface ImportDone {
  readonly imported: number;
  readonly skipped: number;
}

/** A file for the console to offer as a download. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
}

export interface SetupOutputs {
  setupTree: readonly TreeCampaign[];
  createCampaign: { readonly id: string };
  renameCampaign: { readonly id: string };
  removeCampaign: { readonly id: string };
  createRound: { readonly id: string };
  renameRound: { readonly id: string };
  removeRound: { readonly id: string };
  copyRound: { readonly id: string };
  createMeeting: TreeMeeting;
  updateMeetingDetails: TreeMeeting;
  removeMeeting: { readonly id: string };
  copyMeeting: TreeMeeting;
  meetingSetup: MeetingSetup;
  addObject: SetupObject;
  updateObject: SetupObject;
  removeObject: { readonly id: string };
  reorderObjects: readonly SetupObject[];
  setCategorySet: { readonly category: string; readonly indicatorSetId: string };
  previewObjectsImport: ImportPreviewResult<ObjectDraft>;
  importObjects: ImportDone;
  exportObjects: ExportedFile;
  saveIndicatorSet: IndicatorSetView;
  removeIndicatorSet: { readonly id: string };
  addRepresentative: SetupRepresentative;
  updateRepresentative: SetupRepresentative;
  removeRepresentative: { readonly id: string };
  reorderRoster: readonly SetupRepresentative[];
  previewRosterImport: ImportPreviewResult<RepresentativeDraft>;
  importRoster: ImportDone;
  exportRoster: ExportedFile;
  setCompositionOverride: { readonly reason: string | null };
  updateSettings: MeetingSettings;
  updateRoundSettings: RoundSettings;
}
