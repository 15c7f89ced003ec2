/**
 * What of a meeting's results may leave the room (the results export, the round export, the
 * projector): where a voter group is below the small-group threshold, the figures are published
 * only if the check in shared/ proves, for this meeting's actual numbers, that no small group's
 * figure follows from them (graded: shared/tally/graded-small-group-check.ts; worst-list:
 * shared/tally/small-group-check.ts). Otherwise the published outputs carry ranks (and, for a
 * worst-list, the main problems) only, and the internal signed sheet says what was withheld and why.
 */
import type { MeetingPublication } from '../../../../shared/api/chair/results';
import type { MeetingDefinition } from '../../../../shared/domain/ballot-rules';
import { answersArePublishable, gradedScoresArePublishable, publishedAnswersOf, ratesArePublishable, type PublishedGroup, type RoundingMode } from '../../../../shared/tally';
import type { VoterGroup } from '../../../../shared/domain/model';
import { oncePerBallotSet } from './tally-memo';

/**
 * A graded meeting's verdict for the scores it would publish (printed strings, null when
 * incomplete) and for what its rows say about answers (the groups that gave none).
 */
export function gradedPublication(
  definition: MeetingDefinition,
  groups: readonly PublishedGroup[],
  objects: readonly { readonly objectId: string; readonly score: string | null; readonly missingGroups: readonly VoterGroup[] }[],
  mode: RoundingMode,
  ballotSetVersion: string | null,
): MeetingPublication {
  const compute = (): MeetingPublication => {
    const settings = definition.settings;
    const sets = new Map(definition.indicatorSets.map((s) => [s.id, s.indicators.map((i) => i.weight)]));
    const setOf = new Map(definition.objects.map((o) => [o.id, o.indicatorSetId]));
    const gradePoints = settings.gradeScale.map((g) => g.points);
    const verdict = gradedScoresArePublishable(
      groups,
      objects.map((o) => ({
        score: o.score,
        rules: { indicatorWeights: sets.get(setOf.get(o.objectId) ?? '') ?? [], gradePoints, abstentions: !settings.requireAllAnswered, mode },
      })),
      settings.smallGroupK,
    );
    if (!verdict.publishable) return { figuresWithheld: true, reason: verdict.reason };
    // i13: a row's complete/incomplete mark is a count too (incomplete-row-check.ts).
    const answers = answersArePublishable(groups, objects.map((o) => publishedAnswersOf(groups, settings.smallGroupK, o.missingGroups)), settings.smallGroupK);
    return answers.publishable ? { figuresWithheld: false, reason: null } : { figuresWithheld: true, reason: 'answered' };
  };
  // The check enumerates group scores: once per ballot set and mode, like the tally.
  return oncePerBallotSet(ballotSetVersion, `publication:${mode}`, compute);
}

/** A worst-list meeting's verdict for its combined rates. */
export function worstPublication(groups: readonly PublishedGroup[], rates: readonly (string | null)[], smallGroupK: number, mode: RoundingMode): MeetingPublication {
  const publishable = ratesArePublishable(
    groups,
    rates.map((rate) => ({ rate, nominations: null })),
    smallGroupK,
    mode,
  );
  return { figuresWithheld: !publishable, reason: publishable ? null : 'determined' };
}
