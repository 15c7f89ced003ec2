/**
 * Builds the benchmark's meeting straight into a data folder through the real core: 100 objects
 * × 5 indicators, a roster of 300 officials + 700 recipients, codes with spares, voting open.
 */
import type { Store } from '../../electron/core/store/database';
import { createCore } from '../../electron/core/core';
import { newId } from '../../electron/core/ids';
import { generateCodes } from '../../electron/core/services/codes';
import { changeVoting } from '../../electron/core/services/voting';
import { DEFAULT_SETTINGS, SET_CHIEF } from '../../shared/domain/defaults';
import type { IssuedCode } from '../../shared/api/chair-contract';

export interface PreparedMeeting {
  meetingId: string;
  codes: IssuedCode[];
}

function insertMeeting(store: Store, objects: number, officials: number, recipients: number): string {
  const campaignId = newId();
  const roundId = newId();
  const meetingId = newId();
  store.transaction(() => {
    store.db.prepare('INSERT INTO campaigns (id, name, position) VALUES (?, ?, 1)').run(campaignId, '基准测试');
    store.db.prepare('INSERT INTO rounds (id, campaign_id, name, position) VALUES (?, ?, ?, 1)').run(roundId, campaignId, '第一轮');
    const object = store.db.prepare('INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < objects; i += 1) object.run(newId(), roundId, `科室${i + 1}`, `部门${(i % 38) + 1}`, '科室', SET_CHIEF.id, i + 1);
    store.db
      .prepare("INSERT INTO meetings (id, round_id, kind, ballot_type, title, settings_json, position) VALUES (?, ?, 'social', 'graded', ?, ?, 1)")
      .run(meetingId, roundId, '基准测试社会测评', JSON.stringify(DEFAULT_SETTINGS));
    const rep = store.db.prepare('INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 1)');
    for (let i = 0; i < officials + recipients; i += 1) rep.run(newId(), meetingId, `代表${i + 1}`, '单位', i < officials ? 'npc' : 'recipient', i + 1);
  });
  return meetingId;
}

export function prepareMeeting(dataDir: string, options: { objects: number; officials: number; recipients: number; spares: number }): PreparedMeeting {
  const core = createCore({ dataDir, demo: false });
  try {
    const meetingId = insertMeeting(core.store, options.objects, options.officials, options.recipients);
    const codes = generateCodes(core.store, { meetingId, spares: options.spares, joinUrl: 'http://127.0.0.1/' });
    if (!codes.ok) throw new Error(codes.error.message);
    const opened = changeVoting(core.store, core.events, meetingId, 'open');
    if (!opened.ok) throw new Error(opened.error.message);
    return { meetingId, codes: [...codes.value] };
  } finally {
    core.close();
  }
}
