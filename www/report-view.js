// The audit report on the page: one review per edit (through the core's worker), its result rendered in
// slices — the headline and the first findings at once, the rest of the findings, the marked text and the
// tables after — and the report's actions: 定位 (focus stays on the finding; Escape in the text returns to
// it), the 已说明 notes, CSV/JSON export and the printed report. The page and the element both use it.
import { renderGroups } from './audit-list.js';
import { el } from './dom.js';
import { download } from './download.js';
import { renderGuide } from './empty-state.js';
import { markedText } from './marked-text.js';
import { buildPrintReport } from './print-report.js';
import { slicer } from './schedule.js';
import { scrollTextareaTo } from './textarea-scroll.js';
import { renderTables, showPresetError } from './tables-view.js';
import { shiftPages } from './locate.js';
import { GROUPS, SEVERITY, SYMBOL } from './words.js';

const PAUSE_MS = 1200; // results are announced once the typing pauses this long
const BIG = 100_000; // UTF-16 units: a review this big shows progress
/**
 * A text longer than this is kept beside the paste box, not in it: a browser's text box lays out its whole
 * text on every change (a 1 MB paste blocks the page for a second), so the box shows the text's beginning,
 * read-only, and the marked text below shows it all.
 */
export const LARGE = 200_000;
const PREVIEW = 5_000; // what the box shows of a large text: enough to recognise it, cheap to lay out

/** "✗ 错误 18 项，ⓘ 提示 0 项，≈ 尾差 2 项，— 无法计算 4 项，✓ 一致 274 项（共 298 项）" */
export function headlineText(h) {
  const parts = GROUPS.map((g) => `${SYMBOL[g]} ${SEVERITY[g]} ${h.counts[g]} 项`);
  return `${parts.join('，')}（共 ${h.total} 项）`;
}

/**
 * `root` holds the views (ids as in index.html); `input` is the paste box. `client` is core-client's;
 * `choice()` gives the preset; `notes` the 已说明 store; `onResult(view)` hears every shown result.
 */
export function setupReport(root, { input, client, choice, notes, onResult = () => {}, onExample = null, files = true, pdf = true, full = false, version = () => '' }) {
  const $ = (s) => root.querySelector(s);
  const html = document.documentElement;
  const summary = $('#summary');
  const sub = $('#summary-detail');
  const problems = $('#problems');
  const guide = $('#guide');
  const findings = $('#findings');
  const announce = $('#announce');
  const busy = $('#busy');
  const status = $('#app-status');
  const tables = $('#tables');
  const printNode = $('#print-report');
  const exportButtons = [$('#export-csv'), $('#export-json'), $('#print-results')].filter(Boolean);
  const marked = markedText($('#marked-text'));
  const slices = slicer();

  const large = $('#large-note');
  let doc = { name: null, pages: null };
  let big = null; // the whole text while it is too large for the box
  let shown = null; // { seq, view, text }
  let lastText = input.value;
  let lastLocated = null;
  let typedAt = 0;
  let announced = '';
  let announceTimer = null;
  let printReady = null; // { seq, all }

  // ---- one review per edit ------------------------------------------------------------------------

  /** The text being checked: the box's, or the large text kept beside it. */
  const currentText = () => big ?? input.value;

  function setText(text) {
    if (text.length > LARGE) {
      big = text;
      input.value = text.slice(0, PREVIEW);
      input.readOnly = true;
      if (large) {
        const edit = el('button', 'link-button', '在输入框中编辑全文（较慢）');
        edit.type = 'button';
        edit.addEventListener('click', () => {
          const whole = big;
          big = null;
          large.hidden = true;
          input.readOnly = false;
          input.value = whole;
          input.focus();
        });
        large.replaceChildren(`文本较大（约 ${wan(text.length)}字），输入框只显示开头部分、不可编辑，核对的是全文；全文的标注见下方“原文标注”。 `, edit);
        large.hidden = false;
      }
    } else {
      big = null;
      input.readOnly = false;
      input.value = text;
      if (large) large.hidden = true;
    }
  }

  // a paste that would make the text too large for the box is kept beside it
  input.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (big !== null || pasted.length + input.value.length - (input.selectionEnd - input.selectionStart) <= LARGE) return;
    event.preventDefault();
    const v = input.value;
    const whole = v.slice(0, input.selectionStart) + pasted + v.slice(input.selectionEnd);
    replace(whole, { name: null, pages: null });
    input.dispatchEvent(new CustomEvent('juesuan-replaced', { bubbles: true }));
  });

  async function request() {
    const text = currentText();
    html.dataset.reviews = String(Number(html.dataset.reviews ?? 0) + 1);
    const result = await client.review(text, choice(), { pages: doc.pages, full });
    if (result.status === 'stale') return;
    if (result.status === 'error') {
      showError(result.error);
      return;
    }
    show(result.view, text, result.seq);
  }

  function edit({ typed = true } = {}) {
    if (big !== null) return request(); // read-only box: nothing was typed
    const text = input.value;
    if (doc.pages) doc.pages = shiftPages(doc.pages, lastText, text);
    if (text.trim() === '') doc = { name: null, pages: null };
    lastText = text;
    if (typed) typedAt = performance.now();
    return request();
  }

  /** A whole new text (a file, an example, 清空): its name and PDF page map, if any. */
  function replace(text, { name = null, pages = null } = {}) {
    setText(text);
    if (big === null) input.setSelectionRange(0, 0); // the caret (and the view) at the start
    lastText = text;
    doc = { name, pages };
    typedAt = 0;
    return request();
  }

  function showError(message) {
    // the core throws only for an unusable preset: say so by the picker; the text itself stays shown
    if (tables) showPresetError(tables, message);
    else status.textContent = message;
    html.dataset.shown = String(client.seq);
  }

  // ---- rendering ----------------------------------------------------------------------------------

  function show(view, text, seq) {
    if (!performance.getEntriesByName('juesuan-result').length) performance.mark('juesuan-result');
    shown = { seq, view, text };
    status.textContent = '';
    if (tables) showPresetError(tables, null);
    const h = view.headline;
    const steps = [];
    summary.replaceChildren(...headlineNodes(h, view));
    sub.textContent = view.empty ? '' : detailText(h, view, doc);
    sub.dataset.standardTables = view.sections.filter((x) => x.kind === 'standard').map((x) => x.standard).join(',');
    renderProblems(view.problems);

    const nothing = view.empty || h.total === 0;
    if (nothing) {
      renderGuide(guide, {
        lead: view.empty ? '可以核对的内容：' : '未找到可核对的数字声明。本工具能读取：',
        onExample,
        files,
        pdf,
      });
    } else {
      guide.hidden = true;
      guide.replaceChildren();
    }
    for (const b of exportButtons) b.disabled = nothing;
    const grid = root.querySelector('.results-grid');
    if (grid) grid.hidden = view.empty; // nothing to list or mark yet

    const ask = (type, payload) => client.ask(type, { ...payload, seq });
    const itemSteps = [];
    renderGroups(findings, view, {
      fetchItems: (from, count) => ask('items', { from, count }).then((r) => r?.items ?? null),
      onLocate: locate,
      notes,
      steps: itemSteps,
    });
    // on screen first: the top of the marked text and the first findings; then the rest
    steps.push(() => marked.show(view, (blocks) => ask('pieces', { blocks }).then((r) => r?.blocks ?? null)));
    steps.push(...itemSteps);
    if (tables) {
      renderTables(tables, view, {
        fetchTables: (from, count) => ask('tables', { from, count }).then((r) => r?.tables ?? null),
        onLocate: locate,
        steps,
      });
    }
    steps.push(() => {
      html.dataset.shown = String(seq);
      onResult(view);
    });
    // the headline, the top of the marked text and the first findings in this task; the rest in slices
    slices.run(steps, { now: true });
    html.dataset.visible = String(seq); // what is on screen is built (the benchmark waits for this)
    if (view.timing) html.dataset.workerMs = `${view.timing.review.toFixed(0)}+${view.timing.audit.toFixed(0)}`;
    if (!performance.getEntriesByName('juesuan-first-verdict').length) performance.mark('juesuan-first-verdict');
    scheduleAnnounce();
    printReady = null;
    if (printNode?.isConnected) idle(() => preparePrint(false));
  }

  function headlineNodes(h, view) {
    if (view.empty) return [el('span', 'hint', '请在上方粘贴或打开要核对的文件，结果将即时显示。')];
    const nodes = [el('span', 'summary-label', '审核结论：')];
    GROUPS.forEach((g, i) => {
      const span = el('span', `count count-${g}`);
      span.dataset.verdict = g;
      span.append(el('span', 'verdict', `${SYMBOL[g]} ${SEVERITY[g]}`), ` ${h.counts[g]} 项`);
      span.querySelector('.verdict').dataset.verdict = g;
      nodes.push(span);
      if (i < GROUPS.length - 1) nodes.push('，');
    });
    nodes.push(`（共 ${h.total} 项）`);
    return nodes;
  }

  function renderProblems(list) {
    const items = (list ?? []).map((p) => {
      const at = [p.line ? `第 ${p.line} 行` : '', p.page ? `第 ${p.page} 页` : ''].filter(Boolean).join('，');
      return el('li', null, `${p.message}${at ? `（${at}）` : ''}`);
    });
    problems.replaceChildren(...items);
    problems.hidden = items.length === 0;
  }

  // ---- 定位 ----------------------------------------------------------------------------------------

  async function locate(item, button) {
    for (const li of root.querySelectorAll('li.current')) li.classList.remove('current');
    button.closest('li')?.classList.add('current');
    lastLocated = button;
    if (!item.span || !shown) return;
    const [s, e] = item.span;
    if (input.value.length >= e) {
      input.setSelectionRange(s, e);
      scrollTextareaTo(input, s);
    }
    await marked.locate(item);
    const at = [item.line ? `原文第 ${item.line} 行` : '', item.page ? `第 ${item.page} 页` : ''].filter(Boolean).join('，');
    say(`已定位到${at}。按 Esc 键可从原文回到这一项。`);
  }

  $('#marked-text').addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && lastLocated?.isConnected) {
      event.preventDefault();
      lastLocated.focus();
    }
  });

  // ---- announcements ------------------------------------------------------------------------------

  function say(text) {
    announce.textContent = '';
    // a new text node, so the same words are read again
    setTimeout(() => {
      announce.textContent = text;
    }, 50);
  }

  function scheduleAnnounce() {
    clearTimeout(announceTimer);
    const wait = Math.max(0, typedAt + PAUSE_MS - performance.now());
    announceTimer = setTimeout(() => {
      if (!shown) return;
      const text = shown.view.empty ? '输入框为空。' : `审核结论：${headlineText(shown.view.headline)}`;
      if (text !== announced) {
        announced = text;
        say(text);
      }
    }, wait);
  }

  // ---- progress for big inputs --------------------------------------------------------------------

  function progress(p) {
    if (!busy) return;
    if (p && p.length >= BIG) {
      busy.replaceChildren(el('progress'), ` 正在核对约 ${wan(p.length)}字…（结果以最后一次输入为准）`);
      busy.hidden = false;
    } else {
      busy.hidden = true;
      busy.replaceChildren();
    }
  }

  // ---- export and print ---------------------------------------------------------------------------

  function header() {
    const view = shown?.view;
    return {
      document: doc.name ?? (view?.title ? `粘贴的文本：${view.title}` : '粘贴的文本'),
      date: new Date().toLocaleString('zh-CN', { hour12: false }),
      rule: view ? `${view.preset.title}（${view.preset.description}）` : '',
      version: version(),
      summary: view ? headlineText(view.headline) : '',
    };
  }

  async function exportAs(format) {
    if (!shown) return;
    const r = await client.ask('export', { seq: shown.seq, format, notes: notes.all(), header: header() });
    if (!r?.text) return;
    if (format === 'csv') download(r.text, 'juesuan-audit.csv', 'text/csv;charset=utf-8');
    else download(r.text, 'juesuan-audit.json', 'application/json');
  }

  async function preparePrint(all) {
    if (!shown || !printNode?.isConnected) return; // (the kiosk prints nothing)
    const seq = shown.seq;
    const r = await client.ask('print', { seq, all });
    if (!r?.items || shown?.seq !== seq) return;
    buildPrintReport(printNode, { header: header(), items: r.items, counts: shown.view.headline.counts, all, notes });
    printReady = { seq, all };
  }

  $('#export-csv')?.addEventListener('click', () => exportAs('csv'));
  $('#export-json')?.addEventListener('click', () => exportAs('json'));
  const printAll = $('#print-all');
  $('#print-results')?.addEventListener('click', async () => {
    const all = Boolean(printAll?.checked);
    if (!printReady || printReady.seq !== shown?.seq || printReady.all !== all) await preparePrint(all);
    window.print();
  });
  printAll?.addEventListener('change', () => preparePrint(printAll.checked));

  return {
    edit,
    replace,
    request,
    progress,
    /** The text being checked (the box's, or a large text kept beside it). */
    text: currentText,
    /** The document's name and page map (null when pasted). */
    get document() {
      return doc;
    },
    /** Resolves when the current result is fully rendered. */
    settled: () => slices.idle(),
    /** Builds the printed report now (the page test prints without the button). */
    preparePrint,
    clear() {
      doc = { name: null, pages: null };
      lastLocated = null;
      announced = '';
      if (printNode) printNode.replaceChildren();
    },
  };
}

function detailText(h, view, doc) {
  const parts = [`说明文字 ${h.text} 项，表格 ${h.table} 项`];
  const standard = view.sections.filter((x) => x.kind === 'standard');
  const selfEval = view.tables.count;
  if (standard.length > 0) parts.push(`识别出决算表 ${standard.length} 张`);
  if (selfEval > 0) parts.push(`绩效自评表 ${selfEval} 张`);
  if (view.figures > 0) parts.push(`文中数字 ${view.figures} 个，已核对 ${view.checked} 个`);
  if (doc.name) parts.push(`文件：${doc.name}`);
  return `${parts.join('；')}。`;
}

/** A length in characters as people say it: "45 万", "8,000". */
function wan(n) {
  return n >= 10_000 ? `${Math.round(n / 10_000)}万` : n.toLocaleString('zh-CN');
}

function idle(fn) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 2000 });
  else setTimeout(fn, 200);
}
