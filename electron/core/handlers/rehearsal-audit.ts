import type { rehearsalAuditInputs } from '../../../shared/api/chair/rehearsal-audit';
import { createRehearsal, wipeRehearsal } from '../services/rehearsal';
import { auditTrail, exportAudit } from '../services/audit-trail';
import type { Handlers } from './handler';

/** i17r (issue 17 parts 2 and 3): rehearsals and the audit trail. */
export const rehearsalAuditHandlers: Handlers<typeof rehearsalAuditInputs> = {
  createRehearsal: (core, input) => {
    const made = createRehearsal(core.store, input.meetingId);
    if (made.ok) core.events.emit({ type: 'changed', meetingId: null });
    return made;
  },
  wipeRehearsal: (core, input) => wipeRehearsal(core.store, core.events, core.dataDir, input.meetingId),
  auditTrail: (core, input) => auditTrail(core.store, input),
  exportAudit: (core, input) => exportAudit(core.store, input),
};
