// The demo portal's own script: it hears the checkers' events on `document` and shows their counts in
// portal elements (textContent only). It marks the page ready once every checker has reported or failed.
// A checker may have finished before this script ran: its `report` / `error` properties say so.
const lastEvent = document.querySelector('#last-event');
const lastScore = document.querySelector('#last-score');
const waiting = new Set(document.querySelectorAll('juesuan-checker'));

function settled(checker) {
  waiting.delete(checker);
  if (waiting.size === 0) document.documentElement.dataset.ready = '1';
}

function showReport(checker, report) {
  const s = report.summary.claims;
  lastEvent.textContent =
    `${checker.id}：共 ${s.total} 处数字声明，✓ 一致 ${s.ok}，≈ 尾差 ${s.rounding}，` +
    `✗ 不一致 ${s.mismatch}，— 无法计算 ${s.notComputable}`;
  settled(checker);
}

function showError(checker, message) {
  lastEvent.textContent = `${checker.id}：${message}`;
  settled(checker);
}

document.addEventListener('juesuan-report', (event) => showReport(event.target, event.detail.report));
document.addEventListener('juesuan-error', (event) => showError(event.target, event.detail.message));

document.addEventListener('juesuan-score', (event) => {
  const { preset, tables } = event.detail.report;
  const totals = tables.map((t) => t.total ?? '—').join('、');
  lastScore.textContent = `${event.target.id}：${tables.length} 张绩效自评表，规则总分 ${totals || '—'}（${preset.description}）`;
});

for (const checker of [...waiting]) {
  if (checker.report) showReport(checker, checker.report);
  else if (checker.error) showError(checker, checker.error);
}
