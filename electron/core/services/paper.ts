/**
 * Paper ballots keyed in twice (issue 17 part 1, docs/paper-ballots.md). After voting has closed,
 * clerks key each returned paper ballot twice; the two entries are compared field by field:
 *   - they agree → the ballot is checked against the meeting's rules (shared ballotIssue): a valid
 *     one is stored in `ballots` exactly as close stores a tablet ballot (canonical JSON, a new
 *     random id, group and content only); one that breaks a rule is kept as a 无效票 with the rule;
 *   - they differ → the pair waits, its differing fields shown, until someone settles each field
 *     by looking at the paper.
 * The entry rows (label, clerks' names) are deleted in the transaction that accepts the pair, so
 * nothing about the order, time or clerk of an entry stays with a ballot.
 */
import type { Store } from '../store/database';
import type { EventHub } from '../events';
import type { MeetingRow } from '../store/rows';
import type { InvalidPaperBallot, PaperForm, PaperOutcome, PaperReconciliationRow, PaperView, PendingPaper } from '../../../shared/api/chair/paper';
import type { BallotContent, MeetingKind, VoterGroup } from '../../../shared/domain/model';
import { groupsOf } from '../../../shared/domain/model';
import { ballotIssue, type MeetingDefinition } from '../../../shared/domain/ballot-rules';
import { mayEnterPaperBallots, meetingStatus } from '../../../shared/domain/lifecycle';
import { isWholeInvalid, normalisePaperBallot, paperDifferences, paperEntryText, resolvePaperPair, wholeInvalidRule, type PaperEntryContent, type WholeInvalidReason } from '../../../shared/domain/paper-entry';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { fail, ok, type Result } from '../../../shared/domain/result';
import { withTransaction } from '../store/transaction';
import { ballotStore } from '../store/ballot-store';
import { checkpointIfIdle } from '../store/file-maintenance';
import {
  deletePaperEntry,
  getPaperEntry,
  insertInvalidBallot,
  insertPaperEntry,
  invalidBallotCounts,
  invalidBallots,
  nextPaperLabel,
  pendingPaperEntries,
  setSecondPaperEntry,
  type PaperEntryRecord,
} from '../store/paper';
import { newId } from '../ids';
import { findMeeting, meetingDefinition, turnout } from './meetings';
import { recordAudit } from './audit';

function formOf(definition: MeetingDefinition, kind: MeetingKind): PaperForm {
  return {
    ballotType: definition.ballotType,
    objects: definition.objects.map((o) => ({ id: o.id, name: o.name, department: o.department, indicatorSetId: o.indicatorSetId })),
    indicatorSets: definition.indicatorSets.map((s) => ({ id: s.id, name: s.name, indicators: s.indicators.map((i) => ({ id: i.id, name: i.name })) })),
    tags: (definition.tagSet?.indicators ?? []).map((t) => ({ id: t.id, name: t.name })),
    grades: definition.settings.gradeScale.map((g) => g.label),
    worstK: definition.settings.worstK,
    groups: groupsOf(kind),
  };
}

/** An entry's or a kept 无效票's content (written by paperEntryText / accept, so trusted as such). */
function parseContent(json: string): PaperEntryContent {
  return JSON.parse(json) as PaperEntryContent;
}

function pendingView(definition: MeetingDefinition, entry: PaperEntryRecord): PendingPaper {
  const conflict = entry.secondJson !== null;
  return {
    id: entry.id,
    label: entry.label,
    group: entry.group,
    stage: conflict ? 'conflict' : 'awaiting-second',
    firstClerk: entry.firstClerk,
    secondClerk: entry.secondClerk,
    differences: conflict ? paperDifferences(definition, parseContent(entry.firstJson), parseContent(entry.secondJson ?? entry.firstJson)) : [],
  };
}

/**
 * The reconciliation per group. Tablet ballots are the codes used (each stored ballot used
 * exactly one code); the stored ballots beyond them are the accepted paper ballots. So the
 * counts come from what is stored, with no mark on any ballot saying where it came from.
 */
export function paperReconciliation(store: Store, meeting: MeetingRow): PaperReconciliationRow[] {
  const invalid = invalidBallotCounts(store, meeting.id);
  const pending = pendingPaperEntries(store, meeting.id);
  return turnout(store, meeting).map((g) => {
    const electronic = g.codesUsed;
    const paperValid = Math.max(0, g.ballots - g.codesUsed);
    const paperInvalid = invalid.get(g.group) ?? 0;
    const paperPending = pending.filter((e) => e.group === g.group).length;
    const notReturned = g.present - electronic - paperValid - paperInvalid - paperPending;
    return { group: g.group, present: g.present, electronic, paperValid, paperInvalid, paperPending, notReturned, balanced: notReturned >= 0 };
  });
}

/** The kept 无效票 with the rule each breaks (the sentence comes from the rules, not from storage). */
export function invalidPaperBallots(store: Store, meeting: MeetingRow, definition = meetingDefinition(store, meeting)): InvalidPaperBallot[] {
  return invalidBallots(store, meeting.id).map((b) => {
    const content = parseContent(b.contentJson);
    const issue = isWholeInvalid(content) ? wholeInvalidRule(content.wholeInvalid) : ballotIssue(definition, content);
    return { group: b.group, reason: b.reason, zh: issue?.zh ?? b.reason, en: issue?.en ?? b.reason };
  });
}

/** Everything the console's 纸质票 panel shows. */
export function paperView(store: Store, meetingId: string): Result<PaperView> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const meeting = found.value;
  const definition = meetingDefinition(store, meeting);
  const status = meetingStatus(meeting.status);
  return ok({
    meetingId,
    status,
    mayEnter: mayEnterPaperBallots(status) && !ballotStore(store.db).isAnonymisationPending(meetingId),
    form: formOf(definition, meeting.kind as MeetingKind),
    pending: pendingPaperEntries(store, meetingId).map((e) => pendingView(definition, e)),
    reconciliation: paperReconciliation(store, meeting),
    invalid: invalidPaperBallots(store, meeting, definition),
  });
}

/** The meeting, if paper ballots may be keyed into it now. */
function enterable(store: Store, meetingId: string): Result<{ meeting: MeetingRow; definition: MeetingDefinition }> {
  const found = findMeeting(store, meetingId);
  if (!found.ok) return found;
  const status = meetingStatus(found.value.status);
  if (!mayEnterPaperBallots(status)) return fail('paper_not_now');
  if (ballotStore(store.db).isAnonymisationPending(meetingId)) return fail('anonymisation_pending');
  return ok({ meeting: found.value, definition: meetingDefinition(store, found.value) });
}

function groupAllowed(meeting: MeetingRow, group: VoterGroup): boolean {
  return groupsOf(meeting.kind as MeetingKind).includes(group);
}

function pendingEntry(store: Store, meetingId: string, entryId: string): Result<PaperEntryRecord> {
  const entry = getPaperEntry(store, entryId);
  if (!entry || entry.meetingId !== meetingId) return fail('paper_entry_not_found');
  return ok(entry);
}

/**
 * Stores an agreed paper ballot and forgets its entries, in the caller's transaction: a valid
 * ballot into `ballots` (canonical JSON under a new random id, as close writes tablet ballots),
 * a rule-breaking one into invalid_ballots with its rule.
 */
function accept(store: Store, meeting: MeetingRow, definition: MeetingDefinition, entry: PaperEntryRecord, content: PaperEntryContent): Exclude<PaperOutcome, 'conflict'> {
  // A whole-invalid paper keeps only its mark ({type, wholeInvalid}): it has no marks to keep.
  const ballot = isWholeInvalid(content) ? content : normalisePaperBallot(definition, content);
  const issue = isWholeInvalid(ballot) ? wholeInvalidRule(ballot.wholeInvalid) : ballotIssue(definition, ballot);
  const json = canonicalJson(ballot);
  if (issue === null) ballotStore(store.db).insertPlainBallot(newId(), meeting.id, entry.group, json);
  else insertInvalidBallot(store, { id: newId(), meetingId: meeting.id, group: entry.group, reason: issue.code, contentJson: json });
  deletePaperEntry(store, entry.id);
  // Counts only: the audit never says which paper, who keyed it, or what it says.
  recordAudit(store, meeting.id, 'paper_ballot', { group: entry.group });
  return issue === null ? 'accepted' : 'invalid';
}

/**
 * The WAL holds the deleted entry rows (labels, clerks' names) until a checkpoint copies the
 * pages back; secure_delete has zeroed them in the database pages. A checkpoint after each
 * accepted pair keeps the log from collecting them; a busy one is retried by the next.
 */
function checkpointQuietly(store: Store): void {
  // A reader may hold the log: the next acceptance (or close of the app) checkpoints.
  checkpointIfIdle(store);
}

function changed(events: EventHub, meetingId: string): void {
  events.emit({ type: 'changed', meetingId });
}

export function paperFirstEntry(
  store: Store,
  events: EventHub,
  input: { meetingId: string; group: VoterGroup; clerk: string; ballot: BallotContent; wholeInvalid?: WholeInvalidReason | undefined },
): Result<{ entryId: string; label: number; view: PaperView }> {
  const written = withTransaction(store, () => {
    const target = enterable(store, input.meetingId);
    if (!target.ok) return target;
    if (!groupAllowed(target.value.meeting, input.group)) return fail('field_invalid', { rule: 'group_not_voting', group: input.group });
    if (input.ballot.type !== target.value.definition.ballotType) return fail('field_invalid', { rule: 'ballot_kind' });
    const entryId = newId();
    const label = nextPaperLabel(store, input.meetingId);
    insertPaperEntry(store, { id: entryId, meetingId: input.meetingId, group: input.group, label, firstJson: paperEntryText(target.value.definition, input.ballot, input.wholeInvalid ?? null), firstClerk: input.clerk });
    return ok({ entryId, label });
  });
  if (!written.ok) return written;
  changed(events, input.meetingId);
  const view = paperView(store, input.meetingId);
  return view.ok ? ok({ ...written.value, view: view.value }) : view;
}

export function paperSecondEntry(
  store: Store,
  events: EventHub,
  input: { meetingId: string; entryId: string; clerk: string; ballot: BallotContent; wholeInvalid?: WholeInvalidReason | undefined },
): Result<{ outcome: PaperOutcome; view: PaperView }> {
  const outcome = withTransaction<PaperOutcome>(store, () => {
    const target = enterable(store, input.meetingId);
    if (!target.ok) return target;
    const entry = pendingEntry(store, input.meetingId, input.entryId);
    if (!entry.ok) return entry;
    if (entry.value.secondJson !== null) return fail('paper_entry_stage');
    const { meeting, definition } = target.value;
    if (input.ballot.type !== definition.ballotType) return fail('field_invalid', { rule: 'ballot_kind' });
    const second = paperEntryText(definition, input.ballot, input.wholeInvalid ?? null);
    if (second === entry.value.firstJson) return ok(accept(store, meeting, definition, entry.value, parseContent(second)));
    setSecondPaperEntry(store, entry.value.id, second, input.clerk);
    return ok('conflict');
  });
  if (!outcome.ok) return outcome;
  if (outcome.value !== 'conflict') checkpointQuietly(store);
  changed(events, input.meetingId);
  const view = paperView(store, input.meetingId);
  return view.ok ? ok({ outcome: outcome.value, view: view.value }) : view;
}

export function paperResolve(
  store: Store,
  events: EventHub,
  input: { meetingId: string; entryId: string; choices: Readonly<Record<string, 'first' | 'second'>> },
): Result<{ outcome: Exclude<PaperOutcome, 'conflict'>; view: PaperView }> {
  const outcome = withTransaction<Exclude<PaperOutcome, 'conflict'>>(store, () => {
    const target = enterable(store, input.meetingId);
    if (!target.ok) return target;
    const entry = pendingEntry(store, input.meetingId, input.entryId);
    if (!entry.ok) return entry;
    if (entry.value.secondJson === null) return fail('paper_entry_stage');
    const { meeting, definition } = target.value;
    const resolved = resolvePaperPair(definition, parseContent(entry.value.firstJson), parseContent(entry.value.secondJson), input.choices);
    if (resolved === null) return fail('paper_choice_missing');
    return ok(accept(store, meeting, definition, entry.value, resolved));
  });
  if (!outcome.ok) return outcome;
  checkpointQuietly(store);
  changed(events, input.meetingId);
  const view = paperView(store, input.meetingId);
  return view.ok ? ok({ outcome: outcome.value, view: view.value }) : view;
}

export function paperDiscard(store: Store, events: EventHub, input: { meetingId: string; entryId: string }): Result<PaperView> {
  const done = withTransaction(store, () => {
    const target = enterable(store, input.meetingId);
    if (!target.ok) return target;
    const entry = pendingEntry(store, input.meetingId, input.entryId);
    if (!entry.ok) return entry;
    deletePaperEntry(store, entry.value.id);
    recordAudit(store, input.meetingId, 'paper_entry_discarded', {});
    return ok(true);
  });
  if (!done.ok) return done;
  checkpointQuietly(store);
  changed(events, input.meetingId);
  return paperView(store, input.meetingId);
}
