/** The consequence-rules table of a campaign (issue 16), read and written whole; absent = the defaults. */
import type { Store } from './database';
import { prepared } from './statements';
import { parseJsonColumn } from './json-column';
import { consequenceRulesSchema, DEFAULT_CONSEQUENCE_RULES, type ConsequenceRule } from '../../../shared/history/consequence-rules';

/** The campaign's rules, or the defaults when the chair has not edited them. */
export function rulesOfCampaign(store: Store, campaignId: string): readonly ConsequenceRule[] {
  const row = prepared(store.db, 'SELECT rules_json FROM consequence_rules WHERE campaign_id = ?').get(campaignId) as { rules_json: string } | undefined;
  if (row === undefined) return DEFAULT_CONSEQUENCE_RULES;
  return parseJsonColumn(consequenceRulesSchema, row.rules_json, { table: 'consequence_rules', column: 'rules_json', key: campaignId });
}

export function saveRulesOfCampaign(store: Store, campaignId: string, rules: readonly ConsequenceRule[]): void {
  prepared(store.db, 'INSERT INTO consequence_rules (campaign_id, rules_json) VALUES (?, ?) ON CONFLICT (campaign_id) DO UPDATE SET rules_json = excluded.rules_json').run(
    campaignId,
    JSON.stringify(rules),
  );
}

export function resetRulesOfCampaign(store: Store, campaignId: string): void {
  prepared(store.db, 'DELETE FROM consequence_rules WHERE campaign_id = ?').run(campaignId);
}

/** Whether the chair has saved a table for the campaign (else the defaults apply). */
export function hasEditedRules(store: Store, campaignId: string): boolean {
  return prepared(store.db, 'SELECT 1 FROM consequence_rules WHERE campaign_id = ?').get(campaignId) !== undefined;
}
