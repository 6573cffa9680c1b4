// The printed 审核报告: a header (document, date, rule, version, the headline) and a compact table of the
// findings — 错误, 提示 and 尾差 by default, every finding when asked — on one to three A4 pages for a
// usual disclosure. The screen never shows it; print CSS shows only it.
import { el } from './dom.js';
import { GROUPS, SEVERITY, shown, verdictText } from './words.js';

const DEFAULT_GROUPS = ['mismatch', 'notice', 'rounding'];

/** Fills `node` with the report of `items` (already chosen), `header` and `counts` (the headline's). */
export function buildPrintReport(node, { header, items, counts, all, notes }) {
  const parts = [el('h1', null, '审核报告')];
  const dl = el('dl', 'report-header');
  for (const [k, v] of [['文档', header.document], ['审核时间', header.date], ['评分规则', header.rule], ['版本', header.version], ['结论', header.summary]]) {
    dl.append(el('dt', null, k), el('dd', null, shown(v)));
  }
  parts.push(dl);
  const left = GROUPS.filter((g) => !all && !DEFAULT_GROUPS.includes(g) && counts[g] > 0).map((g) => `${SEVERITY[g]} ${counts[g]} 项`);
  parts.push(el('p', 'report-scope', all
    ? `本报告列出全部 ${items.length} 项核对结果。`
    : `本报告列出错误、提示和尾差共 ${items.length} 项${left.length ? `；${left.join('、')}未列出（勾选“打印时包括全部结果”可一并打印）` : ''}。`));
  if (items.length > 0) {
    const table = el('table', 'report-items');
    const head = el('tr');
    for (const name of ['序号', '结论', '位置', '内容']) {
      const th = el('th', null, name);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    items.forEach((it, n) => {
      const tr = el('tr', `v-${it.verdict}`);
      tr.dataset.verdict = it.verdict;
      const at = [it.where, it.line ? `第 ${it.line} 行` : '', it.page ? `第 ${it.page} 页` : ''].filter(Boolean).join('，');
      const what = el('td', 'report-what');
      what.append(el('span', 'report-title', `${it.rule ? `${it.rule} ` : ''}${it.title}：`), document.createTextNode(it.message));
      if (it.diagnosis) what.append(el('span', 'report-diagnosis', `诊断：${it.diagnosis}`));
      const note = notes?.get(it.key);
      if (note) what.append(el('span', 'report-note', `已说明${note.text ? `：${note.text}` : ''}`));
      tr.append(el('td', 'num', String(n + 1)), el('td', 'report-verdict', verdictText(it.verdict)), el('td', 'report-where', at), what);
      body.append(tr);
    });
    table.append(thead, body);
    parts.push(table);
  }
  parts.push(el('p', 'report-foot', `由决算校核计算器${header.version ? ` ${header.version}` : ''}在本机浏览器生成，数据未上传。`));
  node.replaceChildren(...parts);
}
