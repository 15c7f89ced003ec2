/**
 * The audit trail's actions in words (Chinese for the printed appendix and the exports, English
 * for the console in English). An action missing here is shown as its code.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  create_campaign: { zh: '新建评议活动', en: 'Campaign created' },
  remove_campaign: { zh: '删除评议活动', en: 'Campaign removed' },
  create_round: { zh: '新建轮次', en: 'Round created' },
  remove_round: { zh: '删除轮次', en: 'Round removed' },
  copy_round: { zh: '复制轮次', en: 'Round copied' },
  create_meeting: { zh: '新建会议', en: 'Meeting created' },
  remove_meeting: { zh: '删除会议', en: 'Meeting removed' },
  copy_meeting: { zh: '复制会议', en: 'Meeting copied' },
  create_demo: { zh: '创建演示会议', en: 'Demo meeting created' },
  create_indicator_set: { zh: '新建指标体系', en: 'Indicator set created' },
  update_indicator_set: { zh: '修改指标体系', en: 'Indicator set changed' },
  remove_indicator_set: { zh: '删除指标体系', en: 'Indicator set removed' },
  remove_object: { zh: '删除评议对象', en: 'Object removed' },
  import_objects: { zh: '导入评议对象', en: 'Objects imported' },
  import_roster: { zh: '导入代表名单', en: 'Roster imported' },
  set_composition_override: { zh: '记录代表构成例外理由', en: 'Composition exception recorded' },
  clear_composition_override: { zh: '撤销代表构成例外理由', en: 'Composition exception cleared' },
  update_settings: { zh: '修改会议设置', en: 'Settings changed' },
  generate_codes: { zh: '生成评议码', en: 'Codes generated' },
  void_codes: { zh: '作废评议码', en: 'Codes voided' },
  attendance_override: { zh: '实到人数不符仍开始（理由）', en: 'Opened despite attendance (reason)' },
  open_voting: { zh: '开始投票', en: 'Voting opened' },
  pause_voting: { zh: '暂停投票', en: 'Voting paused' },
  close_voting: { zh: '结束投票', en: 'Voting closed' },
  open_despite_rehearsal: { zh: '演练未结束时开始正式投票（已确认）', en: 'Opened while a rehearsal was voting (confirmed)' },
  set_veto: { zh: '一票否决', en: 'Veto recorded' },
  clear_veto: { zh: '撤销一票否决', en: 'Veto cleared' },
  mark_official: { zh: '确认为正式结果', en: 'Results marked official' },
  export_results: { zh: '导出结果', en: 'Results exported' },
  export_round_results: { zh: '导出本轮综合排序', en: 'Round totals exported' },
  export_ballots: { zh: '导出选票', en: 'Ballots exported' },
  export_receipts: { zh: '导出回执码清单', en: 'Receipts exported' },
  export_audit: { zh: '导出审计记录', en: 'Audit trail exported' },
  retally: { zh: '重新计票核验', en: 'Re-tally checked' },
  render_pdf: { zh: '生成 PDF', en: 'PDF rendered' },
  create_rehearsal: { zh: '创建演练', en: 'Rehearsal created' },
  wipe_rehearsal: { zh: '清除演练', en: 'Rehearsal wiped' },
};

/** The action in words, or its code where none are written. */
export function auditActionName(action: string, lang: 'zh' | 'en'): string {
  return AUDIT_ACTIONS[action]?.[lang] ?? action;
}

/** A line's detail as one short text: `key: value` pairs in the stored order. */
export function auditDetailText(detail: Readonly<Record<string, string | number>>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${value}`)
    .join('；');
}
