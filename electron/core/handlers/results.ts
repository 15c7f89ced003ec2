import { Buffer } from 'node:buffer';
import type { resultsInputs } from '../../../shared/api/chair/results';
import {
  clearVeto,
  exportBallots,
  exportReceipts,
  exportResults,
  exportRoundResults,
  markOfficial,
  meetingResults,
  receiptList,
  retallyFile,
  roundResults,
  setVeto,
} from '../services/results';
import { recordAudit } from '../services/audit';
import type { Handlers } from './handler';

export const resultsHandlers: Handlers<typeof resultsInputs> = {
  results: (core, input) => meetingResults(core.store, input.meetingId, input),
  roundResults: (core, input) => roundResults(core.store, input),
  setVeto: (core, input) => setVeto(core.store, core.events, input),
  clearVeto: (core, input) => clearVeto(core.store, core.events, input),
  markOfficial: (core, input) => markOfficial(core.store, core.events, input.meetingId),
  receipts: (core, input) => receiptList(core.store, input.meetingId),
  exportResults: (core, input) => exportResults(core.store, input),
  exportRoundResults: (core, input) => exportRoundResults(core.store, input),
  exportBallots: (core, input) => exportBallots(core.store, input),
  exportReceipts: (core, input) => exportReceipts(core.store, input),
  retally: async (core, input) => {
    const report = await retallyFile(Buffer.from(input.base64, 'base64'), input.fileName, core.store);
    if (report.ok && report.value.compared) {
      recordAudit(core.store, report.value.meetingId, 'retally', { ballots: report.value.ballots, matches: report.value.matches ? 1 : 0 });
    }
    return report;
  },
};
