// The audit report of one Review, built in the worker: every check as one item (the text's claims, the
// standard tables' findings, each 绩效自评表's findings and its rows no finding covers), most severe first,
// each located by section or table, row, column, line and page; the headline counts those items, so the
// headline and the list always agree. Every figure stays the core's string: nothing here computes one.
import { FINDING_TITLE, GROUPS, KIND_TEXT, verdictText } from './words.js';

/** Verdict → group index (most severe first); unknown verdicts go with 提示. */
export function groupOf(verdict) {
  const i = GROUPS.indexOf(verdict);
  return i === -1 ? GROUPS.indexOf('notice') : i;
}

/**
 * The items of `review` for `text` (indexed by `index`, from textIndex): sorted most severe first, then in
 * text order. Each item: { id, key, source, verdict, title, rule, where, line, page, span (UTF-16), stated,
 * recomputed, difference, interval, formula, message, diagnosis, table }.
 */
export function auditItems(review, index) {
  const sections = review.sections ?? [];
  const sectionAt = (cp) => sections.find((s) => Array.isArray(s.span) && s.span[0] <= cp && cp < s.span[1]) ?? null;
  const tables = review.tables ?? [];
  const raw = [];

  (review.claims ?? []).forEach((c) => {
    const span = index.span(c.span);
    const cp = Array.isArray(c.span) ? c.span[0] : 0;
    const line = span ? index.line(span[0]) : null;
    const section = sectionAt(cp);
    let where = '';
    if (c.rule && section?.kind === 'standard') {
      const cell = statedCell(c);
      where = [section.title, cell?.row, cell?.column].filter(Boolean).join(' · ');
    } else if (c.table !== null && c.table !== undefined && tables[c.table]) {
      where = `${tables[c.table].name}（${KIND_TEXT[tables[c.table].kind] ?? '绩效自评表'}）`;
    } else if (line) {
      where = index.heading(line);
    }
    raw.push({
      source: 'claim',
      verdict: c.verdict,
      title: c.title ?? c.kind ?? '',
      kind: c.kind ?? '',
      rule: c.rule ?? null,
      where,
      line,
      page: span ? index.page(span[0]) : null,
      span,
      stated: c.stated ?? null,
      recomputed: c.recomputed ?? null,
      difference: c.difference ?? null,
      interval: Array.isArray(c.interval) ? `${c.interval[0]} ~ ${c.interval[1]}` : null,
      formula: c.formula ?? '',
      message: c.message ?? '',
      diagnosis: c.diagnosis ?? null,
      table: c.table ?? null,
      keyParts: [c.rule ?? c.kind, c.stated, c.recomputed, (c.cells ?? []).map((x) => `${x.table}:${x.row}:${x.column}`).join(','), where],
    });
  });

  tables.forEach((t, ti) => {
    const rowsWithFinding = new Set();
    const rowName = new Map((t.indicators ?? []).map((r) => [r.row, r.indicator]));
    for (const f of t.findings ?? []) {
      if (f.row !== null && f.row !== undefined) rowsWithFinding.add(f.row);
      const span = index.span(f.span);
      const indicator = rowName.get(f.row);
      raw.push({
        source: 'table',
        verdict: f.verdict,
        title: FINDING_TITLE[f.kind] ?? f.kind ?? '',
        kind: f.kind ?? '',
        rule: null,
        where: [t.name, indicator].filter(Boolean).join(' · '),
        line: span ? index.line(span[0]) : (f.row ?? null),
        page: span ? index.page(span[0]) : null,
        span,
        stated: null,
        recomputed: null,
        difference: null,
        interval: null,
        formula: '',
        message: f.message ?? '',
        diagnosis: null,
        table: ti,
        keyParts: [f.kind, t.name, indicator ?? '', f.message],
      });
    }
    for (const r of t.indicators ?? []) {
      if (rowsWithFinding.has(r.row)) continue;
      const span = index.span(r.span);
      raw.push({
        source: 'indicator',
        verdict: r.verdict,
        title: '指标得分',
        kind: 'indicator',
        rule: null,
        where: [t.name, r.indicator].filter(Boolean).join(' · '),
        line: span ? index.line(span[0]) : (r.row ?? null),
        page: span ? index.page(span[0]) : null,
        span,
        stated: r.statedScore ?? null,
        recomputed: r.score ?? null,
        difference: null,
        interval: null,
        formula: '',
        message: r.message ?? '',
        diagnosis: null,
        table: ti,
        keyParts: ['indicator', t.name, r.indicator, r.statedScore, r.score],
      });
    }
  });

  raw.forEach((item, i) => {
    item.order = i;
  });
  raw.sort((a, b) => groupOf(a.verdict) - groupOf(b.verdict)
    || (a.span?.[0] ?? Infinity) - (b.span?.[0] ?? Infinity)
    || a.order - b.order);
  const seen = new Map();
  return raw.map((item, id) => {
    const base = item.keyParts.map((p) => String(p ?? '')).join('|');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const { keyParts, order, ...rest } = item;
    return { id, key: n === 1 ? base : `${base}#${n}`, ...rest };
  });
}

/** The cell a standard-table finding states (the one at the claim's own span), else its first cell. */
function statedCell(claim) {
  const cells = claim.cells ?? [];
  const [s, e] = Array.isArray(claim.span) ? claim.span : [NaN, NaN];
  return cells.find((c) => Array.isArray(c.span) && c.span[0] < e && s < c.span[1]) ?? cells[0] ?? null;
}

/** The headline counts: items by verdict group, and by where they come from. */
export function headline(items) {
  const counts = Object.fromEntries(GROUPS.map((g) => [g, 0]));
  let text = 0;
  let table = 0;
  for (const item of items) {
    counts[GROUPS[groupOf(item.verdict)]] += 1;
    // the standard tables' own checks (T-, X-) and the 绩效自评表's are the tables'; the rest the text's
    if (item.source === 'claim' && item.table === null && !/^[TX]/.test(item.rule ?? '')) text += 1;
    else table += 1;
  }
  return { counts, total: items.length, text, table };
}

/** The start of every item group in the sorted list: { verdict: [from, count] }. */
export function groupRanges(items) {
  const ranges = Object.fromEntries(GROUPS.map((g) => [g, [0, 0]]));
  let at = 0;
  for (const g of GROUPS) {
    const from = at;
    while (at < items.length && GROUPS[groupOf(items[at].verdict)] === g) at += 1;
    ranges[g] = [from, at - from];
  }
  return ranges;
}

/** A 绩效自评表 as the table view shows it: its rows and totals, and the ids of its items. */
export function tableView(t, i, preset, items) {
  const ids = items.filter((it) => it.table === i && it.source !== 'claim').map((it) => it.id);
  const verdictOf = (kind) => t.findings?.find((f) => f.kind === kind)?.verdict ?? null;
  const worst = (t.findings ?? []).filter((f) => f.kind === 'rule_total' || f.kind === 'grade' || f.kind === 'stated_total')
    .map((f) => f.verdict).sort((a, b) => groupOf(a) - groupOf(b))[0] ?? null;
  return {
    index: i,
    name: t.name ?? '',
    kind: t.kind ?? '',
    preset: preset?.description ?? '',
    execution: { ...(t.execution ?? {}), scoreVerdict: verdictOf('execution_score') },
    indicators: (t.indicators ?? []).map((r) => ({
      row: r.row, level1: r.level1, level2: r.level2, indicator: r.indicator, target: r.target, actual: r.actual,
      weight: r.weight, statedScore: r.statedScore, score: r.score, verdict: r.verdict, reason: r.reason, message: r.message,
    })),
    weightsTotal: t.weightsTotal ?? null,
    statedWeightsTotal: t.statedWeightsTotal ?? null,
    statedTotal: t.statedTotal ?? null,
    statedScoresTotal: t.statedScoresTotal ?? null,
    total: t.total ?? null,
    grade: t.grade ?? null,
    statedGrade: t.statedGrade ?? null,
    totalsVerdict: worst,
    findings: ids.map((id) => items[id]).filter((it) => it.source === 'table'),
    problems: (t.problems ?? []).map((p) => ({ row: p.row, message: p.message })),
  };
}

const VERDICT_CODE = Object.fromEntries(GROUPS.map((g, i) => [g, i]));

/**
 * The marked text in blocks of lines: `blocks` is a flat Int32Array of [start, end, lines] (UTF-16), each
 * block at most 40 lines and 4,000 units, so the page builds only the blocks on screen.
 */
export function textBlocks(index) {
  const { text } = index;
  const out = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    while (end < text.length && lines < 40 && end - start < 4000) {
      const nl = text.indexOf('\n', end);
      const lineEnd = nl === -1 ? text.length : nl + 1;
      if (lineEnd - start > 4000 && end > start) break;
      end = Math.min(lineEnd, start + 4000);
      lines += 1;
    }
    // never cut a surrogate pair
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end += 1;
    out.push(start, end, lines);
    start = end;
  }
  if (out.length === 0) out.push(0, 0, 0);
  return Int32Array.from(out);
}

/** Marks sorted by start: [{ s, e, code, id, title }] for the items that have a span. */
export function markList(items) {
  return items
    .filter((it) => it.span && it.span[1] > it.span[0])
    .map((it) => ({ s: it.span[0], e: it.span[1], code: VERDICT_CODE[GROUPS[groupOf(it.verdict)]], id: it.id, title: it.title }))
    .sort((a, b) => a.s - b.s || a.code - b.code);
}

/**
 * The pieces of text block [bs, be): { pieces: [[a, b, code, ids, tooltip]], badges: [[at, code, id, title]] }.
 * A piece covered by several marks takes the most severe verdict (lowest code); code -1 is plain text.
 */
export function blockPieces(marks, bs, be) {
  const covering = marks.filter((m) => m.s < be && m.e > bs);
  const cuts = new Set([bs, be]);
  for (const m of covering) {
    if (m.s > bs) cuts.add(m.s);
    if (m.e < be) cuts.add(m.e);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let k = 0; k + 1 < points.length; k += 1) {
    const [a, b] = [points[k], points[k + 1]];
    const over = covering.filter((m) => m.s <= a && b <= m.e).sort((x, y) => x.code - y.code);
    if (over.length === 0) pieces.push([a, b, -1, '', '']);
    else pieces.push([a, b, over[0].code, over.map((m) => m.id).join(' '), over.map((m) => `${verdictText(GROUPS[m.code])}：${m.title}`).join('；')]);
  }
  const badges = covering.filter((m) => m.e > bs && m.e <= be).sort((x, y) => x.e - y.e || x.code - y.code).map((m) => [m.e, m.code, m.id, m.title]);
  return { pieces, badges };
}
