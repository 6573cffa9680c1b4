// The audit report as files: CSV for Excel (UTF-8 with BOM, a header block, then one line per finding) and
// JSON (the core's Review as it came, plus the report's header and findings with their 已说明 notes). Built
// in the worker from strings only; the page turns the text into a download.
import { SEVERITY, verdictText } from './words.js';

const COLUMNS = ['序号', '严重程度', '结论', '类型', '规则', '位置', '行', '页', '填报值', '重算值', '差额', '允许范围', '公式', '说明', '诊断', '已说明', '说明备注'];

/** One CSV field: quoted when it holds a comma, quote or line break; quotes doubled; no formula injection. */
export function csvField(value) {
  let text = value === undefined || value === null ? '' : String(value);
  // A cell starting with = + @ (or - not followed by a digit) would be run as a formula by Excel.
  if (/^[=+@\t\r]|^-(?![0-9.])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header block: [label, value] pairs (document, date, rule, version, counts). */
export function headerRows(header) {
  return [
    ['审核报告', '决算校核计算器'],
    ['文档', header?.document ?? ''],
    ['审核时间', header?.date ?? ''],
    ['评分规则', header?.rule ?? ''],
    ['版本', header?.version ?? ''],
    ['结论', header?.summary ?? ''],
  ];
}

/** CSV: the header block, an empty line, the column names, then every finding in the report's order. */
export function exportCsv(items, header, notes = {}) {
  const rows = [...headerRows(header), [], COLUMNS];
  items.forEach((it, n) => {
    const note = notes?.[it.key];
    rows.push([
      String(n + 1),
      SEVERITY[it.verdict] ?? it.verdict,
      verdictText(it.verdict),
      it.title,
      it.rule ?? '',
      it.where,
      it.line ?? '',
      it.page ?? '',
      it.stated,
      it.recomputed,
      it.difference,
      it.interval,
      it.formula,
      it.message,
      it.diagnosis,
      note ? '是' : '',
      note?.text ?? '',
    ]);
  });
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** JSON: the Review exactly as the core returned it, with `audit` (header and findings) added. */
export function exportJson(review, items, header, notes = {}) {
  const findings = items.map(({ span, ...it }) => ({ ...it, severity: SEVERITY[it.verdict] ?? it.verdict, explained: notes?.[it.key] ?? null }));
  return `${JSON.stringify({ ...review, audit: { header: header ?? {}, findings } }, null, 2)}\n`;
}
