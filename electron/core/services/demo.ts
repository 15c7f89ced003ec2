import type { Store } from '../store/database';
import type { MeetingSummary } from '../../../shared/api/chair-contract';
import type { RepresentativeCategory } from '../../../shared/domain/model';
import { DEFAULT_SETTINGS, SET_CHIEF } from '../../../shared/domain/defaults';
import { newId } from '../ids';
import { listMeetings } from './meetings';
import { recordAudit } from './audit';

/** 8 sections of 3 departments: small enough to vote through in a minute, big enough to rank. */
const DEMO_OBJECTS: readonly (readonly [department: string, name: string])[] = [
  ['发展和改革局', '许可科'],
  ['发展和改革局', '价格监督检查科'],
  ['发展和改革局', '项目管理科'],
  ['市场监督管理局', '登记注册科'],
  ['市场监督管理局', '食品安全科'],
  ['市场监督管理局', '消费者权益保护科'],
  ['自然资源局', '用地审批科'],
  ['自然资源局', '不动产登记中心'],
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建华', '秀英', '志强', '丽娟', '国庆', '海燕', '文博', '静怡', '明', '芳', '伟', '敏', '军', '洁', '涛'];

/** 3 人大代表, 3 政协委员, 3 分管领导 (9 officials = 30 %) and 21 服务对象 (70 %). */
function demoRoster(): { name: string; unit: string; category: RepresentativeCategory }[] {
  const plan: [RepresentativeCategory, string, number][] = [
    ['npc', '区人大常委会', 3],
    ['cppcc', '区政协', 3],
    ['leader', '区人民政府', 3],
    ['recipient', '辖区企业', 21],
  ];
  const roster: { name: string; unit: string; category: RepresentativeCategory }[] = [];
  for (const [category, unit, count] of plan) {
    for (let i = 0; i < count; i += 1) {
      const n = roster.length;
      roster.push({ name: `${SURNAMES.charAt(n % SURNAMES.length)}${GIVEN[n % GIVEN.length] ?? ''}`, unit, category });
    }
  }
  return roster;
}

/**
 * Creates the demo campaign: one round with 8 sections, a social-evaluation meeting graded on
 * the five indicators of 群众评科长, and a roster of 30. Everyone is checked in so the whole
 * flow (codes → voting → results) can be walked through at once.
 */
export function createDemoMeeting(store: Store): MeetingSummary {
  const campaignId = newId();
  const roundId = newId();
  const meetingId = newId();
  store.transaction(() => {
    const position = (store.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM campaigns').get() as { p: number }).p;
    store.db.prepare('INSERT INTO campaigns (id, name, position) VALUES (?, ?, ?)').run(campaignId, '2026年度群众评科长（演示）', position);
    store.db.prepare('INSERT INTO rounds (id, campaign_id, name, position) VALUES (?, ?, ?, 1)').run(roundId, campaignId, '第四季度');
    const insertObject = store.db.prepare(
      'INSERT INTO objects (id, round_id, name, department, category, indicator_set_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    DEMO_OBJECTS.forEach(([department, name], index) => insertObject.run(newId(), roundId, name, department, '科室', SET_CHIEF.id, index + 1));
    store.db
      .prepare(
        `INSERT INTO meetings (id, round_id, kind, ballot_type, title, held_on, place, settings_json, position)
         VALUES (?, ?, 'social', 'graded', ?, ?, ?, ?, 1)`,
      )
      .run(meetingId, roundId, '第四季度社会测评大会（演示）', new Date().toISOString().slice(0, 10), '区政务服务中心三楼会议室', JSON.stringify(DEFAULT_SETTINGS));
    const insertRep = store.db.prepare(
      'INSERT INTO representatives (id, meeting_id, name, unit, category, position, checked_in) VALUES (?, ?, ?, ?, ?, ?, 1)',
    );
    demoRoster().forEach((rep, index) => insertRep.run(newId(), meetingId, rep.name, rep.unit, rep.category, index + 1));
    recordAudit(store, meetingId, 'create_demo', { objects: DEMO_OBJECTS.length, representatives: 30 });
  });
  const summary = listMeetings(store).find((m) => m.id === meetingId);
  if (!summary) throw new Error('demo meeting vanished right after creation');
  return summary;
}
