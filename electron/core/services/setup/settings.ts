/**
 * A meeting's settings (MeetingSettings in settings_json): group weights, worst-list K, the small-group threshold and the grade scale, each checked with a message that
 * names the field. Abstaining (弃权) is always offered besides the scale, so it is not a grade.
 */
import type { Store } from '../../store/database';
import type { Grade, MeetingSettings } from '../../../../shared/domain/model';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { recordAudit } from '../audit';
import { getMeeting, setMeetingSettings } from '../../store/meetings';
import { editableMeeting, requiredText } from './checks';
import { toHundredths as hundredths } from '../../../../shared/setup/weights';
import { WEIGHTED_GROUPS, voterGroup } from '../../../../shared/domain/voter-groups';

const MAX_GRADES = 10;
const MAX_LABEL = 20;

/** Numbers that must each be in (0, 100] with at most two decimals and total exactly 100. */
function shares(values: readonly number[], field: string, parts: readonly string[]): Result<void> {
  const h = values.map(hundredths);
  for (const [i, v] of h.entries()) {
    if (v === undefined || v <= 0 || v > 10000) {
      return err('settings_invalid', `“${field}”中${parts[i] ?? ''}的数值 ${String(values[i])} 无效：应为 0 到 100 之间、大于 0 的数，最多两位小数。`, { field });
    }
  }
  const total = h.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  if (total !== 10000) {
    return err('settings_invalid', `“${field}”合计为 ${total / 100}，应为 100（${parts.join(' + ')}），请调整后再保存。`, { field });
  }
  return ok(undefined);
}

function wholeNumber(value: number, field: string, min: number, max: number): Result<void> {
  if (!Number.isInteger(value) || value < min || value > max) {
    return err('settings_invalid', `“${field}”应为 ${min} 到 ${max} 之间的整数，现在是 ${String(value)}。`, { field });
  }
  return ok(undefined);
}

/** Checks a grade scale: 2–10 grades, distinct labels, points 0–100 strictly decreasing (best first). */
export function checkGradeScale(scale: readonly Grade[]): Result<Grade[]> {
  if (scale.length < 2 || scale.length > MAX_GRADES) {
    return err('settings_invalid', `“评分等级”应有 2 到 ${MAX_GRADES} 个等级，现在有 ${scale.length} 个。`, { field: 'gradeScale' });
  }
  const out: Grade[] = [];
  for (const [i, grade] of scale.entries()) {
    const label = requiredText(grade.label, `第 ${i + 1} 个评分等级的名称`);
    if (!label.ok) return label;
    if ([...label.value].length > MAX_LABEL) {
      return err('settings_invalid', `第 ${i + 1} 个评分等级的名称太长，最多 ${MAX_LABEL} 个字。`, { field: 'gradeScale', index: i });
    }
    if (label.value === '弃权') {
      return err('settings_invalid', `第 ${i + 1} 个评分等级不能叫“弃权”：选票上总会另外提供“弃权”，请删去这一等级。`, { field: 'gradeScale', index: i });
    }
    if (out.some((g) => g.label === label.value)) {
      return err('settings_invalid', `第 ${i + 1} 个评分等级“${label.value}”与前面的等级重名，请改名。`, { field: 'gradeScale', index: i });
    }
    const points = hundredths(grade.points);
    if (points === undefined || points < 0 || points > 10000) {
      return err('settings_invalid', `第 ${i + 1} 个评分等级“${label.value}”的分值 ${String(grade.points)} 无效：应为 0 到 100 之间的数，最多两位小数。`, { field: 'gradeScale', index: i });
    }
    const previous = out[out.length - 1];
    if (previous !== undefined && grade.points >= previous.points) {
      return err('settings_invalid', `评分等级应从好到差排列、分值依次降低：“${label.value}”（${grade.points} 分）不低于上一等级“${previous.label}”（${previous.points} 分）。`, { field: 'gradeScale', index: i });
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
      '两组代表的权重',
      WEIGHTED_GROUPS.map((g) => voterGroup(g).shortName.zh),
    ),
    wholeNumber(settings.worstK, '评差最多可选个数', 1, 100),
    wholeNumber(settings.smallGroupK, '小组最少票数（少于此数不单列）', 1, 100),
  ];
  for (const check of checks) if (!check.ok) return check;
  if (settings.roundingMode !== undefined && settings.roundingMode !== 'printed' && settings.roundingMode !== 'exact') {
    return err('settings_invalid', '“取舍方式”应为“逐项取舍”或“一次取舍”。', { field: 'roundingMode' });
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
