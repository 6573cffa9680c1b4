// 绩效自评表评分: the preset picker (kept in the page URL) and one article per scored table. Every figure
// is a string from the core; a missing one is shown as "—". Tables are built as they come near the screen
// (a long paste may hold hundreds); on a narrow screen each indicator row becomes a card, so the 结论 is
// never cut off.
import { el, srOnly } from './dom.js';
import { KIND_TEXT, shown, verdictText, WORDS } from './words.js';

const PRESETS = ['proportional', 'deduct-per-point', 'bands'];
const COLUMNS = ['指标', '结论', '表中得分', '规则得分', '分值', '年度指标值', '实际完成值', '说明'];

/** The preset picker: reads ?preset=&k= on load (when `useUrl`), writes them back on change, calls `onChange`. */
export function setupPresetPicker(root, onChange, { useUrl = true } = {}) {
  const select = root.querySelector('#preset');
  const k = root.querySelector('#preset-k');
  if (useUrl) {
    const params = new URLSearchParams(location.search);
    if (PRESETS.includes(params.get('preset'))) select.value = params.get('preset');
    if (params.has('k')) k.value = params.get('k');
  }
  const sync = () => {
    root.querySelector('#preset-k-field').hidden = select.value !== 'deduct-per-point';
  };
  const changed = () => {
    sync();
    if (useUrl) {
      const next = new URLSearchParams(location.search);
      next.set('preset', select.value);
      if (select.value === 'deduct-per-point') next.set('k', k.value.trim());
      else next.delete('k');
      history.replaceState(null, '', `?${next}${location.hash}`);
    }
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

/** The preset's error (or none) next to the picker. */
export function showPresetError(root, message) {
  const error = root.querySelector('#preset-error');
  const k = root.querySelector('#preset-k');
  error.textContent = message ?? '';
  if (message) {
    k.setAttribute('aria-invalid', 'true');
    k.setAttribute('aria-describedby', 'preset-error');
    root.querySelector('#tables-status').textContent = '评分规则无效，未评分。';
    root.querySelector('#tables-result').replaceChildren();
  } else {
    k.removeAttribute('aria-invalid');
    k.removeAttribute('aria-describedby');
  }
}

/**
 * Shows the scored tables of `view` in the section: a placeholder for each, built when it comes near the
 * screen — from the views sent with the result, else asked for (`fetchTables(from, count)`).
 */
export function renderTables(root, view, { fetchTables, onLocate, steps }) {
  const status = root.querySelector('#tables-status');
  const out = root.querySelector('#tables-result');
  const { count, first } = view.tables;
  if (count === 0) {
    status.textContent = '未发现绩效自评表。';
    out.replaceChildren();
    return;
  }
  status.textContent = `找到 ${count} 张绩效自评表。`;
  const known = new Map(first.map((t) => [t.index, t]));
  const slots = [];
  for (let i = 0; i < count; i += 1) {
    const slot = el('article', 'score-table pending');
    slot.dataset.table = String(i);
    slot.append(el('h3', null, `第 ${i + 1} 张绩效自评表（加载中…）`));
    slots.push(slot);
  }
  const build = (i) => {
    if (!slots[i].classList.contains('pending')) return;
    if (known.has(i)) {
      fillSlot(slots[i], known.get(i), onLocate);
      return;
    }
    fetchTables(i, 4).then((list) => {
      for (const t of list ?? []) {
        known.set(t.index, t);
        if (slots[t.index]?.classList.contains('pending')) fillSlot(slots[t.index], t, onLocate);
      }
    });
  };
  steps.push(() => {
    out.replaceChildren(...slots);
    if (typeof IntersectionObserver !== 'function') {
      slots.forEach((_, i) => build(i));
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        build(Number(e.target.dataset.table));
      }
    }, { rootMargin: '600px 0px' });
    for (const slot of slots) observer.observe(slot);
  });
}

function fillSlot(article, t, onLocate) {
  article.classList.remove('pending');
  article.dataset.kind = t.kind ?? '';
  const headingId = `score-table-${t.index}`;
  article.setAttribute('aria-labelledby', headingId);
  const h3 = el('h3', null, shown(t.name));
  h3.id = headingId;
  if (KIND_TEXT[t.kind]) h3.append(el('span', 'table-kind', `（${KIND_TEXT[t.kind]}）`));
  const parts = [h3, el('p', 'preset-used', `评分规则：${shown(t.preset)}`), fundsLine(t.execution ?? {})];

  const table = el('table', 'indicators');
  table.append(el('caption', 'sr-only', shown(t.name))); // shown visibly by the heading above
  const head = el('tr');
  for (const name of COLUMNS) {
    const th = el('th', null, name);
    th.scope = 'col';
    head.append(th);
  }
  table.append(wrap('thead', head));
  const body = el('tbody');
  for (const row of t.indicators ?? []) body.append(indicatorRow(row));
  table.append(body);
  table.append(wrap('tfoot', totalsRow(t)));
  // a region of its own: it scrolls sideways on a narrow screen, so it takes the keyboard focus too
  const scroller = el('div', 'table-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', `${shown(t.name)} 指标评分表`);
  scroller.append(table);
  parts.push(scroller);

  const findings = t.findings ?? [];
  if (findings.length > 0) {
    parts.push(el('h4', null, '本表校核结果'));
    const ul = el('ul', 'table-findings');
    for (const f of findings) {
      const li = el('li', `v-${verdictClass(f.verdict)}`);
      li.dataset.verdict = f.verdict ?? '';
      li.dataset.kind = f.kind ?? '';
      li.dataset.item = String(f.id);
      li.append(verdictSpan(f.verdict), document.createTextNode(` ${shown(f.message)}`));
      if (f.span && onLocate) {
        const go = el('button', 'link-button', '定位');
        go.type = 'button';
        go.append(srOnly(`：${f.title}`));
        go.addEventListener('click', () => onLocate(f, go));
        li.append(' ', go);
      }
      ul.append(li);
    }
    parts.push(ul);
  }
  const problems = t.problems ?? [];
  if (problems.length > 0) {
    parts.push(el('h4', null, '无法读取的行'));
    const ul = el('ul', 'table-problems');
    for (const p of problems) ul.append(el('li', null, `第 ${shown(p.row)} 行：${shown(p.message)}`));
    parts.push(ul);
  }
  article.replaceChildren(...parts);
}

/** 预算数, 执行数, 执行率 (with the rate's own verdict) and 执行率得分 (with the score's own verdict). */
function fundsLine(x) {
  const p = el('p', 'funds');
  const rate = pair('执行率', `表中 ${percent(x.statedRate)}，重算 ${percent(x.rate)}`);
  if (x.verdict) rate.append(' ', verdictSpan(x.verdict));
  const score = pair('执行率得分', `表中 ${shown(x.statedScore)}，规则 ${shown(x.score)}（分值 ${shown(x.weight)}）`);
  if (x.scoreVerdict) score.append(' ', verdictSpan(x.scoreVerdict));
  p.append(pair('预算数', `${shown(x.budget)} 万元`), pair('执行数', `${shown(x.executed)} 万元`), rate, score);
  if (x.message) p.append(el('span', 'funds-message', x.message));
  return p;
}

function percent(value) {
  return value === null || value === undefined || value === '' ? '—' : `${value}%`;
}

function cell(label, text, className) {
  const td = el('td', className, text);
  td.dataset.label = label;
  return td;
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

  const verdict = cell('结论', null, 'verdict-cell');
  verdict.append(verdictSpan(r.verdict));

  const note = cell('说明', null, 'note-cell');
  if (r.message) note.append(el('span', 'rule', r.message));
  if (r.reason) note.append(el('span', 'reason', `偏差原因：${r.reason}`));
  if (!r.message && !r.reason) note.textContent = '—';

  tr.append(
    name,
    verdict,
    cell('表中得分', shown(r.statedScore), 'num'),
    cell('规则得分', shown(r.score), 'num'),
    cell('分值', shown(r.weight), 'num'),
    cell('年度指标值', shown(r.target)),
    cell('实际完成值', shown(r.actual)),
    note,
  );
  return tr;
}

function totalsRow(t) {
  const tr = el('tr', 'totals');
  const th = el('th', null, '合计');
  th.scope = 'row';
  const worst = t.totalsVerdict;
  const verdict = cell('结论', null, 'verdict-cell');
  verdict.append(verdictSpan(worst));
  if (worst) {
    tr.dataset.verdict = worst;
    tr.classList.add(`v-${verdictClass(worst)}`);
  }
  const stated = cell('表中得分', null, 'num');
  stated.append(el('span', null, `表中总分 ${shown(t.statedTotal)}`));
  if (t.statedScoresTotal) stated.append(el('span', 'stated', `各项合计 ${t.statedScoresTotal}`));
  const total = cell('规则得分', `规则总分 ${shown(t.total)}`, 'num');
  const weights = cell('分值', shown(t.weightsTotal), 'num');
  if (t.statedWeightsTotal) weights.append(el('span', 'stated', `表中 ${t.statedWeightsTotal}`));
  const grade = cell('说明', `等级：表中 ${shown(t.statedGrade)}，规则 ${shown(t.grade)}`, 'grade');
  tr.append(th, verdict, stated, total, weights, cell('年度指标值', ''), cell('实际完成值', ''), grade);
  return tr;
}

function verdictClass(verdict) {
  return verdict in WORDS ? verdict : 'notice';
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
