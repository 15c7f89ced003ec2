import type { historyInputs } from '../../../shared/api/chair/history';
import type { Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import { campaignHistory, objectHistory, roundConsequences } from '../services/history/view';
import { consequenceRules, resetConsequenceRules, setConsequenceRules } from '../services/history/rules';
import { addFollowup, removeFollowup, roundFollowups } from '../services/history/followups';
import { mergeObjects, splitObject } from '../services/history/lineage';
import { exportHistory, importHistory, previewHistoryImport } from '../services/history/files';
import { previewObjectLineage } from '../services/setup/files';
import type { Handlers } from './handler';

/** A change to history, rules or identity: every open console reloads (null: not one meeting's). */
function changed<T>(core: Core, result: Result<T>): Result<T> {
  if (result.ok) core.events.emit({ type: 'changed', meetingId: null });
  return result;
}

/** i16 (issue 16): rounds over time. */
export const historyHandlers: Handlers<typeof historyInputs> = {
  campaignHistory: (core, input) => campaignHistory(core.store, input.campaignId),
  objectHistory: (core, input) => objectHistory(core.store, input),
  roundConsequences: (core, input) => roundConsequences(core.store, input.roundId),
  consequenceRules: (core, input) => consequenceRules(core.store, input.campaignId),
  setConsequenceRules: (core, input) => changed(core, setConsequenceRules(core.store, input)),
  resetConsequenceRules: (core, input) => changed(core, resetConsequenceRules(core.store, input.campaignId)),
  roundFollowups: (core, input) => roundFollowups(core.store, input.roundId),
  addFollowup: (core, input) => changed(core, addFollowup(core.store, input)),
  removeFollowup: (core, input) => changed(core, removeFollowup(core.store, input.followupId)),
  mergeObjects: (core, input) => changed(core, mergeObjects(core.store, input)),
  splitObject: (core, input) => changed(core, splitObject(core.store, input.objectId)),
  previewObjectLineage: (core, input) => previewObjectLineage(core.store, input),
  exportHistory: (core, input) => exportHistory(core.store, input),
  previewHistoryImport: (core, input) => previewHistoryImport(core.store, input),
  importHistory: async (core, input) => changed(core, await importHistory(core.store, input)),
};
