/**
 * Removing hidden groups' figures (small groups leak: with 3 officials a per-group breakdown of
 * one object is almost a vote). The tally keeps every figure so the score can be computed and
 * audited; whatever is shown on a screen, printed or exported goes through redactSmallGroups.
 */
import type { MeetingKind, VoterGroup } from '../domain/model';
import { assertNever } from '../domain/result';
import type { Explanation, ExplanationStep, GroupTerm } from './explanation';
import type { GradedMeetingTally } from './graded-tally';
import type { GroupSummary, RedactedGroupFigures } from './group-summary';
import type { WorstMeetingTally } from './worst-tally';

function redactedFigures(summary: GroupSummary): RedactedGroupFigures {
  const { group, weight, ballots, small, hidden, hiddenReason } = summary;
  return { group, weight, ballots, small, hidden, hiddenReason, redacted: true };
}

function redactTerms(terms: readonly GroupTerm[], hidden: ReadonlySet<VoterGroup>): readonly GroupTerm[] {
  // A hidden group without answers is 不公开 too, not 无评分: that would say all its members
  // skipped the object (i13: incomplete-row-check.ts).
  return terms.map((t) => (hidden.has(t.group) ? { ...t, figure: null, hidden: true } : t));
}

/**
 * Replaces every step of a hidden group that bears a figure, or says that the group gave no
 * answer for the object, by one `group-hidden` step: "the officials gave no answer" on an
 * object is a count (all 3 of them skipped it), so a published row says 数据不完整 without the
 * group (i13, incomplete-row-check.ts).
 */
function redactExplanation(explanation: Explanation, groups: readonly GroupSummary[], smallGroupK: number): Explanation {
  const hidden = new Map(groups.filter((g) => g.hidden).map((g) => [g.group, g]));
  const hiddenSet = new Set(hidden.keys());
  const marked = new Set<VoterGroup>();
  const steps: ExplanationStep[] = [];
  const hide = (group: VoterGroup): void => {
    if (marked.has(group)) return;
    marked.add(group);
    steps.push({ kind: 'group-hidden', group, reason: hidden.get(group)?.hiddenReason ?? 'small', smallGroupK });
  };
  for (const step of explanation.steps) {
    switch (step.kind) {
      case 'indicator-mean':
      case 'group-score':
        if (hidden.has(step.group)) hide(step.group);
        else steps.push(step);
        break;
      case 'nomination-rate':
        if (hidden.has(step.group) && step.rate !== null) hide(step.group);
        else steps.push(step);
        break;
      case 'meeting-score':
      case 'combined-rate':
        steps.push({ ...step, terms: redactTerms(step.terms, hiddenSet) });
        break;
      case 'group-missing':
        if (hidden.has(step.group)) hide(step.group);
        else steps.push(step);
        break;
      case 'group-hidden':
      case 'component-points':
      case 'component-missing':
      case 'total':
      case 'veto':
        steps.push(step);
        break;
      default:
        return assertNever(step, 'explanation step');
    }
  }
  return { steps };
}

/** A copy of a graded tally without hidden groups' figures, for anything shown or exported. */
export function redactSmallGroups(result: GradedMeetingTally): GradedMeetingTally;
/** A copy of a worst-list tally without hidden groups' figures, for anything shown or exported. */
export function redactSmallGroups(result: WorstMeetingTally): WorstMeetingTally;
/** Removes hidden groups' per-object figures and their explanation steps; idempotent. */
export function redactSmallGroups(result: GradedMeetingTally | WorstMeetingTally): GradedMeetingTally | WorstMeetingTally {
  const hidden = new Set(result.groups.filter((g) => g.hidden).map((g) => g.group));
  switch (result.type) {
    case 'graded':
      return {
        ...result,
        redacted: true,
        objects: result.objects.map((o) => ({
          ...o,
          groups: o.groups.map((g) => (hidden.has(g.group) ? redactedFigures(g) : g)),
          explanation: redactExplanation(o.explanation, result.groups, result.smallGroupK),
        })),
      };
    case 'worst':
      return {
        ...result,
        redacted: true,
        objects: result.objects.map((o) => ({
          ...o,
          groups: o.groups.map((g) => (hidden.has(g.group) ? redactedFigures(g) : g)),
          explanation: redactExplanation(o.explanation, result.groups, result.smallGroupK),
        })),
      };
    default:
      return assertNever(result, 'tally');
  }
}

/**
 * A round's own steps without a hidden group named: a component incomplete because a hidden group
 * gave no answer says 结果不完整 alone, as that meeting's own (redacted) steps do (i13,
 * incomplete-row-check.ts). `hidden` gives each component meeting's hidden groups.
 */
export function redactRoundSteps(steps: readonly ExplanationStep[], hidden: (component: MeetingKind) => ReadonlySet<VoterGroup>): ExplanationStep[] {
  return steps.map((step) => {
    if (step.kind !== 'component-missing') return step;
    const shown = step.missingGroups.filter((g) => !hidden(step.component).has(g));
    return shown.length === step.missingGroups.length ? step : { ...step, missingGroups: shown };
  });
}

