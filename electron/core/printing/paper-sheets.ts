/**
 * The two sheets of paper ballots (issue 17 part 1): the blank 纸质评议表 (one per voter group,
 * printed with the group as the code slip is, never with a serial number) and the 纸质票录入核对表
 * (the paper pile reconciled per group with 实到, the 无效票 and their rules, for signing).
 */
import type { Store } from '../store/database';
import type { PaperBallotObject, PaperBallotSheet, PaperReconciliationSheet } from '../../../shared/api/chair/printing';
import { groupsOf, type MeetingKind } from '../../../shared/domain/model';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { mayPrintResults, meetingStatus } from '../../../shared/domain/lifecycle';
import { paperBallotInstructions } from '../../../shared/rules/paper-text';
import { meetingDefinition } from '../services/meetings';
import { invalidPaperBallots, paperReconciliation } from '../services/paper';
import { meetingBallotTexts } from '../services/results';
import { shortFingerprint, storedBallotSetDigest } from './fingerprint';
import { meetingState, sheetHeader } from './sheet-header';

/** 纸质评议表: the meeting's definition laid out for pen and paper, one copy per group. */
export function paperBallotSheet(store: Store, meetingId: string): Result<PaperBallotSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { header, row } = found.value;
  const definition = meetingDefinition(store, row);
  const objects: PaperBallotObject[] = definition.objects.map((o, index) => ({ seq: index + 1, name: o.name, department: o.department }));
  const sections =
    definition.ballotType === 'graded'
      ? definition.indicatorSets.map((set) => ({
          setName: set.name,
          indicators: set.indicators.map((i) => i.name),
          objects: objects.filter((_, index) => definition.objects[index]?.indicatorSetId === set.id),
        }))
      : [];
  return ok({
    sheet: 'paperBallot',
    header,
    ballotType: definition.ballotType,
    groups: groupsOf(row.kind as MeetingKind),
    sections: sections.filter((s) => s.objects.length > 0),
    grades: definition.settings.gradeScale.map((g) => g.label),
    objects: definition.ballotType === 'worst' ? objects : [],
    tags: (definition.tagSet?.indicators ?? []).map((t) => t.name),
    worstK: definition.settings.worstK,
    instructions: paperBallotInstructions(definition.ballotType, definition.settings),
  });
}

/** 纸质票录入核对表: after close, electronic + paper + not returned = 实到 per group, signed. */
export function paperReconciliationSheet(store: Store, meetingId: string): Result<PaperReconciliationSheet> {
  const found = sheetHeader(store, meetingId);
  if (!found.ok) return found;
  const { header, row } = found.value;
  if (!mayPrintResults(meetingStatus(row.status))) return fail('voting_not_closed', { action: 'print' });
  return ok({
    sheet: 'paperReconciliation',
    header: { ...header, resultState: meetingState(store, row) },
    rows: paperReconciliation(store, row),
    invalid: invalidPaperBallots(store, row),
    fingerprint: shortFingerprint(storedBallotSetDigest([{ meetingId, ballots: meetingBallotTexts(store, meetingId) }])),
  });
}
