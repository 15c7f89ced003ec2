/**
 * The one Chinese name of each voter group, on every screen, sheet, export and formula line
 * (the officials' group had three names: 人大代表、政协委员、分管领导 / 人大政协及领导组 / 官员类代表).
 */
import type { VoterGroup } from '../domain/model';

export const GROUP_NAMES_ZH: Readonly<Record<VoterGroup, string>> = {
  officials: '人大代表、政协委员、分管领导',
  recipients: '服务对象',
  all: '本单位干部职工',
};
