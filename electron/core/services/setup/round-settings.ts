/**
 * A round's settings (RoundSettings in rounds.settings_json): the component points of its
 * combined ranking (本轮综合排序). They belong to the round because a round has one total, and
 * they freeze with the round's objects, once any meeting of the round has opened: the rule of
 * the total is fixed before anyone votes. Failures are codes with params (no sentences here).
 */
import type { Store } from '../../store/database';
import type { ComponentPoints, RoundSettings } from '../../../../shared/domain/model';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { toHundredths } from '../../../../shared/setup/weights';
import { firstFrozenMeetingTitle, getRound, setRoundSettings } from '../../store/meetings';
import { recordRoundAudit } from '../audit';

/** Each part in (0, 100] with at most two decimals, and the two total exactly 100. */
export function checkComponentPoints(points: ComponentPoints): Result<ComponentPoints> {
  const parts = ['self', 'social'] as const;
  const hundredths = parts.map((part) => toHundredths(points[part]));
  for (const [i, value] of hundredths.entries()) {
    if (value === undefined || value <= 0 || value > 10000) return fail('points_invalid', { part: parts[i] ?? '', value: String(points[parts[i] ?? 'self']) });
  }
  const total = hundredths.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  if (total !== 10000) return fail('points_total', { total: total / 100 });
  return ok({ self: points.self, social: points.social });
}

export function updateRoundSettings(store: Store, input: { roundId: string; settings: RoundSettings }): Result<RoundSettings> {
  const round = getRound(store, input.roundId);
  if (!round) return fail('round_not_found');
  const opened = firstFrozenMeetingTitle(store, input.roundId);
  if (opened !== null) return fail('round_frozen', { meeting: opened });
  const points = checkComponentPoints(input.settings.componentPoints);
  if (!points.ok) return points;
  const settings: RoundSettings = { componentPoints: points.value };
  store.transaction(() => {
    setRoundSettings(store, input.roundId, settings);
    recordRoundAudit(store, input.roundId, 'update_round_settings', { self: settings.componentPoints.self, social: settings.componentPoints.social });
  });
  const stored = getRound(store, input.roundId);
  if (!stored) throw new Error(`round ${input.roundId} was written but cannot be read back`);
  return ok(stored.settings);
}
