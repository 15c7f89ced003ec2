/** The chair's consequence-rules table per campaign (issue 16). */
import type { Store } from '../../store/database';
import { getCampaign } from '../../store/meetings';
import { hasEditedRules, resetRulesOfCampaign, rulesOfCampaign, saveRulesOfCampaign } from '../../store/consequence-rules';
import type { RulesTable } from '../../../../shared/api/chair/history';
import { ruleConditionText, type ConsequenceRule } from '../../../../shared/history/consequence-rules';
import { fail, ok, type Result } from '../../../../shared/domain/result';
import { recordAudit } from '../audit';

function table(store: Store, campaignId: string): RulesTable {
  const rules = rulesOfCampaign(store, campaignId);
  const edited = hasEditedRules(store, campaignId);
  return { campaignId, rules, defaults: !edited, conditions: Object.fromEntries(rules.map((r) => [r.id, ruleConditionText(r)])) };
}

export function consequenceRules(store: Store, campaignId: string): Result<RulesTable> {
  if (getCampaign(store, campaignId) === null) return fail('campaign_not_found');
  return ok(table(store, campaignId));
}

export function setConsequenceRules(store: Store, input: { campaignId: string; rules: readonly ConsequenceRule[] }): Result<RulesTable> {
  if (getCampaign(store, input.campaignId) === null) return fail('campaign_not_found');
  store.transaction(() => {
    saveRulesOfCampaign(store, input.campaignId, input.rules);
    recordAudit(store, null, 'set_consequence_rules', { rules: input.rules.length });
  });
  return ok(table(store, input.campaignId));
}

export function resetConsequenceRules(store: Store, campaignId: string): Result<RulesTable> {
  if (getCampaign(store, campaignId) === null) return fail('campaign_not_found');
  store.transaction(() => {
    resetRulesOfCampaign(store, campaignId);
    recordAudit(store, null, 'reset_consequence_rules', {});
  });
  return ok(table(store, campaignId));
}
