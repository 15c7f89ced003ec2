/**
 * The one Chinese name of each voter group on sheets, rules, exports and formula lines, from the
 * voter-group catalogue (the officials' group had three names: 人大代表、政协委员、分管领导 /
 * 人大政协及领导组 / 官员类代表).
 */
import type { VoterGroup } from '../domain/model';
import { groupNames } from '../domain/voter-groups';

export const GROUP_NAMES_ZH: Readonly<Record<VoterGroup, string>> = groupNames('zh', 'shortName');
