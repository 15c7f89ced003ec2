/**
 * History per campaign, per object and per round, from the stored rows (store/history.ts): no
 * ballot is read and nothing is tallied here, which is what keeps a 17-round campaign view fast.
 * The consequence rules are evaluated on the stored positions; the small-group rule needs no
 * redaction because only combined figures were ever stored.
 */
import type { Store } from '../../store/database';
import { getCampaign, getRound, listRounds } from '../../store/meetings';
import { objectsOfCampaign } from '../../store/objects';
import { historyOfCampaign } from '../../store/history';
import { followupsOfCampaign } from '../../store/followups';
import { rulesOfCampaign } from '../../store/consequence-rules';
import type { CampaignHistory, HistoryCell, HistoryLine, HistoryRoundView, ObjectHistory, RoundConsequences, Streaks } from '../../../../shared/api/chair/history';
import { rulesMet, type ConsequenceRule } from '../../../../shared/history/consequence-rules';
import { inGradedBottom, inWorstTop, roundsOfMeasure, streakEndingAt, type HistoryRound, type ObjectEntries } from '../../../../shared/history/consecutive';
import type { Followup, HistoryEntry, HistoryMeasure } from '../../../../shared/history/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';

/** Everything a campaign's history is computed from, read in four queries. */
interface CampaignData {
  readonly campaignId: string;
  readonly campaign: string;
  readonly rounds: readonly HistoryRound[];
  readonly measureRounds: Readonly<Record<HistoryMeasure, readonly HistoryRound[]>>;
  readonly entries: ReadonlyMap<string, ObjectEntries>;
  readonly followups: ReadonlyMap<string, readonly Followup[]>;
  readonly rules: readonly ConsequenceRule[];
  /** Lineage → the latest name, department and category, and its object id per round. */
  readonly objects: ReadonlyMap<string, { name: string; department: string; category: string; byRound: Map<string, string> }>;
  readonly all: readonly HistoryEntry[];
}

function loadCampaign(store: Store, campaignId: string): Result<CampaignData> {
  const campaign = getCampaign(store, campaignId);
  if (campaign === null) return fail('campaign_not_found');
  // A rehearsal's round (i17r) is never a round of the campaign's history: it neither shows nor breaks a streak.
  const rounds = listRounds(store)
    .filter((r) => r.campaignId === campaignId && !r.rehearsal)
    .map((r) => ({ roundId: r.id, name: r.name }));
  const all = historyOfCampaign(store, campaignId);
  const entries = new Map<string, Map<string, Partial<Record<HistoryMeasure, HistoryEntry>>>>();
  for (const e of all) {
    let byRound = entries.get(e.objectKey);
    if (byRound === undefined) entries.set(e.objectKey, (byRound = new Map()));
    byRound.set(e.roundId, { ...byRound.get(e.roundId), [e.measure]: e });
  }
  const followups = new Map<string, Followup[]>();
  for (const f of followupsOfCampaign(store, campaignId)) followups.set(f.objectKey, [...(followups.get(f.objectKey) ?? []), f]);
  const objects = new Map<string, { name: string; department: string; category: string; byRound: Map<string, string> }>();
  // Objects come by round order: the last one seen is the latest name.
  for (const o of objectsOfCampaign(store, campaignId)) {
    const known = objects.get(o.objectKey);
    const byRound = known?.byRound ?? new Map<string, string>();
    byRound.set(o.roundId, o.id);
    objects.set(o.objectKey, { name: o.name, department: o.department, category: o.category, byRound });
  }
  return ok({
    campaignId,
    campaign: campaign.name,
    rounds,
    measureRounds: { graded: roundsOfMeasure(rounds, all, 'graded'), worst: roundsOfMeasure(rounds, all, 'worst') },
    entries,
    followups,
    rules: rulesOfCampaign(store, campaignId),
    objects,
    all,
  });
}

/** The places that count as "bottom" in the campaign view: the first graded-bottom rule's, else 3. */
function bottomPlacesOf(rules: readonly ConsequenceRule[]): number {
  const rule = rules.find((r) => r.condition === 'graded-bottom' && r.enabled);
  return rule?.condition === 'graded-bottom' ? rule.places : 3;
}

const NO_ENTRIES: ObjectEntries = new Map();

function streaksOf(data: CampaignData, key: string, bottomPlaces: number): Streaks {
  const entries = data.entries.get(key) ?? NO_ENTRIES;
  const lastWorst = data.measureRounds.worst.at(-1)?.roundId;
  const lastGraded = data.measureRounds.graded.at(-1)?.roundId;
  const count = (measure: HistoryMeasure, last: string | undefined, hit: (e: HistoryEntry) => boolean): number =>
    last === undefined ? 0 : streakEndingAt(data.measureRounds[measure], entries, measure, last, hit).length;
  return {
    worstTop3: count('worst', lastWorst, inWorstTop(3)),
    worstTop10: count('worst', lastWorst, inWorstTop(10)),
    gradedBottom: count('graded', lastGraded, inGradedBottom(bottomPlaces)),
  };
}

function cellOf(data: CampaignData, key: string, roundId: string): HistoryCell {
  const entries = data.entries.get(key) ?? NO_ENTRIES;
  const here = entries.get(roundId);
  const followups = (data.followups.get(key) ?? []).filter((f) => f.roundId === roundId);
  const labels = followups.filter((f) => f.kind === 'label').map((f) => f.text);
  const rules = here === undefined && labels.length === 0 ? [] : rulesMet(data.rules, { roundId, measureRounds: data.measureRounds, entries, labels });
  const objectId = data.objects.get(key)?.byRound.get(roundId) ?? null;
  return { roundId, objectId, graded: here?.graded ?? null, worst: here?.worst ?? null, rules, followups: followups.length };
}

/** The lineages of a campaign: every object of its rounds and every stored entry. */
function lineages(data: CampaignData): { key: string; name: string; department: string; category: string }[] {
  const out = new Map<string, { key: string; name: string; department: string; category: string }>();
  for (const e of data.all) out.set(e.objectKey, { key: e.objectKey, name: e.name, department: e.department, category: e.category });
  for (const [key, o] of data.objects) out.set(key, { key, name: o.name, department: o.department, category: o.category });
  return [...out.values()];
}

function roundViews(data: CampaignData): HistoryRoundView[] {
  const graded = new Set(data.measureRounds.graded.map((r) => r.roundId));
  const worst = new Set(data.measureRounds.worst.map((r) => r.roundId));
  const sources = new Map<string, 'official' | 'import'>();
  for (const e of data.all) sources.set(e.roundId, e.source);
  return data.rounds.map((r) => ({ roundId: r.roundId, name: r.name, hasGraded: graded.has(r.roundId), hasWorst: worst.has(r.roundId), source: sources.get(r.roundId) ?? null }));
}

/** Objects × rounds of a campaign, with each round's rules met and the current streaks. */
export function campaignHistory(store: Store, campaignId: string): Result<CampaignHistory> {
  const data = loadCampaign(store, campaignId);
  if (!data.ok) return data;
  const d = data.value;
  const bottomPlaces = bottomPlacesOf(d.rules);
  const lines: HistoryLine[] = lineages(d).map((l) => ({
    objectKey: l.key,
    name: l.name,
    department: l.department,
    category: l.category,
    cells: d.rounds.map((r) => cellOf(d, l.key, r.roundId)),
    streaks: streaksOf(d, l.key, bottomPlaces),
  }));
  return ok({ campaignId, campaign: d.campaign, rounds: roundViews(d), lines, bottomPlaces });
}

/** One lineage's rounds with its entries and the rules met. */
export function objectHistory(store: Store, input: { campaignId: string; objectKey: string }): Result<ObjectHistory> {
  const data = loadCampaign(store, input.campaignId);
  if (!data.ok) return data;
  const d = data.value;
  const known = lineages(d).find((l) => l.key === input.objectKey);
  if (known === undefined) return fail('object_not_found');
  const bottomPlaces = bottomPlacesOf(d.rules);
  const followups = d.followups.get(input.objectKey) ?? [];
  return ok({
    campaignId: d.campaignId,
    campaign: d.campaign,
    objectKey: input.objectKey,
    name: known.name,
    department: known.department,
    category: known.category,
    rounds: d.rounds.map((r) => ({
      ...cellOf(d, input.objectKey, r.roundId),
      name: r.name,
      entries: followups.filter((f) => f.roundId === r.roundId),
    })),
    streaks: streaksOf(d, input.objectKey, bottomPlaces),
    bottomPlaces,
  });
}

/** The round's objects (and stored lineages) with the rules each meets in that round. */
export function roundConsequences(store: Store, roundId: string): Result<RoundConsequences> {
  const round = getRound(store, roundId);
  if (round === null) return fail('round_not_found');
  const data = loadCampaign(store, round.campaignId);
  if (!data.ok) return data;
  const d = data.value;
  const lines = lineages(d)
    .map((l) => {
      const cell = cellOf(d, l.key, roundId);
      const objectId = d.objects.get(l.key)?.byRound.get(roundId) ?? null;
      return { objectId, objectKey: l.key, name: cell.graded?.name ?? cell.worst?.name ?? l.name, department: cell.graded?.department ?? cell.worst?.department ?? l.department, graded: cell.graded, worst: cell.worst, rules: cell.rules };
    })
    .filter((l) => l.objectId !== null || l.graded !== null || l.worst !== null)
    // Worst-list position first (hardest first), then graded rank from the bottom.
    .sort((a, b) => (a.worst?.rank ?? Infinity) - (b.worst?.rank ?? Infinity) || (b.graded?.rank ?? -Infinity) - (a.graded?.rank ?? -Infinity));
  return ok({ roundId, round: round.name, campaign: d.campaign, recorded: d.all.some((e) => e.roundId === roundId), lines });
}
