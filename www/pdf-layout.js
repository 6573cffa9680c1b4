// A PDF's pages, rebuilt as the text the core reads: narrative and titles as plain lines, every ruled table
// as one line per row with its cells separated by tabs (a blank cell stays an empty field, so the columns are
// known), running headers, footers and page numbers dropped. Pure functions on plain data (no DOM, no
// PDF.js): pdf-reader.js hands over each page's text items and ruling lines in page coordinates, y down.
//
// page = { number, width, height, items: [{ str, x0, x1, top, bottom, size }], lines: [[x1, y1, x2, y2]] }
// result = { text, pages: [{ number, start }] } — `start` is the UTF-16 offset where that page's text begins.

const EPS = 1.2; // points: lines closer than this are one line

/**
 * The text of `pages` (in order) and where each part of it comes from: `pages` lists { number, start } in
 * text order (a table continued on the next page and printed in two halves can revisit a page).
 */
export function layoutDocument(pages) {
  const perPage = pages.map((page) => pageBlocks(page));
  const repeated = runningLines(perPage, pages);
  // the blocks that stay, in order, each knowing its page
  const blocks = [];
  perPage.forEach((list, i) => {
    for (const block of list) {
      if (block.kind === 'line' && (repeated.has(block.key) || isPageNumber(block, pages[i]))) continue;
      blocks.push({ ...block, page: pages[i].number });
    }
  });
  const lines = [];
  for (let i = 0; i < blocks.length;) {
    if (blocks[i].kind !== 'row') {
      lines.push(blocks[i]);
      i += 1;
      continue;
    }
    // one table: its rows, and those of the tables that continue it on the following pages
    let j = i;
    while (j < blocks.length && blocks[j].kind === 'row' && continues(blocks[i].table, blocks[j].table)) j += 1;
    const rows = stackSideBySide(blocks.slice(i, j)).flatMap(splitCodeHeader);
    for (const row of rows) lines.push({ text: row.cells.join('\t'), page: row.page });
    i = j;
  }
  const out = [];
  const starts = [];
  let offset = 0;
  for (const line of lines) {
    if (starts.length === 0 || starts[starts.length - 1].number !== line.page) starts.push({ number: line.page, start: offset });
    out.push(line.text);
    offset += line.text.length + 1;
  }
  return { text: out.join('\n'), pages: starts };
}

/** Whether table `b` is `a` or carries it on (the same columns, on a later page, nothing between). */
function continues(a, b) {
  if (a === b) return true;
  if (a.xs.length !== b.xs.length) return false;
  return a.xs.every((x, k) => Math.abs(x - b.xs[k]) <= 3);
}

/** One page as blocks (plain lines and table rows) in reading order, top to bottom. */
export function pageBlocks(page) {
  const items = page.items.filter((it) => it.str.trim() !== '' && it.x1 > it.x0 - 0.01);
  const tables = findTables(page.lines ?? []);
  const inTable = new Set();
  const blocks = [];
  for (const table of tables) {
    for (const row of tableRows(table, items, inTable)) blocks.push({ kind: 'row', y: row.y, cells: row.cells, table });
  }
  const rest = items.filter((it) => !inTable.has(it));
  for (const line of textLines(rest)) {
    blocks.push({ kind: 'line', y: line.y, text: line.text, top: line.top, bottom: line.bottom, key: runningKey(line.text) });
  }
  blocks.sort((a, b) => a.y - b.y);
  return blocks;
}

// ---- ruled tables -------------------------------------------------------------------------------------

/** Horizontal and vertical rulings merged, grouped into tables (sets of lines that touch). */
export function findTables(segments) {
  const h = [];
  const v = [];
  for (const [x1, y1, x2, y2] of segments) {
    if (Math.abs(y1 - y2) <= 0.8 && Math.abs(x1 - x2) > 2) h.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) <= 0.8 && Math.abs(y1 - y2) > 2) v.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
  const hs = mergeCollinear(h);
  const vs = mergeCollinear(v);
  // union-find over lines: a horizontal and a vertical line that cross or touch are one table
  const all = [...hs.map((l) => ({ ...l, dir: 'h' })), ...vs.map((l) => ({ ...l, dir: 'v' }))];
  const parent = all.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < hs.length; i += 1) {
    for (let j = hs.length; j < all.length; j += 1) {
      const a = all[i];
      const b = all[j];
      if (b.at >= a.from - 2 && b.at <= a.to + 2 && a.at >= b.from - 2 && a.at <= b.to + 2) parent[find(i)] = find(j);
    }
  }
  const groups = new Map();
  all.forEach((l, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root).push(l);
  });
  const tables = [];
  for (const lines of groups.values()) {
    const ys = cluster(lines.filter((l) => l.dir === 'h').map((l) => l.at));
    const xs = cluster(lines.filter((l) => l.dir === 'v').map((l) => l.at));
    if (ys.length < 2 || xs.length < 2) continue; // a lone rule (underline, frame edge) is no table
    const h = lines.filter((l) => l.dir === 'h');
    const v = lines.filter((l) => l.dir === 'v');
    tables.push({ ys, xs, h, v, top: ys[0], bottom: ys[ys.length - 1], left: xs[0], right: xs[xs.length - 1] });
  }
  return tables.sort((a, b) => a.top - b.top);
}

/** Collinear pieces (cell borders drawn one by one) joined into whole lines. */
function mergeCollinear(lines) {
  const byPos = [...lines].sort((a, b) => a.at - b.at || a.from - b.from);
  const out = [];
  for (const l of byPos) {
    const last = out.findLast((o) => Math.abs(o.at - l.at) <= EPS && l.from <= o.to + 2);
    if (last) last.to = Math.max(last.to, l.to);
    else out.push({ ...l });
  }
  return out;
}

/** Sorted distinct positions, near ones merged. */
function cluster(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const out = [];
  for (const v of sorted) {
    if (out.length && v - out[out.length - 1] <= EPS) continue;
    out.push(v);
  }
  return out;
}

/** Whether a rule runs at `at` (± EPS) across `mid`. */
function ruled(lines, at, mid) {
  return lines.some((l) => Math.abs(l.at - at) <= EPS && l.from - 1 <= mid && mid <= l.to + 1);
}

/**
 * Which grid slot owns each slot: a cell merged across rows or columns (no rule between the slots) is one
 * cell, its text in its top-left slot, as a spreadsheet's own tab-separated copy puts it.
 */
function owners(table) {
  const { ys, xs, h, v } = table;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const owner = [];
  for (let r = 0; r < rows; r += 1) {
    owner.push([]);
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < cols; c += 1) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c > 0 && !ruled(v, xs[c], midY)) owner[r][c] = owner[r][c - 1];
      else if (r > 0 && !ruled(h, ys[r], midX)) owner[r][c] = owner[r - 1][c];
      else owner[r][c] = `${r},${c}`;
    }
  }
  return owner;
}

/** The rows of one ruled table: cells by band, joined with tabs; the items used are added to `used`. */
function tableRows(table, items, used) {
  const { ys, xs } = table;
  const owner = owners(table);
  const cells = new Map(); // "r,c" of the owning slot → items
  for (const it of items) {
    const cy = (it.top + it.bottom) / 2;
    const lx = it.x0 + Math.min(2, (it.x1 - it.x0) / 2);
    if (cy < table.top || cy > table.bottom || lx < table.left || lx > table.right) continue;
    const r = band(ys, cy);
    const c = band(xs, lx);
    if (r < 0 || c < 0) continue;
    used.add(it);
    const key = owner[r][c];
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(it);
  }
  const rows = [];
  for (let r = 0; r + 1 < ys.length; r += 1) {
    const cellsOfRow = [];
    for (let c = 0; c + 1 < xs.length; c += 1) cellsOfRow.push(cellText(cells.get(`${r},${c}`) ?? []));
    if (cellsOfRow.every((t) => t === '')) continue;
    rows.push({ y: (ys[r] + ys[r + 1]) / 2, cells: cellsOfRow });
  }
  return rows;
}

/**
 * A table printed as two halves side by side (基本支出决算表: 人员经费 on the left, 公用经费 on the right,
 * the same header twice) is given as the left half, then the right half, each row keeping its columns and
 * its page. `rows` are { cells, page } in order.
 */
export function stackSideBySide(rows) {
  const width = rows[0]?.cells.length ?? 0;
  if (width < 4 || width % 2 !== 0) return rows;
  const half = width / 2;
  const header = rows.slice(0, 4).find((r) => r.cells.filter((c) => c !== '').length >= 2);
  if (!header) return rows;
  const left = header.cells.slice(0, half).join('\t');
  const right = header.cells.slice(half).join('\t');
  if (left !== right || left.replace(/\t/g, '') === '') return rows;
  const part = (from, keepHeader) => rows
    .filter((r) => keepHeader || rows.indexOf(r) > rows.indexOf(header))
    .map((r) => ({ ...r, cells: r.cells.slice(from, from + half) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return [...part(0, true), ...part(half, false)];
}

/**
 * "类 款 项" (the code columns' own header) printed in the same row as the first data row (合计) is given as
 * its own header row followed by that data row, as the two rows a spreadsheet would have.
 */
export function splitCodeHeader(row) {
  const words = ['类', '款', '项'];
  let n = 0;
  while (n < row.cells.length && n < 3 && row.cells[n] === words[n]) n += 1;
  if (n < 2 || row.cells.slice(n).every((c) => c === '')) return [row];
  const head = row.cells.map((c, i) => (i < n ? c : ''));
  const data = row.cells.map((c, i) => (i < n ? '' : c));
  return [{ ...row, cells: head }, { ...row, cells: data }];
}

/** Index of the band [edges[i], edges[i+1]) holding `v`, or -1. */
function band(edges, v) {
  for (let i = 0; i + 1 < edges.length; i += 1) if (v >= edges[i] - 0.5 && v < edges[i + 1] + 0.5) return i;
  return -1;
}

/** A cell's items in reading order; wrapped lines joined (no space between CJK), letter-spacing removed. */
function cellText(items) {
  if (items.length === 0) return '';
  const text = textLines(items).map((l) => l.text).reduce((acc, line) => joinWrapped(acc, line), '');
  // "因 公 出 国 （ 境 ） 费": spaces between CJK characters are layout, not words
  return text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '').replace(/\t/g, ' ').trim();
}

function joinWrapped(acc, line) {
  if (acc === '') return line;
  return /[A-Za-z0-9.,%]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? `${acc} ${line}` : acc + line;
}

// ---- plain lines --------------------------------------------------------------------------------------

/** Items grouped into lines by their vertical overlap, each line left to right, gaps as spaces. */
export function textLines(items) {
  const sorted = [...items].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines = [];
  for (const it of sorted) {
    const h = Math.max(it.bottom - it.top, 1);
    const line = lines.find((l) => overlap(l, it) >= 0.5 * Math.min(h, l.bottom - l.top));
    if (line) {
      line.items.push(it);
      line.top = Math.min(line.top, it.top);
      line.bottom = Math.max(line.bottom, it.bottom);
    } else {
      lines.push({ top: it.top, bottom: it.bottom, items: [it] });
    }
  }
  return lines
    .map((l) => {
      const parts = l.items.sort((a, b) => a.x0 - b.x0);
      let text = '';
      let end = -Infinity;
      for (const it of parts) {
        const size = Math.max(it.size || it.bottom - it.top, 1);
        if (text !== '' && it.x0 - end > 0.6 * size) text += ' ';
        text += it.str;
        end = Math.max(end, it.x1);
      }
      return { y: (l.top + l.bottom) / 2, top: l.top, bottom: l.bottom, text: text.replace(/\s+$/, '') };
    })
    .sort((a, b) => a.y - b.y);
}

function overlap(a, b) {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
}

// ---- running headers, footers, page numbers -----------------------------------------------------------

const PAGE_NUMBER = /^[-—–－·\s]*(第\s*)?[0-9０-９]+(\s*页)?(\s*[/／共]\s*[0-9０-９]+\s*页?)?[-—–－·\s]*$|^[-—–－\s]*[ivxlcIVXLC]+[-—–－\s]*$/;

function runningKey(text) {
  return text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
}

/** In the top or bottom margin (12% of the page). */
function inMargin(block, page) {
  const h = page.height || 842;
  return block.bottom < h * 0.12 || block.top > h * 0.88;
}

function isPageNumber(block, page) {
  return inMargin(block, page) && PAGE_NUMBER.test(block.text);
}

/** Lines in the margins that recur (digits aside) on at least half the pages, three or more. */
function runningLines(perPage, pages) {
  if (pages.length < 3) return new Set();
  const seen = new Map();
  perPage.forEach((blocks, i) => {
    const keys = new Set(blocks.filter((b) => b.kind === 'line' && inMargin(b, pages[i])).map((b) => b.key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  });
  const out = new Set();
  for (const [k, n] of seen) if (k !== '' && n >= 3 && n >= pages.length / 2) out.add(k);
  return out;
}
