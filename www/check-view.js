// Full-text check: show a review's claims as a summary, the marked-up text and the findings list. The caller
// makes the one core call per edit and hands the result here.
import { codePointIndex, spanOf } from './codepoints.js';
import { download, findingsCsv, reportJson } from './export.js';
import { applyFilter, renderFindings, renderProblems, renderSummary } from './findings.js';
import { markCurrent, renderMarkedText } from './highlight.js';
import { scrollTextareaTo } from './textarea-scroll.js';

/** Wire the check views to the textarea; returns `show(result, text)` to render a review of `text`. */
export function setupCheck(root, input) {
  const $ = (selector) => root.querySelector(selector);
  const status = $('#app-status');
  const summary = $('#summary');
  const problems = $('#problems');
  const marked = $('#marked-text');
  const findings = $('#findings');
  const filter = $('#findings-filter');
  const exportButtons = [$('#export-csv'), $('#export-json')];
  let current = { report: null, index: codePointIndex('') };

  filter.addEventListener('change', () => applyFilter(findings, filter.value));
  $('#export-csv').addEventListener('click', () => {
    if (current.report) download(findingsCsv(current.report, current.index), 'juesuan-findings.csv', 'text/csv;charset=utf-8');
  });
  $('#export-json').addEventListener('click', () => {
    if (current.report) download(reportJson(current.report), 'juesuan-findings.json', 'application/json');
  });

  /** Show the claim in the marked text (focused) and select it in the paste box. */
  function locate(claim, button) {
    for (const li of findings.querySelectorAll('li.current')) li.classList.remove('current');
    button.closest('li')?.classList.add('current');
    const span = spanOf(claim.span);
    if (!span) return;
    const { index } = current;
    input.setSelectionRange(index.utf16(span[0]), index.utf16(span[1]));
    scrollTextareaTo(input, index.utf16(span[0]));
    const mark = markCurrent(marked, span[0], span[1]);
    if (mark) {
      mark.focus({ preventScroll: true });
      mark.scrollIntoView({ block: 'center' });
    } else {
      button.focus();
    }
  }

  function show(result, text) {
    if (result.status === 'error') {
      status.textContent = result.error;
      current = { report: null, index: codePointIndex('') };
      for (const node of [summary, marked, findings]) node.replaceChildren();
      for (const b of exportButtons) b.disabled = true;
      return;
    }
    status.textContent = '';
    const report = result.value;
    const index = codePointIndex(text);
    const claims = Array.isArray(report.claims) ? report.claims : [];
    current = { report, index };
    renderSummary(summary, report, text.trim() === '');
    renderProblems(problems, report.problems, index);
    renderMarkedText(marked, text, claims, index);
    renderFindings(findings, claims, index, locate);
    applyFilter(findings, filter.value);
    for (const b of exportButtons) b.disabled = claims.length === 0;
  }

  return show;
}
