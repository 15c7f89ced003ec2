/**
 * Indicator sets (评议内容): the built-in 群众评科长 and 最难办事科室 are read-only; custom sets have
 * a name, indicators in order with descriptions, and weights that total exactly 100 %. A set graded
 * in a round whose voting has opened is frozen (the meeting keeps its own copy, but what the chair
 * sees must stay what was voted on).
 */
import type { Store } from '../../store/database';
import type { IndicatorSetRow } from '../../store/rows';
import type { IndicatorSetView } from '../../../../shared/api/chair/setup';
import type { Indicator } from '../../../../shared/domain/model';
import { validateIndicatorWeights } from '../../../../shared/setup/weights';
import { err, ok, type Result } from '../../../../shared/domain/result';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { optionalText, requiredText } from './checks';
import { statusIn } from '../../store/status-sql';
import { mayEditSetup } from '../../../../shared/domain/lifecycle';

const BUILTIN_LOCK = '这是内置的指标体系，不能修改或删除。如需调整，请新建一个自定义指标体系。';

function setLock(store: Store, row: IndicatorSetRow): string | null {
  if (row.builtin === 1) return BUILTIN_LOCK;
  const used = store.db
    .prepare(
      `SELECT m.title FROM objects o JOIN meetings m ON m.round_id = o.round_id
       WHERE o.indicator_set_id = ? AND ${statusIn('m.status', (s) => !mayEditSetup(s))} LIMIT 1`,
    )
    .get(row.id) as { title: string } | undefined;
  return used ? `“${used.title}”已开始投票并使用了这个指标体系，它已锁定，不能修改。如需调整，请新建一个指标体系。` : null;
}

function toView(store: Store, row: IndicatorSetRow): IndicatorSetView {
  const objectCount = (store.db.prepare('SELECT COUNT(*) AS n FROM objects WHERE indicator_set_id = ?').get(row.id) as { n: number }).n;
  return {
    id: row.id,
    name: row.name,
    indicators: JSON.parse(row.indicators_json) as Indicator[],
    builtin: row.builtin === 1,
    lock: setLock(store, row),
    objectCount,
  };
}

/** Built-in sets first, then custom sets by name. */
export function listIndicatorSets(store: Store): IndicatorSetView[] {
  const rows = store.db.prepare('SELECT * FROM indicator_sets ORDER BY builtin DESC, name').all() as IndicatorSetRow[];
  return rows.map((row) => toView(store, row));
}

interface IndicatorInput {
  id?: string | undefined;
  name: string;
  description: string;
  weight: number;
}

/** Creates a custom set, or replaces a custom set's name and indicators when `indicatorSetId` is given. */
export function saveIndicatorSet(store: Store, input: { indicatorSetId?: string | undefined; name: string; indicators: readonly IndicatorInput[] }): Result<IndicatorSetView> {
  let existing: IndicatorSetRow | undefined;
  if (input.indicatorSetId !== undefined) {
    existing = store.db.prepare('SELECT * FROM indicator_sets WHERE id = ?').get(input.indicatorSetId) as IndicatorSetRow | undefined;
    if (!existing) return err('indicator_set_not_found', '找不到这个指标体系，可能已被删除，请刷新后再试。');
    const lock = setLock(store, existing);
    if (lock) return err('indicator_set_frozen', lock);
  }
  const name = requiredText(input.name, '指标体系名称');
  if (!name.ok) return name;
  if (store.db.prepare('SELECT 1 FROM indicator_sets WHERE name = ? AND id <> ?').get(name.value, input.indicatorSetId ?? '')) {
    return err('duplicate_name', `已有名为“${name.value}”的指标体系，请换一个名称。`, { field: 'name' });
  }
  if (input.indicators.length === 0) return err('weights_empty', '指标体系至少需要一项指标，请添加指标后再保存。');
  const indicators: Indicator[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of input.indicators.entries()) {
    const indicatorName = requiredText(raw.name, `第 ${i + 1} 项指标的名称`);
    if (!indicatorName.ok) return indicatorName;
    const first = seen.get(indicatorName.value);
    if (first !== undefined) {
      return err('duplicate_name', `第 ${i + 1} 项指标“${indicatorName.value}”与第 ${first} 项重名，请改名或删去一项。`, { index: i });
    }
    seen.set(indicatorName.value, i + 1);
    const description = optionalText(raw.description, `第 ${i + 1} 项指标的说明`);
    if (!description.ok) return description;
    // Keep an indicator's id across edits so nothing that refers to it breaks; new ones get a fresh id.
    indicators.push({ id: raw.id ?? newId(), name: indicatorName.value, description: description.value, weight: raw.weight });
  }
  if (new Set(indicators.map((i) => i.id)).size !== indicators.length) {
    return err('bad_input', '指标编号重复，请刷新后重新编辑。');
  }
  const weights = validateIndicatorWeights(indicators.map((i) => i.weight));
  if (!weights.ok) return err(weights.error.code, `${weights.error.message}。请调整权重后再保存。`, weights.error.details);

  const id = input.indicatorSetId ?? newId();
  store.transaction(() => {
    if (existing) {
      store.db.prepare('UPDATE indicator_sets SET name = ?, indicators_json = ? WHERE id = ?').run(name.value, JSON.stringify(indicators), id);
    } else {
      store.db.prepare('INSERT INTO indicator_sets (id, name, builtin, indicators_json) VALUES (?, ?, 0, ?)').run(id, name.value, JSON.stringify(indicators));
    }
    recordAudit(store, null, existing ? 'update_indicator_set' : 'create_indicator_set', { name: name.value, indicators: indicators.length });
  });
  return ok(toView(store, store.db.prepare('SELECT * FROM indicator_sets WHERE id = ?').get(id) as IndicatorSetRow));
}

/** Removes a custom set that no object and no round's category mapping uses. */
export function removeIndicatorSet(store: Store, indicatorSetId: string): Result<{ id: string }> {
  const row = store.db.prepare('SELECT * FROM indicator_sets WHERE id = ?').get(indicatorSetId) as IndicatorSetRow | undefined;
  if (!row) return err('indicator_set_not_found', '找不到这个指标体系，可能已被删除，请刷新后再试。');
  if (row.builtin === 1) return err('indicator_set_frozen', BUILTIN_LOCK);
  const usedByObjects = (store.db.prepare('SELECT COUNT(*) AS n FROM objects WHERE indicator_set_id = ?').get(indicatorSetId) as { n: number }).n;
  const mapped = (store.db.prepare('SELECT category_sets_json FROM rounds').all() as { category_sets_json: string }[]).some((r) =>
    Object.values(JSON.parse(r.category_sets_json) as Record<string, string>).includes(indicatorSetId),
  );
  if (usedByObjects > 0 || mapped) {
    return err(
      'indicator_set_in_use',
      `指标体系“${row.name}”正在使用中（${usedByObjects} 个评议对象），不能删除。请先在“指标分配”中把用到它的类别改用其他指标体系。`,
    );
  }
  store.transaction(() => {
    store.db.prepare('DELETE FROM indicator_sets WHERE id = ?').run(indicatorSetId);
    recordAudit(store, null, 'remove_indicator_set', { name: row.name });
  });
  return ok({ id: indicatorSetId });
}
