// The core's side of the page: runs in the worker (worker.js), or in the page itself when a worker cannot be
// started (the element on a foreign origin). It makes the one review() call per edit, keeps the result, and
// answers the views' questions about it in small pieces (a page of findings, the marks of the text blocks
// on screen, a table), so the page never holds or walks the whole report.
import { auditItems, blockPieces, groupRanges, headline, markList, tableView, textBlocks } from './audit.js';
import { exportCsv, exportJson } from './export.js';
import { textIndex } from './locate.js';

const FIRST_PAGE = 60; // findings of each group sent with a result
const FIRST_TABLES = 12; // 绩效自评表 sent with a result

/** The preset as the core takes it: a built-in name, or a preset's JSON when k is set for deduct-per-point. */
export function presetArg({ preset, k } = {}) {
  if (preset === 'deduct-per-point' && k !== null && k !== undefined && String(k).trim() !== '') {
    return JSON.stringify({ name: 'deduct-per-point', execution: { rule: 'deduct-per-point', k: String(k).trim() } });
  }
  return preset || 'proportional';
}

/** A trap (panic = abort) or a lost instance is not the user's fault: say so in Chinese. */
const INTERNAL = '计算核心内部错误，请刷新页面后重试。';

function messageOf(err) {
  if (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) return INTERNAL;
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return INTERNAL;
}

/** An engine over the wasm-bindgen module `core` (initialised). */
export function createEngine(core) {
  let state = null;

  function review({ seq, text, choice, pages, full }) {
    let value;
    const t0 = performance.now();
    try {
      value = core.review(text, presetArg(choice));
    } catch (err) {
      state = null;
      return { type: 'error', seq, message: messageOf(err) };
    }
    const t1 = performance.now();
    const index = textIndex(text, pages);
    const items = auditItems(value, index);
    const ranges = groupRanges(items);
    const blocks = textBlocks(index);
    state = { seq, text, index, review: value, items, ranges, marks: null, blocks, tables: null };
    state.marks = markList(items);
    // the first blocks of the marked text come with the result: what is on screen needs no second question
    const firstPieces = [0, 1].filter((i) => 3 * i < blocks.length).map((i) => piecesOf(state, i));
    const preview = {};
    for (const [group, [from, count]] of Object.entries(ranges)) {
      preview[group] = group === 'ok' ? [] : items.slice(from, from + Math.min(count, FIRST_PAGE));
    }
    const tables = value.tables ?? [];
    return {
      type: 'result',
      seq,
      view: {
        length: text.length,
        empty: text.trim() === '',
        headline: headline(items),
        ranges,
        preview,
        blocks: blocks.slice(), // a copy: the worker sends it away (transferred) and keeps its own
        tables: { count: tables.length, first: tables.slice(0, FIRST_TABLES).map((t, i) => tableView(t, i, value.preset, items)) },
        problems: (value.problems ?? []).map((p) => {
          const span = index.span(p.span);
          return { message: p.message, line: span ? index.line(span[0]) : null, page: span ? index.page(span[0]) : null, span };
        }),
        preset: { name: value.preset?.name ?? '', title: value.preset?.title ?? '', description: value.preset?.description ?? '' },
        sections: (value.sections ?? []).map((s) => ({ kind: s.kind, standard: s.standard, title: s.title })),
        figures: value.summary?.figures ?? 0,
        checked: value.summary?.checked ?? 0,
        unchecked: (value.unchecked ?? []).length,
        title: documentTitle(index),
        firstPieces,
        timing: { review: t1 - t0, audit: performance.now() - t1 },
        review: full ? value : undefined,
      },
    };
  }

  function piecesOf(s, i) {
    const [bs, be] = [s.blocks[3 * i], s.blocks[3 * i + 1]];
    return { i, start: bs, text: s.text.slice(bs, be), ...blockPieces(s.marks, bs, be) };
  }

  function current(seq) {
    return state && state.seq === seq ? state : null;
  }

  function handle(msg) {
    switch (msg.type) {
      case 'review':
        return review(msg);
      case 'items': {
        const s = current(msg.seq);
        return { type: 'items', seq: msg.seq, items: s ? s.items.slice(msg.from, msg.from + msg.count) : null };
      }
      case 'tables': {
        const s = current(msg.seq);
        const list = s ? (s.review.tables ?? []).slice(msg.from, msg.from + msg.count).map((t, k) => tableView(t, msg.from + k, s.review.preset, s.items)) : null;
        return { type: 'tables', seq: msg.seq, tables: list };
      }
      case 'pieces': {
        const s = current(msg.seq);
        if (!s) return { type: 'pieces', seq: msg.seq, blocks: null };
        return { type: 'pieces', seq: msg.seq, blocks: msg.blocks.map((i) => piecesOf(s, i)) };
      }
      case 'export': {
        const s = current(msg.seq);
        if (!s) return { type: 'export', seq: msg.seq, text: null };
        const text = msg.format === 'csv' ? exportCsv(s.items, msg.header, msg.notes) : exportJson(s.review, s.items, msg.header, msg.notes);
        return { type: 'export', seq: msg.seq, text };
      }
      case 'print': {
        const s = current(msg.seq);
        if (!s) return { type: 'print', seq: msg.seq, items: null };
        const list = msg.all ? s.items : s.items.filter((it) => ['mismatch', 'notice', 'rounding'].includes(it.verdict));
        return { type: 'print', seq: msg.seq, items: list, total: s.items.length };
      }
      case 'calc':
        return call(() => core.calc(msg.kind, msg.a, msg.b, msg.stated ?? undefined));
      case 'score':
        return call(() => core.executionScore(msg.budget, msg.executed, msg.weight, msg.preset, msg.k ?? undefined));
      case 'version':
        return call(() => core.version());
      default:
        return { type: 'error', message: `unknown request ${msg.type}` };
    }
  }

  return { handle };
}

function call(fn) {
  try {
    return { status: 'ok', value: fn() };
  } catch (err) {
    return { status: 'error', error: messageOf(err) };
  }
}

/**
 * The document's own title for the report header: its first short lines joined (a title wrapped by the
 * PDF: "昌吉回族自治州……公共资源" + "交易中心 2023 年度部门决算" + "公开说明"), up to a heading.
 */
function documentTitle(index) {
  const parts = [];
  for (let n = 1; n <= Math.min(index.lines, 12) && parts.length < 3; n += 1) {
    const line = index.lineText(n).trim().replace(/\s+/g, ' ');
    if (line === '') continue;
    if (line.length > 30 || /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|目\s*录)/.test(line) || line.includes('\t')) break;
    parts.push(line);
  }
  const title = parts.join('');
  return title.length > 60 ? `${title.slice(0, 59)}…` : title;
}
