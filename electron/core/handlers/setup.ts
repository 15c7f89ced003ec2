import type { setupInputs } from '../../../shared/api/chair/setup';
import { ok, type Result } from '../../../shared/domain/result';
import type { Core } from '../core';
import * as tree from '../services/setup/tree';
import * as objects from '../services/setup/objects';
import * as sets from '../services/setup/indicator-sets';
import * as roster from '../services/setup/roster';
import * as files from '../services/setup/files';
import { updateSettings } from '../services/setup/settings';
import { updateRoundSettings } from '../services/setup/round-settings';
import { meetingSetup } from '../services/setup/meeting-setup';
import { removeMeetingOrRehearsal } from '../services/rehearsal';
import type { Handlers } from './handler';

/**
 * After a successful change, tells every open console to reload: the meeting's id when only that
 * meeting changed, null when a campaign, round or shared indicator set did (the tree reloads).
 */
function changed<T>(core: Core, meetingId: string | null, result: Result<T>): Result<T> {
  if (result.ok) core.events.emit({ type: 'changed', meetingId });
  return result;
}

async function changedAsync<T>(core: Core, meetingId: string | null, pending: Promise<Result<T>>): Promise<Result<T>> {
  return changed(core, meetingId, await pending);
}

export const setupHandlers: Handlers<typeof setupInputs> = {
  setupTree: (core) => ok(tree.setupTree(core.store)),
  createCampaign: (core, input) => changed(core, null, tree.createCampaign(core.store, input)),
  renameCampaign: (core, input) => changed(core, null, tree.renameCampaign(core.store, input)),
  removeCampaign: (core, input) => changed(core, null, tree.removeCampaign(core.store, input.campaignId)),
  createRound: (core, input) => changed(core, null, tree.createRound(core.store, input)),
  renameRound: (core, input) => changed(core, null, tree.renameRound(core.store, input)),
  removeRound: (core, input) => changed(core, null, tree.removeRound(core.store, input.roundId)),
  copyRound: (core, input) => changed(core, null, tree.copyRound(core.store, input)),
  createMeeting: (core, input) => changed(core, null, tree.createMeeting(core.store, input)),
  updateMeetingDetails: (core, input) => changed(core, input.meetingId, tree.updateMeetingDetails(core.store, input)),
  // A rehearsal's removal is its wipe (services/rehearsal.ts), so nothing of it is left behind.
  removeMeeting: (core, input) => changed(core, null, removeMeetingOrRehearsal(core.store, core.events, core.dataDir, input.meetingId)),
  copyMeeting: (core, input) => changed(core, null, tree.copyMeeting(core.store, input)),

  meetingSetup: (core, input) => meetingSetup(core.store, input.meetingId),

  addObject: (core, input) => changed(core, null, objects.addObject(core.store, input)),
  updateObject: (core, input) => changed(core, null, objects.updateObject(core.store, input)),
  removeObject: (core, input) => changed(core, null, objects.removeObject(core.store, input.objectId)),
  reorderObjects: (core, input) => changed(core, null, objects.reorderObjects(core.store, input)),
  setCategorySet: (core, input) => changed(core, null, objects.setCategorySet(core.store, input)),
  previewObjectsImport: (core, input) => files.previewObjectsImport(core.store, input),
  importObjects: (core, input) => changedAsync(core, null, files.importObjects(core.store, input)),
  exportObjects: (core, input) => files.exportObjects(core.store, input),

  saveIndicatorSet: (core, input) => changed(core, null, sets.saveIndicatorSet(core.store, input)),
  removeIndicatorSet: (core, input) => changed(core, null, sets.removeIndicatorSet(core.store, input.indicatorSetId)),

  addRepresentative: (core, input) => changed(core, input.meetingId, roster.addRepresentative(core.store, input)),
  updateRepresentative: (core, input) => changed(core, null, roster.updateRepresentative(core.store, input)),
  removeRepresentative: (core, input) => changed(core, null, roster.removeRepresentative(core.store, input.representativeId)),
  reorderRoster: (core, input) => changed(core, input.meetingId, roster.reorderRoster(core.store, input)),
  previewRosterImport: (core, input) => files.previewRosterImport(core.store, input),
  importRoster: (core, input) => changedAsync(core, input.meetingId, files.importRoster(core.store, input)),
  exportRoster: (core, input) => files.exportRoster(core.store, input),
  setCompositionOverride: (core, input) => changed(core, input.meetingId, roster.setCompositionOverride(core.store, input)),

  updateSettings: (core, input) => changed(core, input.meetingId, updateSettings(core.store, input)),
  updateRoundSettings: (core, input) => changed(core, null, updateRoundSettings(core.store, input)),
};
