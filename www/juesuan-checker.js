// The <juesuan-checker> element's class: the audit report and the table scoring for a portal page. This
// module only defines the class and `define()`; importing juesuan-element.js registers it.
// Everything lives in an open shadow root styled by one constructable stylesheet (no inline styles, so a
// strict CSP is fine; built from the page's own css/ sources); the views are the page's own modules, given the
// shadow root as their root. Each element runs the core in a worker of its own (juesuan-worker.js next to this
// module), or in the page when the portal cannot start one (a script from another origin). Results leave as
// bubbling, composed events: juesuan-report { report, headline }, juesuan-score { report }, juesuan-error
// { message }.
import * as core from './juesuan.js';
import { startCore } from './core-client.js';
import { css } from './element-style.js';
import { createEngine } from './engine.js';
import { setupFileOpen } from './file-open.js';
import { notesStore } from './notes.js';
import { setupReport } from './report-view.js';

const PRESETS = [
  ['proportional', '按比例（全国通行）'],
  ['deduct-per-point', '每低1个百分点扣k分（推断自实际表格）'],
  ['bands', '分档'],
];
const DEFAULT_K = '0.25';

let sheet; // one stylesheet object, shared by every instance on the page

function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** A static element: attributes set one by one, children appended as nodes or plain text. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** The ids and classes the view modules (report-view, audit-list, marked-text, tables-view) expect. */
function skeleton() {
  const legend = h('p', { class: 'legend', 'aria-hidden': 'true' },
    ...[['mismatch', '✗ 错误'], ['notice', 'ⓘ 提示'], ['rounding', '≈ 尾差'], ['not_computable', '— 无法计算'], ['ok', '✓ 一致']]
      .map(([v, t]) => h('span', { class: `legend-item v-${v}` }, t)));
  const presetSelect = h('select', { id: 'preset', 'aria-describedby': 'preset-note' },
    ...PRESETS.map(([value, text]) => h('option', { value }, text)));

  return h('div', { class: 'app', lang: 'zh-CN' },
    h('p', { id: 'app-status', class: 'error', role: 'alert' }),
    h('section', { class: 'paste', 'aria-labelledby': 'paste-title' },
      h('h2', { id: 'paste-title' }, '决算校核'),
      h('label', { for: 'input' }, '粘贴决算公开说明或绩效自评表'),
      h('div', { id: 'drop-zone', class: 'drop-zone' },
        h('textarea', { id: 'input', rows: '8', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'input-hint' })),
      h('p', { id: 'large-note', class: 'large-note', role: 'status', hidden: true }),
      h('div', { class: 'buttons full-only' },
        h('button', { type: 'button', id: 'open-file' }, '打开文件…'),
        h('input', { type: 'file', id: 'file-input', accept: '.pdf,.txt,.text,.csv,.tsv,application/pdf,text/plain,text/csv', hidden: true })),
      h('p', { id: 'input-hint', class: 'note' }, '输入、粘贴或打开文件后即时校核。计算在本机浏览器内完成，数据不会上传。'),
      h('div', { id: 'file-status', class: 'file-status', role: 'status' })),
    h('section', { class: 'results', 'aria-labelledby': 'results-title' },
      h('h3', { id: 'results-title' }, '审核结论'),
      h('p', { id: 'summary', class: 'summary' }, '计算核心加载中…'),
      h('p', { id: 'summary-detail', class: 'summary-detail' }),
      h('p', { id: 'busy', class: 'busy', role: 'status', hidden: true }),
      h('div', { id: 'announce', class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      h('ul', { id: 'problems', class: 'problems', 'aria-label': '读取时遇到的问题', hidden: true }),
      h('div', { id: 'guide', class: 'guide', hidden: true }),
      h('div', { class: 'toolbar full-only' },
        h('button', { type: 'button', id: 'export-csv', disabled: true }, '导出 CSV'),
        h('button', { type: 'button', id: 'export-json', disabled: true }, '导出 JSON'),
        legend),
      h('div', { class: 'results-grid' },
        h('div', { id: 'findings-panel', class: 'findings-panel' },
          h('h4', { id: 'findings-title' }, '逐项结果 ', h('span', { class: 'h-note' }, '按严重程度排列，点一项在原文中定位')),
          h('div', { id: 'findings', class: 'findings' })),
        h('div', { id: 'marked-panel', class: 'marked-panel full-only' },
          h('h4', { id: 'marked-title' }, '原文标注'),
          h('div', { id: 'marked-text', class: 'marked-text', role: 'region', 'aria-labelledby': 'marked-title', tabindex: '0' })))),
    h('section', { id: 'tables', class: 'tables full-only', 'aria-labelledby': 'tables-title' },
      h('h3', { id: 'tables-title' }, '绩效自评表评分'),
      h('div', { class: 'preset-picker' },
        h('div', { class: 'field' }, h('label', { for: 'preset' }, '执行率评分规则'), presetSelect),
        h('div', { class: 'field', id: 'preset-k-field', hidden: true },
          h('label', { for: 'preset-k' }, 'k（每低1个百分点扣分）'),
          h('input', { id: 'preset-k', inputmode: 'decimal', autocomplete: 'off', value: DEFAULT_K }))),
      h('p', { class: 'note', id: 'preset-note' },
        '指标行按全国通行的比例法评分；所选规则只用于预算执行率一行。“每低1个百分点扣k分”推断自实际表格，并非统一规定，请以本地评分办法为准。'),
      h('p', { class: 'error', role: 'alert', id: 'preset-error' }),
      h('p', { id: 'tables-status', class: 'tables-status' }),
      h('div', { id: 'tables-result' })));
}

/** The core in this page's own thread, behind the worker's message interface (when no worker can start). */
function inlineWorker() {
  let engine = null;
  const w = {
    onmessage: null,
    onerror: null,
    postMessage(msg) {
      setTimeout(async () => {
        let out;
        if (msg.type === 'init') {
          try {
            await core.default();
            engine = createEngine(core);
            out = { type: 'ready', id: msg.id, version: core.version() };
          } catch (err) {
            out = { type: 'fatal', id: msg.id, message: String(err?.message ?? err) };
          }
        } else {
          out = { ...engine.handle(msg), id: msg.id };
        }
        w.onmessage?.({ data: out });
      }, 0);
    },
    terminate() {},
  };
  return w;
}

let sharedModule = null; // the compiled wasm, once one element's worker has it

function elementCore(onProgress) {
  return startCore({
    createWorker: () => {
      try {
        return new Worker(new URL('./juesuan-worker.js', import.meta.url), { type: 'module', name: 'juesuan-core' });
      } catch {
        return inlineWorker();
      }
    },
    initMessage: (module) => ({ type: 'init', module: module ?? sharedModule ?? undefined }),
    onProgress,
  });
}

/** The element's own text, without the indentation the portal's HTML gave it. */
function lightText(host) {
  const lines = (host.textContent ?? '').replace(/^[ \t]*\r?\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)[0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export class JuesuanChecker extends HTMLElement {
  static observedAttributes = ['preset', 'k', 'text', 'layout'];

  #shadow;
  #input;
  #report = null; // setupReport's, once started
  #client = null;
  #review = null;
  #headline = null;
  #error = null;
  #started = false;
  #touched = false; // the text was typed or set through `value`: the attributes no longer decide it

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [styleSheet()];
    this.#shadow.append(skeleton());
    this.#input = this.#shadow.querySelector('#input');
    this.#input.addEventListener('input', (event) => {
      if (event.isComposing) return;
      this.#touched = true;
      this.#report?.edit();
    });
    this.#input.addEventListener('compositionend', () => {
      this.#touched = true;
      this.#report?.edit();
    });
    const select = this.#shadow.querySelector('#preset');
    select.addEventListener('change', () => this.setAttribute('preset', select.value));
    const k = this.#shadow.querySelector('#preset-k');
    k.addEventListener('input', () => this.setAttribute('k', k.value.trim()));
    this.#syncPreset();
  }

  /** The text being checked. Setting it re-checks. */
  get value() {
    return this.#input.value;
  }

  set value(text) {
    this.#touched = true;
    this.#input.value = String(text ?? '');
    this.#report?.replace(this.#input.value);
  }

  /** The last Review (null before the first one, or after an unusable preset). */
  get report() {
    return this.#review;
  }

  /** The last report's headline: { counts: { mismatch, notice, rounding, not_computable, ok }, total, text, table }. */
  get headline() {
    return this.#headline;
  }

  /** Why the core could not load (the text of juesuan-error), or null. */
  get error() {
    return this.#error;
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#start();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'text') {
      if (!this.#started) return; // read at start
      this.#touched = false;
      this.#input.value = after ?? lightText(this);
      this.#report?.replace(this.#input.value);
    } else if (name === 'preset' || name === 'k') {
      this.#syncPreset();
      this.#report?.request();
    } else if (name === 'layout') {
      this.#report?.request(); // the layout itself is CSS (:host([layout="compact"])); show fresh results in it
    }
  }

  async #start() {
    // A parser-inserted element may be upgraded before its text is parsed: wait for it.
    if (!this.hasAttribute('text') && document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    if (!this.#touched) this.#input.value = this.getAttribute('text') ?? lightText(this);
    this.#client = elementCore((p) => this.#report?.progress(p));
    let version = '';
    try {
      const ready = await this.#client.ready;
      version = ready.version;
      if (ready.module) sharedModule ??= ready.module;
    } catch (err) {
      const message = `计算核心加载失败，请使用较新的浏览器并刷新页面。（${err?.message ?? err}）`;
      this.#shadow.querySelector('#app-status').textContent = message;
      this.#shadow.querySelector('#summary').textContent = '';
      this.#error = message;
      this.#emit('juesuan-error', { message });
      return;
    }
    const notes = notesStore({ persistent: false });
    this.#report = setupReport(this.#shadow, {
      input: this.#input,
      client: this.#client,
      choice: () => this.#preset(),
      notes,
      full: true,
      files: true,
      version: () => version,
      onResult: (view) => {
        this.#review = view.review ?? null;
        this.#headline = view.headline;
        this.#emit('juesuan-report', { report: view.review, headline: view.headline });
        this.#emit('juesuan-score', { report: view.review });
      },
    });
    setupFileOpen(this.#shadow, {
      dropZone: this.#shadow.querySelector('#drop-zone'),
      status: this.#shadow.querySelector('#file-status'),
      onText: (text, doc) => {
        this.#touched = true;
        this.#report.replace(text, doc);
      },
    });
    this.#report.request();
  }

  /** The preset and k the attributes ask for (k only for deduct-per-point), shown in the picker. */
  #preset() {
    const preset = this.getAttribute('preset') || 'proportional';
    const k = (this.getAttribute('k') ?? DEFAULT_K).trim();
    return { preset, k: preset === 'deduct-per-point' && k !== '' ? k : null };
  }

  #syncPreset() {
    const { preset } = this.#preset();
    const select = this.#shadow.querySelector('#preset');
    const k = this.#shadow.querySelector('#preset-k');
    select.value = preset; // an unknown preset selects nothing; the core's message says why
    const kText = (this.getAttribute('k') ?? DEFAULT_K).trim();
    if (k.value.trim() !== kText) k.value = kText;
    this.#shadow.querySelector('#preset-k-field').hidden = preset !== 'deduct-per-point';
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }
}

const defined = new Set(); // the names this class is registered under

/** Register the element under `tagName` unless that name is taken; returns the class registered there. */
export function define(tagName = 'juesuan-checker') {
  if (!customElements.get(tagName)) {
    // A class can be registered under one name only: a second name gets its own subclass.
    customElements.define(tagName, defined.size === 0 ? JuesuanChecker : class extends JuesuanChecker {});
    defined.add(tagName);
  }
  return customElements.get(tagName);
}
