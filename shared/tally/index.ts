/**
 * The tally's public API: pure functions from ballots to exact, explained, ranked results.
 * The rational arithmetic (exact-number.ts) stays internal; callers get ExactFigure values.
 */
export type { ExactFigure } from './figure';
export type { GroupSummary, RedactedGroupFigures } from './group-summary';
export type { GroupWeights } from './input-checks';
export { checkGradedInput, checkVetoes, checkWorstInput, meetingKindOf, tallyFail } from './input-checks';
export { hundredthsOf } from './figure';
export type { RankingMode, RankOrder, Veto } from './ranking';
export { compareByName, partitionByCategory, rankObjects } from './ranking';
export type {
  Explanation,
  ExplanationLocale,
  ExplanationStep,
  GroupTerm,
  HiddenReason,
  MissingReason,
} from './explanation';
export { formatExplanation, GROUP_LABELS } from './explanation';
export type {
  GradedGroupFigures,
  GradedGroupResult,
  GradedMeetingInput,
  GradedMeetingTally,
  GradedObjectResult,
  IndicatorFigures,
} from './graded-tally';
export { tallyGradedMeeting } from './graded-tally';
export type {
  CombineRoundInput,
  ComponentPoints,
  MissingComponent,
  RoundRanking,
  RoundResult,
  RoundRow,
} from './combine-round';
export { checkRoundInput, combineRound } from './combine-round';
export type {
  TagCount,
  WorstGroupFigures,
  WorstGroupResult,
  WorstMeetingInput,
  WorstMeetingTally,
  WorstObjectResult,
  WorstTopEntry,
} from './worst-tally';
export { DEFAULT_TOP_N, tallyWorstMeeting } from './worst-tally';
export { redactRoundSteps, redactSmallGroups } from './redaction';
export type { PrintedMeetingRow, PrintedRoundRow, RoundingMode } from './printed-arithmetic';
export {
  checkPrintedMeetingRow,
  checkPrintedRoundRow,
  DEFAULT_ROUNDING_MODE,
  PART_DIGITS_EXACT,
  partDigits,
  partText,
  ROUNDING_MODES,
  roundToDigits,
} from './printed-arithmetic';
export type { PublishedGroup, PublishedWorstFigures } from './small-group-check';
export { combinedRateOf, ratesArePublishable, solutionsFor } from './small-group-check';
export type { FittingScores, GradedScoreRules, GradedVerdict, GradedWithholdReason, PublishedGradedObject } from './graded-small-group-check';
export { gradedScoresArePublishable, smallGroupScoresFitting } from './graded-small-group-check';
export type { AnswersVerdict, PublishedAnswers } from './incomplete-row-check';
export { answeredCountsFitting, answersArePublishable, publishedAnswersOf, publishedNamesMissingGroups } from './incomplete-row-check';
