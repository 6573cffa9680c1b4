// Download the findings as CSV (for Excel) or the report as JSON. Made in the page from a Blob: no network.
import { spanOf } from './codepoints.js';
import { sortedClaims } from './findings.js';
import { verdictText } from './verdicts.js';

const HEADER = ['序号', '类型', '结论', '填报值', '重算值', '差额', '允许范围', '公式', '说明', '诊断', '位置'];

/** One CSV field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value) {
  let text = value === undefined || value === null ? '' : String(value);
  // A cell starting with = + @ (or - not followed by a digit) would be run as a formula by Excel.
  if (/^[=+@\t\r]|^-(?![0-9.])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 CSV with BOM, Chinese header, CRLF, one line per finding in the order of the list. */
export function findingsCsv(report, index) {
  const rows = [HEADER];
  sortedClaims(report.claims ?? []).forEach(({ claim }, n) => {
    const span = spanOf(claim.span);
    const interval = Array.isArray(claim.interval) ? `${claim.interval[0]} ~ ${claim.interval[1]}` : '';
    const where = span ? `第${index.line(span[0])}行，字符${span[0]}–${span[1]}` : '';
    rows.push([
      String(n + 1),
      claim.title,
      verdictText(claim.verdict),
      claim.stated,
      claim.recomputed,
      claim.difference,
      interval,
      claim.formula,
      claim.message,
      claim.diagnosis,
      where,
    ]);
  });
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The TextReport exactly as the core returned it. */
export function reportJson(report) {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Save `text` as a file through a temporary <a download>. */
export function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
