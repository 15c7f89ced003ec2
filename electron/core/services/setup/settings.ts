/**
 * A meeting's settings (MeetingSettings in settings_json): group weights, worst-list K, the small-group threshold and the grade scale, each checked with a failure that
 * names the field by its id (the console words it). Abstaining (弃权) is always offered besides the scale, so it is not a grade.
 */
import type { Store } from '../../store/database';
import type { Grade, MeetingSettings } from '../../../../shared/domain/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { recordAudit } from '../audit';
import { getMeeting, setMeetingSettings } from '../../store/meetings';
import { editableMeeting, requiredText } from './checks';
import { toHundredths as hundredths } from '../../../../shared/setup/weights';
import { WEIGHTED_GROUPS } from '../../../../shared/domain/voter-groups';

const MAX_GRADES = 10;
const MAX_LABEL = 20;

/** Numbers that must each be in (0, 100] with at most two decimals and total exactly 100. */
function shares(values: readonly number[], field: string, parts: readonly string[]): Result<void> {
  const h = values.map(hundredths);
  for (const [i, v] of h.entries()) {
    if (v === undefined || v <= 0 || v > 10000) {
      return fail('settings_invalid', { field, rule: 'share_value', group: parts[i] ?? '', value: String(values[i]) });
    }
  }
  const total = h.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  if (total !== 10000) return fail('settings_invalid', { field, rule: 'share_total', total: total / 100 });
  return ok(undefined);
}

function wholeNumber(value: number, field: string, min: number, max: number): Result<void> {
  if (!Number.isInteger(value) || value < min || value > max) {
    return fail('settings_invalid', { field, rule: 'whole_number', min, max, value: String(value) });
  }
  return ok(undefined);
}

/** Checks a grade scale: 2–10 grades, distinct labels, points 0–100 strictly decreasing (best first). */
export function checkGradeScale(scale: readonly Grade[]): Result<Grade[]> {
  if (scale.length < 2 || scale.length > MAX_GRADES) {
    return fail('settings_invalid', { field: 'gradeScale', rule: 'grade_count', max: MAX_GRADES, count: scale.length });
  }
  const out: Grade[] = [];
  for (const [i, grade] of scale.entries()) {
    const position = i + 1;
    const label = requiredText(grade.label, { field: 'gradeLabel', position });
    if (!label.ok) return label;
    if ([...label.value].length > MAX_LABEL) {
      return fail('settings_invalid', { field: 'gradeScale', rule: 'grade_label_long', position, max: MAX_LABEL });
    }
    if (label.value === '弃权') {
      return fail('settings_invalid', { field: 'gradeScale', rule: 'grade_abstain', position });
    }
    if (out.some((g) => g.label === label.value)) {
      return fail('settings_invalid', { field: 'gradeScale', rule: 'grade_duplicate', position, label: label.value });
    }
    const points = hundredths(grade.points);
    if (points === undefined || points < 0 || points > 10000) {
      return fail('settings_invalid', { field: 'gradeScale', rule: 'grade_points', position, label: label.value, value: String(grade.points) });
    }
    const previous = out[out.length - 1];
    if (previous !== undefined && grade.points >= previous.points) {
      return fail('settings_invalid', {
        field: 'gradeScale',
        rule: 'grade_order',
        position,
        label: label.value,
        points: grade.points,
        previous: previous.label,
        previousPoints: previous.points,
      });
    }
    out.push({ label: label.value, points: grade.points });
  }
  return ok(out);
}

/** Checks every setting; the first problem found is reported. */
export function checkSettings(settings: MeetingSettings): Result<MeetingSettings> {
  const checks = [
    shares(
      WEIGHTED_GROUPS.map((g) => settings.groupWeights[g]),
      'groupWeights',
      WEIGHTED_GROUPS,
    ),
    wholeNumber(settings.worstK, 'worstK', 1, 100),
    wholeNumber(settings.smallGroupK, 'smallGroupK', 1, 100),
  ];
  for (const check of checks) if (!check.ok) return check;
  if (settings.roundingMode !== undefined && settings.roundingMode !== 'printed' && settings.roundingMode !== 'exact') {
    return fail('settings_invalid', { field: 'roundingMode', rule: 'rounding_mode' });
  }
  const scale = checkGradeScale(settings.gradeScale);
  if (!scale.ok) return scale;
  return ok({
    groupWeights: { ...settings.groupWeights },
    worstK: settings.worstK,
    smallGroupK: settings.smallGroupK,
    gradeScale: scale.value,
    requireAllAnswered: settings.requireAllAnswered,
    roundingMode: settings.roundingMode,
  });
}

export function updateSettings(store: Store, input: { meetingId: string; settings: MeetingSettings }): Result<MeetingSettings> {
  const meeting = editableMeeting(store, input.meetingId);
  if (!meeting.ok) return meeting;
  const checked = checkSettings(input.settings);
  if (!checked.ok) return checked;
  store.transaction(() => {
    setMeetingSettings(store, input.meetingId, checked.value);
    recordAudit(store, input.meetingId, 'update_settings', {});
  });
  // Read back through the store's parser: what the chair sees is what a ballot will be checked against.
  const stored = getMeeting(store, input.meetingId);
  if (!stored) throw new Error(`meeting ${input.meetingId} was written but cannot be read back`);
  return ok(stored.settings);
}
