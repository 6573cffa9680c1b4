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

function showReport(checker, headline) {
  const c = headline.counts;
  lastEvent.textContent =
    `${checker.id}：错误 ${c.mismatch} 项，提示 ${c.notice} 项，尾差 ${c.rounding} 项，` +
    `无法计算 ${c.not_computable} 项，一致 ${c.ok} 项（共 ${headline.total} 项）`;
  settled(checker);
}

function showError(checker, message) {
  lastEvent.textContent = `${checker.id}：${message}`;
  settled(checker);
}

document.addEventListener('juesuan-report', (event) => showReport(event.target, event.detail.headline));
document.addEventListener('juesuan-error', (event) => showError(event.target, event.detail.message));

document.addEventListener('juesuan-score', (event) => {
  const { preset, tables } = event.detail.report;
  const totals = tables.map((t) => t.total ?? '—').join('、');
  lastScore.textContent = `${event.target.id}：${tables.length} 张绩效自评表，规则总分 ${totals || '—'}（${preset.description}）`;
});

for (const checker of [...waiting]) {
  if (checker.headline) showReport(checker, checker.headline);
  else if (checker.error) showError(checker, checker.error);
}
