// 绩效自评表评分: the preset picker (kept in the page URL) and one <table> per scored table of a
// ScoreReport. Every figure is a string from the core; a missing one is shown as "—".
import { el, shown } from './dom.js';
import { severity, verdictText, WORDS } from './verdicts.js';

const PRESETS = ['proportional', 'deduct-per-point', 'bands'];
const KIND_TEXT = { project: '项目支出绩效自评表', department: '部门整体支出绩效自评表' };

/** The preset picker: reads ?preset=&k= on load, writes them back on change, calls `onChange`. */
export function setupPresetPicker(root, onChange) {
  const select = root.querySelector('#preset');
  const k = root.querySelector('#preset-k');
  const params = new URLSearchParams(location.search);
  if (PRESETS.includes(params.get('preset'))) select.value = params.get('preset');
  if (params.has('k')) k.value = params.get('k');

  const sync = () => {
    root.querySelector('#preset-k-field').hidden = select.value !== 'deduct-per-point';
  };
  const changed = () => {
    sync();
    const next = new URLSearchParams(location.search);
    next.set('preset', select.value);
    if (select.value === 'deduct-per-point') next.set('k', k.value.trim());
    else next.delete('k');
    history.replaceState(null, '', `?${next}${location.hash}`);
    onChange();
  };
  select.addEventListener('change', changed);
  k.addEventListener('input', changed);
  sync();

  return () => {
    const preset = select.value;
    const kValue = k.value.trim();
    return { preset, k: preset === 'deduct-per-point' && kValue !== '' ? kValue : null };
  };
}

/** Show the tables of a review result in the section (an error is the preset's). */
export function renderScore(root, result) {
  const error = root.querySelector('#preset-error');
  const k = root.querySelector('#preset-k');
  const status = root.querySelector('#tables-status');
  const out = root.querySelector('#tables-result');

  if (result.status === 'error') {
    error.textContent = result.error;
    k.setAttribute('aria-invalid', 'true');
    k.setAttribute('aria-describedby', 'preset-error');
    status.textContent = '评分规则无效，未评分。';
    out.replaceChildren();
    return;
  }
  error.textContent = '';
  k.removeAttribute('aria-invalid');
  k.removeAttribute('aria-describedby');

  const report = result.value ?? {};
  const tables = Array.isArray(report.tables) ? report.tables : [];
  if (tables.length === 0) {
    status.textContent = '未发现绩效自评表。';
    out.replaceChildren();
    return;
  }
  status.textContent = `找到 ${tables.length} 张绩效自评表。`;
  out.replaceChildren(...tables.map((t, i) => tableView(t, i, report.preset)));
}

function tableView(t, i, preset) {
  const article = el('article', 'score-table');
  article.dataset.kind = t.kind ?? '';
  const headingId = `score-table-${i}`;
  article.setAttribute('aria-labelledby', headingId);

  const h3 = el('h3', null, shown(t.name));
  h3.id = headingId;
  if (KIND_TEXT[t.kind]) h3.append(el('span', 'table-kind', `（${KIND_TEXT[t.kind]}）`));
  article.append(h3);
  article.append(el('p', 'preset-used', `评分规则：${shown(preset?.description)}`));
  article.append(fundsLine(t.execution ?? {}));

  const table = el('table', 'indicators');
  table.append(el('caption', 'sr-only', shown(t.name))); // shown visibly by the heading above
  const head = el('tr');
  for (const name of ['指标', '年度指标值', '实际完成值', '分值', '表中得分', '规则得分', '结论', '说明']) {
    const th = el('th', null, name);
    th.scope = 'col';
    head.append(th);
  }
  table.append(wrap('thead', head));
  const body = el('tbody');
  for (const row of t.indicators ?? []) body.append(indicatorRow(row));
  table.append(body);
  table.append(wrap('tfoot', totalsRow(t)));
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  article.append(scroller);

  const findings = [...(t.findings ?? [])].sort((a, b) => severity(a.verdict) - severity(b.verdict));
  if (findings.length > 0) {
    article.append(el('h4', null, '本表校核结果'));
    const ul = el('ul', 'table-findings');
    for (const f of findings) {
      const li = el('li', `v-${verdictClass(f.verdict)}`);
      li.dataset.verdict = f.verdict ?? '';
      li.dataset.kind = f.kind ?? '';
      li.append(verdictSpan(f.verdict), document.createTextNode(` ${shown(f.message)}`));
      const row = f.row === null || f.row === undefined ? '' : `第 ${f.row} 行`;
      if (row && !String(f.message ?? '').includes(row)) li.append(el('span', 'where', `（${row}）`));
      ul.append(li);
    }
    article.append(ul);
  }
  const problems = t.problems ?? [];
  if (problems.length > 0) {
    article.append(el('h4', null, '无法读取的行'));
    const ul = el('ul', 'table-problems');
    for (const p of problems) ul.append(el('li', null, `第 ${shown(p.row)} 行：${shown(p.message)}`));
    article.append(ul);
  }
  return article;
}

function fundsLine(x) {
  const p = el('p', 'funds');
  p.append(
    pair('预算数', `${shown(x.budget)} 万元`),
    pair('执行数', `${shown(x.executed)} 万元`),
    pair('执行率', `表中 ${percent(x.statedRate)}，重算 ${percent(x.rate)}`),
    pair('执行率得分', `表中 ${shown(x.statedScore)}，规则 ${shown(x.score)}（分值 ${shown(x.weight)}）`),
  );
  if (x.verdict) p.append(verdictSpan(x.verdict));
  if (x.message) p.append(el('span', 'funds-message', x.message));
  return p;
}

function percent(value) {
  return value === null || value === undefined || value === '' ? '—' : `${value}%`;
}

function indicatorRow(r) {
  const tr = el('tr', `v-${verdictClass(r.verdict)}`);
  tr.dataset.verdict = r.verdict ?? '';
  if (r.row !== undefined && r.row !== null) tr.dataset.row = String(r.row);

  const name = el('th', 'indicator');
  name.scope = 'row';
  const path = [r.level1, r.level2].filter(Boolean).join(' › ');
  if (path) name.append(el('span', 'levels', path));
  name.append(el('span', 'name', shown(r.indicator)));

  const verdict = el('td', 'verdict-cell');
  verdict.append(verdictSpan(r.verdict));

  const note = el('td', 'note-cell');
  if (r.message) note.append(el('span', 'rule', r.message));
  if (r.reason) note.append(el('span', 'reason', `偏差原因：${r.reason}`));
  if (!r.message && !r.reason) note.textContent = '—';

  tr.append(
    name,
    el('td', null, shown(r.target)),
    el('td', null, shown(r.actual)),
    el('td', 'num', shown(r.weight)),
    el('td', 'num', shown(r.statedScore)),
    el('td', 'num', shown(r.score)),
    verdict,
    note,
  );
  return tr;
}

function totalsRow(t) {
  const tr = el('tr', 'totals');
  const th = el('th', null, '合计');
  th.scope = 'row';
  const weights = el('td', 'num', shown(t.weightsTotal));
  if (t.statedWeightsTotal) weights.append(el('span', 'stated', `表中 ${t.statedWeightsTotal}`));
  const stated = el('td', 'num');
  stated.append(el('span', null, `表中总分 ${shown(t.statedTotal)}`));
  if (t.statedScoresTotal) stated.append(el('span', 'stated', `各项合计 ${t.statedScoresTotal}`));
  const total = el('td', 'num', `规则总分 ${shown(t.total)}`);
  // The totals row carries the verdict of the total and grade checks, when the core made them.
  const checks = (t.findings ?? []).filter((f) => f.kind === 'rule_total' || f.kind === 'grade');
  const worst = checks.map((f) => f.verdict).sort((a, b) => severity(a) - severity(b))[0];
  const verdict = el('td', 'verdict-cell');
  verdict.append(verdictSpan(worst));
  if (worst) {
    tr.dataset.verdict = worst;
    tr.classList.add(`v-${verdictClass(worst)}`);
  }
  const grade = el('td', 'grade', `等级：表中 ${shown(t.statedGrade)}，规则 ${shown(t.grade)}`);
  tr.append(th, el('td', null, ''), el('td', null, ''), weights, stated, total, verdict, grade);
  return tr;
}

function verdictClass(verdict) {
  return verdict in WORDS ? verdict : 'unknown';
}

function verdictSpan(verdict) {
  const span = el('span', 'verdict', verdict ? verdictText(verdict) : '—');
  if (verdict) span.dataset.verdict = verdict;
  return span;
}

function pair(label, value) {
  const span = el('span', 'pair');
  span.append(el('span', 'label', `${label} `), el('span', 'value', value));
  return span;
}

function wrap(tag, child) {
  const node = el(tag);
  node.append(child);
  return node;
}
