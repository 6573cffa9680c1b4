// Where something is in the checked text: the core counts offsets in Unicode code points, the page in UTF-16
// units; people count lines, pages and headings. Built once per text (in the worker), queried per finding.

const HEADING = /^\s*(第[一二三四五六七八九十百]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[、．.](?!\d))/;

/**
 * An index of `text`: code point → UTF-16 offset, UTF-16 offset → line, line → heading above it, and
 * UTF-16 offset → page (from `pages`, [{ number, start }] in text order, as pdf-layout.js gives them).
 */
export function textIndex(text, pages = null) {
  // code point i → UTF-16 offset, only when the text has characters outside the BMP (else the same number)
  let cp = null;
  if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
    const map = [];
    let u = 0;
    for (const ch of text) {
      map.push(u);
      u += ch.length;
    }
    map.push(u);
    cp = Int32Array.from(map);
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineStarts = Int32Array.from(starts);
  let headings = null; // line → index of the heading line at or above it (-1: none), built on first use

  const length = cp ? cp.length - 1 : text.length;
  const index = {
    text,
    /** Number of code points. */
    length,
    lines: lineStarts.length,
    /** UTF-16 offset of code point `i`, clamped to the text. */
    utf16(i) {
      const n = Math.min(Math.max(Number(i) || 0, 0), length);
      return cp ? cp[n] : n;
    },
    /** A core span [start, end) in code points as UTF-16 offsets, or null when it is not one. */
    span(value) {
      if (!Array.isArray(value) || value.length !== 2) return null;
      const [s, e] = value.map(Number);
      if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s) return null;
      return [index.utf16(s), index.utf16(e)];
    },
    /** 1-based line of UTF-16 offset `u`. */
    line(u) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= u) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
    /** The text of 1-based line `n`, without its line break. */
    lineText(n) {
      const s = lineStarts[n - 1] ?? text.length;
      const e = n < lineStarts.length ? lineStarts[n] - 1 : text.length;
      return text.slice(s, e).replace(/\r$/, '');
    },
    /** The heading line nearest above line `n` (第一部分, 一、, （一）, 1.), shortened; '' when none. */
    heading(n) {
      headings ??= headingLines(index);
      const at = headings[n - 1];
      if (at < 0) return '';
      const h = index.lineText(at + 1).trim().replace(/\s+/g, ' ');
      return h.length > 28 ? `${h.slice(0, 27)}…` : h;
    },
    /** The PDF page of UTF-16 offset `u`, or null when the text did not come from a PDF. */
    page(u) {
      if (!pages || pages.length === 0) return null;
      let found = null;
      for (const p of pages) {
        if (p.start <= u) found = p.number;
        else break;
      }
      return found;
    },
  };
  return index;
}

function headingLines(index) {
  const out = new Int32Array(index.lines);
  let last = -1;
  for (let n = 1; n <= index.lines; n += 1) {
    const line = index.lineText(n);
    if (line.length <= 60 && HEADING.test(line)) last = n - 1;
    out[n - 1] = last;
  }
  return out;
}

/**
 * Keeps a page map in step with an edit: the text changed from `before` to `after`; pages that start after
 * the edited part move with it, those inside it are dropped. Returns null when most of the text was replaced.
 */
export function shiftPages(pages, before, after) {
  if (!pages || pages.length === 0) return null;
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head += 1;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail += 1;
  const removedEnd = before.length - tail;
  if (removedEnd - head > before.length * 0.5) return null;
  const delta = after.length - before.length;
  const out = [];
  for (const p of pages) {
    if (p.start <= head) out.push(p);
    else if (p.start >= removedEnd) out.push({ number: p.number, start: p.start + delta });
  }
  return out;
}
