// What a person reads for each verdict and kind: a symbol and words, never colour alone. Shared by the
// worker (locations, tooltips, exports) and the page's views.

/** The verdicts, most severe first: the order of the audit report's groups. */
export const GROUPS = ['mismatch', 'notice', 'rounding', 'not_computable', 'ok'];

export const SYMBOL = { mismatch: '✗', notice: 'ⓘ', rounding: '≈', not_computable: '—', ok: '✓' };

/** The verdict of one figure. */
export const WORDS = { mismatch: '不一致', notice: '提示', rounding: '尾差', not_computable: '无法计算', ok: '一致' };

/** The severity of a group of findings, as the report's headline and headings name it. */
export const SEVERITY = { mismatch: '错误', notice: '提示', rounding: '尾差', not_computable: '无法计算', ok: '一致' };

/** What each severity means, in one line. */
export const SEVERITY_NOTE = {
  mismatch: '数字对不上，需要更正或说明',
  notice: '值得核实，不一定是错误',
  rounding: '由四舍五入造成的差异，通常不是错误',
  not_computable: '分母为零等原因无法计算，表中却填了数',
  ok: '与重算结果一致',
};

export const KIND_TEXT = { project: '项目支出绩效自评表', department: '部门整体支出绩效自评表' };

/** The table findings' kinds in Chinese. */
export const FINDING_TITLE = {
  indicator_score: '指标得分',
  score_over_weight: '得分超过分值',
  over_achievement: '超额完成',
  execution_score: '执行率得分',
  execution_over_100: '执行率超过 100%',
  execution_rate: '执行率',
  weights_total: '分值合计',
  stated_weights_total: '总分行分值',
  stated_total: '表中总分',
  rule_total: '规则总分',
  grade: '等级',
  not_read: '未读取的部分',
};

/** "✗ 不一致"; an unknown verdict is shown as it came. */
export function verdictText(verdict) {
  return verdict in WORDS ? `${SYMBOL[verdict]} ${WORDS[verdict]}` : String(verdict ?? '—');
}

/** A value from the core as shown: its own string, or "—" when absent. */
export function shown(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}
