// The findings of the audit report, grouped by severity (错误, 提示, 尾差, 无法计算, 一致), most severe first.
// Each group shows its first page of findings and fetches more on request; the ✓ 一致 group starts
// collapsed. A finding reads its verdict, what was checked, where (section or table, row, column, line,
// page), the figures as the core gave them, and carries a 已说明 mark with a short note.
import { el, srOnly } from './dom.js';
import { ownFrame } from './schedule.js';
import { GROUPS, SEVERITY, SEVERITY_NOTE, SYMBOL, shown, verdictText, WORDS } from './words.js';

const PAGE = 60;

/**
 * `container` gets one <section class="group"> per non-empty group. `fetchItems(from, count)` resolves a
 * page of items; `onLocate(item, button)`; `notes` is the 已说明 store.
 */
export function renderGroups(container, view, { fetchItems, onLocate, notes, steps }) {
  const nodes = [];
  const out = [];
  for (const group of GROUPS) {
    const [from, count] = view.ranges[group];
    if (count === 0) continue;
    const section = el('section', `group group-${group}`);
    section.dataset.verdict = group;
    section.id = `group-${group}`;
    const headingId = `group-${group}-title`;
    section.setAttribute('aria-labelledby', headingId);
    const h = el('h4', 'group-title');
    h.id = headingId;
    const list = el('ol', 'items');
    list.setAttribute('aria-labelledby', headingId);
    const more = el('button', 'more');
    more.type = 'button';
    more.hidden = true;
    const state = { shown: 0 };
    const addItems = (items) => {
      for (const item of items) list.append(findingItem(item, onLocate, notes));
      state.shown += items.length;
      const left = count - state.shown;
      more.hidden = left <= 0;
      more.textContent = `再显示 ${Math.min(left, PAGE)} 项（还有 ${left} 项）`;
    };
    more.addEventListener('click', async () => {
      more.disabled = true;
      const items = await fetchItems(from + state.shown, PAGE);
      more.disabled = false;
      if (items) addItems(items);
    });
    if (group === 'ok') {
      const toggle = el('button', 'group-toggle');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      toggle.setAttribute('aria-controls', `group-${group}-list`);
      toggle.append(el('span', 'verdict', `${SYMBOL.ok} ${SEVERITY.ok}`), ` ${count} 项`, el('span', 'h-note', '（已折叠，展开查看）'));
      toggle.querySelector('.verdict').dataset.verdict = 'ok';
      h.append(toggle);
      list.id = `group-${group}-list`;
      list.hidden = true;
      toggle.addEventListener('click', async () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        toggle.querySelector('.h-note').textContent = open ? '（点击折叠）' : '（已折叠，展开查看）';
        list.hidden = !open;
        more.hidden = !open || state.shown >= count;
        if (open && state.shown === 0) {
          const items = await fetchItems(from, Math.min(count, PAGE));
          if (items) addItems(items);
        }
      });
    } else {
      const v = el('span', 'verdict', `${SYMBOL[group]} ${SEVERITY[group]}`);
      v.dataset.verdict = group;
      h.append(v, ` ${count} 项`, el('span', 'h-note', `（${SEVERITY_NOTE[group]}）`));
      const first = view.preview[group] ?? [];
      // fifteen findings a frame: the first ones at once, the rest of the page just after
      for (let k = 0; k < first.length; k += 15) steps.push(ownFrame(() => addItems(first.slice(k, k + 15))));
    }
    section.append(h, list, more);
    nodes.push(section);
    out.push({ group, section });
  }
  container.replaceChildren(...nodes);
  return out;
}

/** One finding: a 定位 button naming it, its figures and words, and its 已说明 mark. */
export function findingItem(item, onLocate, notes) {
  const verdict = item.verdict in WORDS ? item.verdict : 'notice';
  const li = el('li', `finding v-${verdict}`);
  li.dataset.verdict = item.verdict ?? '';
  li.dataset.kind = item.kind ?? '';
  li.dataset.source = item.source ?? '';
  li.dataset.item = String(item.id);
  li.dataset.key = item.key;

  const head = el('button', 'finding-head');
  head.type = 'button';
  const v = el('span', 'verdict', verdictText(item.verdict));
  v.dataset.verdict = item.verdict ?? '';
  head.append(v, ' ', el('span', 'kind-title', item.rule ? `${item.rule} ${item.title}` : item.title));
  if (item.where) head.append(' ', el('span', 'place', item.where));
  const at = [item.line ? `第 ${item.line} 行` : '', item.page ? `第 ${item.page} 页` : ''].filter(Boolean).join('，');
  if (at) head.append(' ', el('span', 'where', at));
  if (item.span) {
    head.append(srOnly('，在原文中定位'));
    head.title = '在原文中定位';
    head.addEventListener('click', () => onLocate(item, head));
  } else {
    head.setAttribute('aria-disabled', 'true');
  }
  li.append(head);

  if (item.formula) li.append(line('公式', item.formula, 'formula'));
  if (item.stated !== null || item.recomputed !== null) {
    const figures = el('p', 'figures');
    figures.append(pair('填报', item.stated), pair('重算', item.recomputed));
    if (item.difference !== null) figures.append(pair('差额', item.difference));
    if (item.interval) figures.append(pair('允许范围', item.interval));
    li.append(figures);
  }
  if (item.message) li.append(el('p', 'message', item.message));
  if (item.diagnosis) li.append(line('诊断', item.diagnosis, 'diagnosis'));
  if (item.verdict !== 'ok' && notes) li.append(explainControl(item, li, notes));
  return li;
}

/** The 已说明 mark: a checkbox and, once ticked, a one-line note; kept by `notes`. */
function explainControl(item, li, notes) {
  const box = el('div', 'explain');
  const id = `explain-${item.id}-${Math.random().toString(36).slice(2, 7)}`;
  const check = el('input');
  check.type = 'checkbox';
  check.id = id;
  check.className = 'explained';
  const label = el('label', 'explain-label', '已说明');
  label.htmlFor = id;
  const note = el('input', 'note-text');
  note.type = 'text';
  note.maxLength = 200;
  note.placeholder = '简要说明（可不填）';
  note.setAttribute('aria-label', `说明备注：${item.title}`);
  note.autocomplete = 'off';
  const saved = notes.get(item.key);
  check.checked = Boolean(saved);
  note.value = saved?.text ?? '';
  note.hidden = !saved;
  li.classList.toggle('is-explained', Boolean(saved));
  const save = () => {
    if (check.checked) notes.set(item.key, { text: note.value.trim(), at: new Date().toISOString() });
    else notes.set(item.key, null);
    li.classList.toggle('is-explained', check.checked);
  };
  check.addEventListener('change', () => {
    note.hidden = !check.checked;
    save();
    if (check.checked) note.focus();
  });
  note.addEventListener('input', save);
  box.append(check, label, note);
  return box;
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
