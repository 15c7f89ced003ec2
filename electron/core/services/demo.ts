import type { Store } from '../store/database';
import { insertCampaign, insertMeeting, insertRound } from '../store/meetings';
import { insertObjects } from '../store/objects';
import { insertRepresentatives, setCheckedIn } from '../store/roster';
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
    insertCampaign(store, { id: campaignId, name: '2026年度群众评科长（演示）' });
    insertRound(store, { id: roundId, campaignId, name: '第四季度' });
    insertObjects(
      store,
      roundId,
      DEMO_OBJECTS.map(([department, name]) => ({ id: newId(), name, department, category: '科室', indicatorSetId: SET_CHIEF.id })),
    );
    insertMeeting(store, {
      id: meetingId,
      roundId,
      kind: 'social',
      ballotType: 'graded',
      title: '第四季度社会测评大会（演示）',
      heldOn: new Date().toISOString().slice(0, 10),
      place: '区政务服务中心三楼会议室',
      settings: DEFAULT_SETTINGS,
      compositionOverride: null,
      position: 1,
    });
    const people = demoRoster().map((rep) => ({ id: newId(), ...rep }));
    insertRepresentatives(store, meetingId, people);
    for (const person of people) setCheckedIn(store, meetingId, person.id, true);
    recordAudit(store, meetingId, 'create_demo', { objects: DEMO_OBJECTS.length, representatives: 30 });
  });
  const summary = listMeetings(store).find((m) => m.id === meetingId);
  if (!summary) throw new Error('demo meeting vanished right after creation');
  return summary;
}
