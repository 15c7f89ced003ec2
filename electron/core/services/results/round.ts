/**
 * A round's totals: the self-evaluation meeting and the social meeting of the round combined
 * with combineRound (the round's componentPoints setting, 50 + 50 by default).
 * Only meetings whose voting has closed count; a component without one is named as missing.
 */
import type { Store } from '../../store/database';
import type { MeetingRow } from '../../store/rows';
import { getCampaign, getRound, meetingsOfRound, type Meeting } from '../../store/meetings';
import { objectsOfRound } from '../../store/objects';
import type { MeetingPublication, RoundComponent, RoundResultRow, RoundResults } from '../../../../shared/api/chair/results';
import { groupsOf, type EvalObject, type MeetingKind, type MeetingStatus, type VoterGroup } from '../../../../shared/domain/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/defaults';
import {
  checkRoundInput,
  combineRound,
  DEFAULT_ROUNDING_MODE,
  partText,
  redactRoundSteps,
  redactSmallGroups,
  type RoundingMode,
  type ExplanationStep,
  type GradedMeetingTally,
  type Veto,
} from '../../../../shared/tally';
import { findMeeting } from '../meetings';
import { checkMeetingData, formulaLines, groupWeightsOf, type ResultsView } from './compute';
import { loadMeetingData, type MeetingData } from './meeting-data';
import { resultsAvailable } from '../../../../shared/domain/lifecycle';
import { tallyGradedOnce } from './tally-memo';
import { gradedPublication } from './publication';

const KIND_NAMES: Record<MeetingKind, string> = { self: '单位自评', social: '社会测评' };

interface ChosenComponent {
  readonly component: RoundComponent;
  readonly data: MeetingData | null;
  readonly meeting: Meeting | null;
}

/**
 * The meetings a round's totals combine, from the round's meeting rows alone (no tally): the last
 * closed graded meeting of each kind, as chooseComponent picks them. Cheap enough for a file name.
 */
export function roundComponentRows(meetings: readonly MeetingRow[]): readonly MeetingRow[] {
  const out: MeetingRow[] = [];
  for (const kind of ['self', 'social'] as const) {
    const chosen = meetings.filter((m) => m.kind === kind && m.ballot_type === 'graded' && resultsAvailable(m.status as MeetingStatus)).at(-1);
    if (chosen !== undefined) out.push(chosen);
  }
  return out;
}

/**
 * Picks the component meeting of one kind: the last graded meeting of that kind whose voting
 * has closed. A meeting still in preparation or voting is named, but not counted.
 */
function chooseComponent(store: Store, meetings: readonly Meeting[], kind: MeetingKind): Result<ChosenComponent> {
  const candidates = meetings.filter((m) => m.kind === kind && m.ballotType === 'graded');
  const closed = candidates.filter((m) => resultsAvailable(m.status));
  const chosen = closed.at(-1);
  if (chosen === undefined) {
    const waiting = candidates.at(-1);
    const note = waiting === undefined ? `本轮没有${KIND_NAMES[kind]}会议` : `“${waiting.title}”投票尚未结束，未计入`;
    return ok({
      component: {
        component: kind,
        meetingId: waiting?.id ?? null,
        title: waiting?.title ?? null,
        status: waiting?.status ?? null,
        used: false,
        note,
        publication: null,
      },
      data: null,
      meeting: waiting ?? null,
    });
  }
  const data = loadMeetingData(store, chosen.id);
  if (!data.ok) return data;
  const checked = checkMeetingData(data.value);
  if (!checked.ok) return checked;
  const note = closed.length > 1 ? `本轮有 ${closed.length} 场${KIND_NAMES[kind]}会议已结束，计入最后一场` : '';
  return ok({
    // The verdict needs the tally under the round's rounding mode: filled in by roundResults.
    component: { component: kind, meetingId: chosen.id, title: chosen.title, status: chosen.status, used: true, note, publication: null },
    data: data.value,
    meeting: chosen,
  });
}

function tallyOf(data: MeetingData | null, roundingMode: RoundingMode): GradedMeetingTally | null {
  if (data === null) return null;
  const { definition, kind } = data;
  return tallyGradedOnce({
    objects: definition.objects,
    indicatorSets: definition.indicatorSets,
    gradeScale: definition.settings.gradeScale,
    groups: groupsOf(kind),
    groupWeights: groupWeightsOf(kind, definition.settings),
    smallGroupK: definition.settings.smallGroupK,
    ballots: data.ballots,
    roundingMode,
  }, data.ballotSetVersion);
}

/**
 * Whether a component's scores may appear on the published round outputs (i13). In exact mode the
 * round prints its parts with 4 decimals, finer than the 2-decimal figures the check proves
 * safe, so a meeting with a small group is then withheld without trying.
 */
function componentPublication(data: MeetingData | null, tally: GradedMeetingTally | null, roundingMode: RoundingMode): MeetingPublication | null {
  if (data === null || tally === null) return null;
  const small = tally.groups.some((g) => g.ballots > 0 && g.ballots < tally.smallGroupK);
  if (roundingMode === 'exact' && small) return { figuresWithheld: true, reason: 'unproven' };
  const objects = tally.objects.map((o) => ({ objectId: o.objectId, score: o.score?.rounded ?? null, missingGroups: o.missingGroups }));
  return gradedPublication(data.definition, tally.groups, objects, roundingMode, data.ballotSetVersion);
}

/** A round's name and its campaign's, as the round's sheet and files are titled; null when unknown. */
export function roundNames(store: Store, roundId: string): { readonly round: string; readonly campaign: string } | null {
  const round = getRound(store, roundId);
  const campaign = round === null ? null : getCampaign(store, round.campaignId);
  return round === null || campaign === null ? null : { round: round.name, campaign: campaign.name };
}

/** The round's combined ranking; `roundId`, or the round of `meetingId`. */
export function roundResults(
  store: Store,
  input: { readonly roundId?: string | undefined; readonly meetingId?: string | undefined } & ResultsView,
): Result<RoundResults> {
  let roundId = input.roundId;
  if (roundId === undefined) {
    const meeting = findMeeting(store, input.meetingId ?? '');
    if (!meeting.ok) return meeting;
    roundId = meeting.value.round_id;
  }
  const round = getRound(store, roundId);
  const campaign = round === null ? null : getCampaign(store, round.campaignId);
  if (round === null || campaign === null) return fail('round_not_found');
  const meetings = meetingsOfRound(store, roundId);

  const social = chooseComponent(store, meetings, 'social');
  if (!social.ok) return social;
  const self = chooseComponent(store, meetings, 'self');
  if (!self.ok) return self;
  if (!social.value.component.used && !self.value.component.used) {
    return fail('voting_not_closed', { action: 'round_results' });
  }

  // Objects as the closed meetings froze them, then any object of the round they did not include.
  const objects: EvalObject[] = [];
  const seen = new Set<string>();
  const add = (object: EvalObject): void => {
    if (seen.has(object.id)) return;
    seen.add(object.id);
    objects.push(object);
  };
  for (const chosen of [social.value, self.value]) for (const object of chosen.data?.definition.objects ?? []) add(object);
  for (const object of objectsOfRound(store, roundId)) add(object);

  // The points are the round's own setting (RoundSettings).
  const componentPoints = round.settings.componentPoints;
  // One chain for the whole round: the rounding mode of the social meeting, else the self one's.
  const rulesSettings = (social.value.meeting ?? self.value.meeting)?.settings ?? DEFAULT_SETTINGS;
  const roundingMode = rulesSettings.roundingMode ?? DEFAULT_ROUNDING_MODE;
  const vetoes: Veto[] = [];
  for (const chosen of [social.value, self.value]) {
    for (const veto of chosen.data?.vetoes ?? []) {
      if (!vetoes.some((v) => v.objectId === veto.objectId && v.reason === veto.reason)) vetoes.push(veto);
    }
  }

  const socialTally = tallyOf(social.value.data, roundingMode);
  const selfTally = tallyOf(self.value.data, roundingMode);
  const order = input.order ?? 'best-first';
  const combineInput = {
    objects,
    self: selfTally,
    social: socialTally,
    componentPoints,
    vetoes,
    roundingMode,
    options: { order, byCategory: input.byCategory ?? false },
  };
  const checked = checkRoundInput(combineInput);
  if (!checked.ok) return fail('tally_input', { scope: 'round', check: checked.error.code, detail: checked.error.params?.['detail'] ?? checked.error.code }, checked.error.details);
  const combined = combineRound(combineInput);

  // The per-meeting steps shown with each row come from redacted tallies: no hidden group's numbers.
  // Each tally is redacted once (not once per row) and its objects looked up by id.
  const stepsById = (tally: GradedMeetingTally | null): ReadonlyMap<string, readonly ExplanationStep[]> =>
    new Map(tally === null ? [] : redactSmallGroups(tally).objects.map((o) => [o.objectId, o.explanation.steps] as const));
  const socialSteps = stepsById(socialTally);
  const selfSteps = stepsById(selfTally);
  const stepsOf = (steps: ReadonlyMap<string, readonly ExplanationStep[]>, objectId: string): readonly ExplanationStep[] => steps.get(objectId) ?? [];
  const hiddenIn = (tally: GradedMeetingTally | null): ReadonlySet<VoterGroup> => new Set(tally?.groups.filter((g) => g.hidden).map((g) => g.group) ?? []);
  const hidden = { social: hiddenIn(socialTally), self: hiddenIn(selfTally) };
  const hiddenOf = (component: MeetingKind): ReadonlySet<VoterGroup> => hidden[component];

  return ok({
    roundId,
    round: round.name,
    campaign: campaign.name,
    order: combined.order,
    byCategory: combined.byCategory,
    componentPoints: combined.componentPoints,
    roundingMode,
    components: [
      { ...social.value.component, publication: componentPublication(social.value.data, socialTally, roundingMode) },
      { ...self.value.component, publication: componentPublication(self.value.data, selfTally, roundingMode) },
    ],
    rankings: combined.rankings.map((ranking) => ({
      category: ranking.category,
      rows: ranking.rows.map(
        (row): RoundResultRow => ({
          rank: row.rank,
          objectId: row.objectId,
          name: row.name,
          department: row.department,
          category: row.category,
          selfScore: row.selfScore === null ? null : partText(row.selfScore, roundingMode),
          socialScore: row.socialScore === null ? null : partText(row.socialScore, roundingMode),
          selfPoints: row.selfPoints === null ? null : partText(row.selfPoints, roundingMode),
          socialPoints: row.socialPoints === null ? null : partText(row.socialPoints, roundingMode),
          total: row.total?.rounded ?? null,
          totalExact: row.total?.exact ?? null,
          incomplete: row.incomplete,
          missing: row.missing.map((m) => ({ component: m.component, reason: m.reason })),
          vetoed: row.vetoed,
          vetoReason: row.vetoReason,
          formula: formulaLines([...stepsOf(socialSteps, row.objectId), ...stepsOf(selfSteps, row.objectId), ...redactRoundSteps(row.explanation.steps, hiddenOf)]),
        }),
      ),
    })),
  });
}

