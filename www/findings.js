// The summary line, the problems list and the findings list of a TextReport. Every figure shown is a
// string from the core; the page only sorts and lays them out.
import { spanOf } from './codepoints.js';
import { el, shown, srOnly } from './dom.js';
import { severity, verdictText, WORDS } from './verdicts.js';

/** Claims with their report index, most severe first, in text order within a verdict. */
export function sortedClaims(claims) {
  return claims
    .map((claim, i) => ({ claim, i, start: spanOf(claim.span)?.[0] ?? Infinity }))
    .sort((x, y) => severity(x.claim.verdict) - severity(y.claim.verdict) || x.start - y.start || x.i - y.i);
}

/** "共 N 处数字声明：✓ 一致 a，≈ 尾差 b，✗ 不一致 c，— 无法计算 d" (the claims of the text). */
export function summaryText(summary) {
  const c = summary?.claims;
  const n = (v) => shown(v);
  return (
    `共 ${n(c?.total)} 处数字声明：${verdictText('ok')} ${n(c?.ok)}，` +
    `${verdictText('rounding')} ${n(c?.rounding)}，${verdictText('mismatch')} ${n(c?.mismatch)}，` +
    `${verdictText('not_computable')} ${n(c?.notComputable)}`
  );
}

export function renderSummary(node, report, isEmpty) {
  if (isEmpty) {
    node.replaceChildren(el('span', 'hint', '请在上方粘贴决算公开说明或绩效自评表，结果将即时显示。'));
    return;
  }
  const parts = [el('span', 'counts', summaryText(report.summary))];
  if ((report.claims ?? []).length === 0) parts.push(el('span', 'hint', '未找到可核对的数字声明。'));
  node.replaceChildren(...parts);
}

/** Problems the core met while reading (role=alert list; empty and hidden when none). */
export function renderProblems(list, problems, index) {
  const items = (problems ?? []).map((p) => {
    const span = spanOf(p.span);
    const where = span ? `（第 ${index.line(span[0])} 行）` : '';
    return el('li', null, `${shown(p.message)}${where}`);
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}

/**
 * One <li data-kind data-verdict> per claim, most severe first. `onLocate(claim, button)` is called
 * when the person activates an item (click, Enter or Space on its button).
 */
export function renderFindings(list, claims, index, onLocate) {
  const items = sortedClaims(claims).map(({ claim, i }) => findingItem(claim, i, index, onLocate));
  list.replaceChildren(...items);
}

function findingItem(claim, i, index, onLocate) {
  const verdict = claim.verdict;
  const li = el('li', `finding v-${verdict in WORDS ? verdict : 'unknown'}`);
  li.dataset.kind = claim.kind ?? '';
  li.dataset.verdict = verdict ?? '';
  li.dataset.claim = String(i);

  const span = spanOf(claim.span);
  const button = el('button', 'finding-head');
  button.type = 'button';
  const v = el('span', 'verdict', verdictText(verdict));
  v.dataset.verdict = verdict ?? '';
  button.append(v, ' ', el('span', 'kind-title', shown(claim.title)));
  if (span) button.append(' ', el('span', 'where', `第 ${index.line(span[0])} 行`));
  button.append(srOnly('，在原文中定位'));
  button.title = '在原文中定位';
  button.addEventListener('click', () => onLocate(claim, button));
  li.append(button);

  if (claim.formula) li.append(line('公式', claim.formula, 'formula'));
  const figures = el('p', 'figures');
  figures.append(pair('填报', claim.stated), pair('重算', claim.recomputed), pair('差额', claim.difference));
  if (Array.isArray(claim.interval)) {
    figures.append(pair('允许范围', `${shown(claim.interval[0])} ~ ${shown(claim.interval[1])}`));
  }
  li.append(figures);
  if (claim.message) li.append(el('p', 'message', claim.message));
  if (claim.diagnosis) li.append(line('诊断', claim.diagnosis, 'diagnosis'));
  return li;
}

function pair(label, value) {
  const span = el('span', 'pair');
  span.append(el('span', 'label', `${label} `), el('span', 'value', shown(value)));
  return span;
}

function line(label, value, className) {
  const p = el('p', className);
  p.append(el('strong', 'label', `${label}：`), document.createTextNode(value));
  return p;
}

/** Show every finding, or only those that are not ✓ 一致. */
export function applyFilter(list, mode) {
  for (const li of list.children) li.hidden = mode === 'problems' && li.dataset.verdict === 'ok';
}
