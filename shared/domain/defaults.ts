import type { Grade, IndicatorSet, MeetingSettings, RoundSettings } from './model';
import { DEFAULT_GROUP_WEIGHTS } from './voter-groups';

/** 满意 100, 比较满意 80, 基本满意 60, 不满意 0 (DOMAIN.md default). */
export const DEFAULT_GRADE_SCALE: readonly Grade[] = [
  { label: '满意', points: 100 },
  { label: '比较满意', points: 80 },
  { label: '基本满意', points: 60 },
  { label: '不满意', points: 0 },
];

export const DEFAULT_SETTINGS: MeetingSettings = {
  groupWeights: DEFAULT_GROUP_WEIGHTS,
  worstK: 10,
  smallGroupK: 5,
  gradeScale: DEFAULT_GRADE_SCALE,
  requireAllAnswered: false,
  roundingMode: 'printed',
};

/** Self 50 + social 50 (DOMAIN.md default). */
export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  componentPoints: { self: 50, social: 50 },
};

/** 群众评科长: five aspects, equal weights. */
export const SET_CHIEF: IndicatorSet = {
  id: 'builtin-chief',
  name: '群众评科长',
  indicators: [
    { id: 'competence', name: '业务素质', description: '熟悉业务，依法依规办事', weight: 20 },
    { id: 'policy', name: '执行政策', description: '准确执行政策，不打折扣', weight: 20 },
    { id: 'attitude', name: '服务态度', description: '热情周到，耐心解答', weight: 20 },
    { id: 'efficiency', name: '办事效率', description: '按时限办结，不拖不推', weight: 20 },
    { id: 'integrity', name: '廉洁自律', description: '不吃拿卡要，不以权谋私', weight: 20 },
  ],
};

/** 最难办事科室: the five problems ticked on worst-list ballots. */
export const SET_WORST: IndicatorSet = {
  id: 'builtin-worst',
  name: '最难办事科室',
  indicators: [
    { id: 'cold', name: '冷', description: '态度冷漠，门难进、脸难看、话难听', weight: 20 },
    { id: 'lazy', name: '懒', description: '工作懒散，效率低下', weight: 20 },
    { id: 'shirk', name: '推', description: '推诿扯皮，不履行法定职责', weight: 20 },
    { id: 'arbitrary', name: '乱', description: '乱作为，乱收费、乱摊派', weight: 20 },
    { id: 'greedy', name: '贪', description: '以权谋私，吃拿卡要', weight: 20 },
  ],
};

export const BUILTIN_INDICATOR_SETS: readonly IndicatorSet[] = [SET_CHIEF, SET_WORST];
