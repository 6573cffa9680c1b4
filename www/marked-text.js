// The checked text, read-only, every finding marked by its verdict. Built for what is on screen: the text is
// cut into blocks of lines (by the worker), each an empty placeholder of about its height until it scrolls
// near the view, when its text and marks are fetched and built. A badge (symbol for the eye, words for
// screen readers) follows each finding.
import { el, srOnly } from './dom.js';
import { GROUPS, SYMBOL, verdictText, WORDS } from './words.js';

/** A placeholder's height class by its number of lines (no inline styles: the CSP allows none). */
const heightClass = (lines) => `q${Math.min(4, Math.max(1, Math.ceil(lines / 10)))}`;

/**
 * `container` (the scrolling region) shows the blocks of `view`; `fetchPieces(indices)` resolves
 * [{ i, start, text, pieces, badges }]. Returns { locate(item), clear() }.
 */
export function markedText(container) {
  let blocks = null; // Int32Array [start, end, lines] × n
  let fetchPieces = null;
  let nodes = [];
  let filled = new Set();
  let asked = new Set();
  let generation = 0;
  let current = [];
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      const want = entries.filter((e) => e.isIntersecting).map((e) => Number(e.target.dataset.block));
      if (want.length > 0) fill(want);
    }, { root: container, rootMargin: '600px 0px' })
    : null;

  function fill(indices) {
    const need = indices.filter((i) => !filled.has(i) && !asked.has(i));
    if (need.length === 0 || !fetchPieces) return Promise.resolve();
    for (const i of need) asked.add(i);
    const g = generation;
    return fetchPieces(need).then((list) => {
      if (g !== generation || !list) return;
      for (const b of list) build(b);
    });
  }

  function build(b) {
    const node = nodes[b.i];
    if (!node || filled.has(b.i)) return;
    const out = [];
    for (const [a, e, code, ids, tooltip] of b.pieces) {
      const piece = b.text.slice(a - b.start, e - b.start);
      if (code < 0) out.push(document.createTextNode(piece));
      else out.push(...marksFor(piece, a, e, GROUPS[code], ids, tooltip));
      for (const badge of b.badges) if (badge[0] === e) out.push(badgeFor(badge));
    }
    node.replaceChildren(...out);
    node.className = 'mt-block filled';
    filled.add(b.i);
  }

  return {
    /** Show a new result's text: placeholders for every block, the visible ones built soon after. */
    show(view, fetch) {
      generation += 1;
      blocks = view.blocks;
      fetchPieces = fetch;
      filled = new Set();
      asked = new Set();
      current = [];
      observer?.disconnect();
      const n = blocks.length / 3;
      nodes = [];
      for (let i = 0; i < n; i += 1) {
        const div = el('div', `mt-block ${heightClass(blocks[3 * i + 2])}`);
        div.dataset.block = String(i);
        div.dataset.start = String(blocks[3 * i]);
        div.dataset.end = String(blocks[3 * i + 1]);
        nodes.push(div);
      }
      container.replaceChildren(...nodes);
      // the blocks that came with the result (the top of the text) at once, the others as they come near
      for (const b of view.firstPieces ?? []) {
        asked.add(b.i);
        build(b);
      }
      if (observer) for (const node of nodes) observer.observe(node);
      else fill(nodes.map((_, i) => i));
    },
    clear() {
      generation += 1;
      observer?.disconnect();
      blocks = null;
      nodes = [];
      container.replaceChildren();
    },
    /** Mark `item` (its span in UTF-16) as current and scroll it into the middle of the region. */
    async locate(item) {
      if (!blocks || !item.span) return null;
      const i = blockOf(blocks, item.span[0]);
      if (i < 0) return null;
      await fill([i]);
      for (const old of current) old.classList.remove('current');
      current = [...container.querySelectorAll('mark[data-items]')].filter((m) => m.dataset.items.split(' ').includes(String(item.id)));
      if (current.length === 0) {
        current = [...container.querySelectorAll('mark')].filter((m) => Number(m.dataset.start) >= item.span[0] && Number(m.dataset.end) <= item.span[1]);
      }
      for (const m of current) m.classList.add('current');
      const first = current[0] ?? nodes[i];
      scrollWithin(container, first);
      return current[0] ?? null;
    },
  };
}

/** The block holding UTF-16 offset `u`. */
function blockOf(blocks, u) {
  const n = blocks.length / 3;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[3 * mid] <= u) lo = mid;
    else hi = mid - 1;
  }
  return n > 0 ? lo : -1;
}

/** Scroll the region (not the page) so that `node` is in its middle. */
function scrollWithin(region, node) {
  const r = region.getBoundingClientRect();
  const m = node.getBoundingClientRect();
  region.scrollTop += m.top - r.top - (region.clientHeight - m.height) / 2;
}

/** One <mark> per line of the piece (line breaks stay plain text, so no empty marked lines). */
function marksFor(piece, a, b, verdict, ids, tooltip) {
  const out = [];
  let at = a;
  for (const part of piece.split(/([\r\n]+)/)) {
    if (part === '') continue;
    if (/^[\r\n]+$/.test(part)) out.push(document.createTextNode(part));
    else {
      const mark = el('mark', `v-${verdict in WORDS ? verdict : 'notice'}`, part);
      mark.dataset.verdict = verdict;
      mark.dataset.start = String(at);
      mark.dataset.end = String(at + part.length);
      mark.dataset.items = ids;
      mark.title = tooltip;
      out.push(mark);
    }
    at += part.length;
  }
  return out;
}

function badgeFor([, code, id, title]) {
  const verdict = GROUPS[code];
  const badge = el('span', `badge v-${verdict}`);
  badge.dataset.verdict = verdict;
  badge.dataset.item = String(id);
  const symbol = el('span', 'symbol', SYMBOL[verdict] ?? '?');
  symbol.setAttribute('aria-hidden', 'true');
  badge.append(symbol, srOnly(`（${WORDS[verdict] ?? verdict}：${title}）`));
  badge.title = `${verdictText(verdict)}：${title}`;
  return badge;
}
