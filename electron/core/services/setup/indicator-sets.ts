/**
 * Indicator sets (评议内容): the built-in 群众评科长 and 最难办事科室 are read-only; custom sets have
 * a name, indicators in order with descriptions, and weights that total exactly 100 %. A set graded
 * in a round whose voting has opened is frozen (the meeting keeps its own copy, but what the chair
 * sees must stay what was voted on).
 */
import type { Store } from '../../store/database';
import * as sets from '../../store/indicator-sets';
import type { StoredIndicatorSet } from '../../store/indicator-sets';
import { listRounds } from '../../store/meetings';
import type { IndicatorSetView, LockReason } from '../../../../shared/api/chair/setup';
import type { Indicator } from '../../../../shared/domain/model';
import { validateIndicatorWeights } from '../../../../shared/setup/weights';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { optionalText, requiredText } from './checks';

/** Why a set may not change (built in, or used by a meeting that has opened): the refusal an edit gets, or null. */
function lockedBy(store: Store, set: StoredIndicatorSet): LockReason | null {
  if (set.builtin) return { code: 'indicator_set_frozen', params: { state: 'builtin' } };
  const used = sets.frozenMeetingUsingSet(store, set.id);
  return used !== null ? { code: 'indicator_set_frozen', params: { meeting: used } } : null;
}

function toView(store: Store, set: StoredIndicatorSet): IndicatorSetView {
  return { id: set.id, name: set.name, indicators: set.indicators, builtin: set.builtin, lock: lockedBy(store, set), objectCount: sets.objectsUsingSet(store, set.id) };
}

/** Built-in sets first, then custom sets by name. */
export function listIndicatorSets(store: Store): IndicatorSetView[] {
  return sets.listIndicatorSets(store).map((set) => toView(store, set));
}

interface IndicatorInput {
  id?: string | undefined;
  name: string;
  description: string;
  weight: number;
}

/** Creates a custom set, or replaces a custom set's name and indicators when `indicatorSetId` is given. */
export function saveIndicatorSet(store: Store, input: { indicatorSetId?: string | undefined; name: string; indicators: readonly IndicatorInput[] }): Result<IndicatorSetView> {
  let existing: StoredIndicatorSet | null = null;
  if (input.indicatorSetId !== undefined) {
    existing = sets.getIndicatorSet(store, input.indicatorSetId);
    if (!existing) return fail('indicator_set_not_found');
    const locked = lockedBy(store, existing);
    if (locked) return fail(locked.code, locked.params);
  }
  const name = requiredText(input.name, { field: 'indicatorSetName' });
  if (!name.ok) return name;
  if (sets.indicatorSetNameTaken(store, name.value, input.indicatorSetId ?? '')) {
    return fail('duplicate_name', { target: 'indicatorSet', field: 'indicatorSetName', name: name.value });
  }
  if (input.indicators.length === 0) return fail('weights_empty');
  const indicators: Indicator[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of input.indicators.entries()) {
    const indicatorName = requiredText(raw.name, { field: 'indicatorName', position: i + 1 });
    if (!indicatorName.ok) return indicatorName;
    const first = seen.get(indicatorName.value);
    if (first !== undefined) {
      return fail('duplicate_name', { target: 'indicator', field: 'indicatorName', position: i + 1, name: indicatorName.value, first });
    }
    seen.set(indicatorName.value, i + 1);
    const description = optionalText(raw.description, { field: 'indicatorDescription', position: i + 1 });
    if (!description.ok) return description;
    // Keep an indicator's id across edits so nothing that refers to it breaks; new ones get a fresh id.
    indicators.push({ id: raw.id ?? newId(), name: indicatorName.value, description: description.value, weight: raw.weight });
  }
  if (new Set(indicators.map((i) => i.id)).size !== indicators.length) {
    return fail('bad_input', { rule: 'indicator_ids' });
  }
  const weights = validateIndicatorWeights(indicators.map((i) => i.weight));
  if (!weights.ok) return fail(weights.error.code, weights.error.params);

  const id = input.indicatorSetId ?? newId();
  store.transaction(() => {
    if (existing) sets.updateIndicatorSet(store, { id, name: name.value, indicators });
    else sets.insertIndicatorSet(store, { id, name: name.value, indicators }, { builtin: false });
    recordAudit(store, null, existing ? 'update_indicator_set' : 'create_indicator_set', { name: name.value, indicators: indicators.length });
  });
  const saved = sets.getIndicatorSet(store, id);
  if (!saved) throw new Error(`indicator set ${id} was written but cannot be read back`);
  return ok(toView(store, saved));
}

/** Removes a custom set that no object and no round's category mapping uses. */
export function removeIndicatorSet(store: Store, indicatorSetId: string): Result<{ id: string }> {
  const row = sets.getIndicatorSet(store, indicatorSetId);
  if (!row) return fail('indicator_set_not_found');
  if (row.builtin) return fail('indicator_set_frozen', { state: 'builtin' });
  const usedByObjects = sets.objectsUsingSet(store, indicatorSetId);
  const mapped = listRounds(store).some((round) => Object.values(round.categorySets).includes(indicatorSetId));
  if (usedByObjects > 0 || mapped) {
    return fail('indicator_set_in_use', { name: row.name, count: usedByObjects });
  }
  store.transaction(() => {
    sets.deleteIndicatorSet(store, indicatorSetId);
    recordAudit(store, null, 'remove_indicator_set', { name: row.name });
  });
  return ok({ id: indicatorSetId });
}
