// The pasted text, read-only, with every claim marked by its verdict. Claims may overlap or nest:
// the text is cut at every span boundary and each piece is marked with the most severe verdict of the
// claims covering it. A small badge (symbol, plus words for screen readers) follows each claim.
import { spanOf } from './codepoints.js';
import { el, srOnly } from './dom.js';
import { severity, SYMBOL, verdictText, WORDS } from './verdicts.js';

/**
 * Rebuild `container` from `text` and `claims` (with `index` from codePointIndex(text)).
 * Each <mark> gets data-start / data-end (code points) so a finding can find its pieces.
 */
export function renderMarkedText(container, text, claims, index) {
  const spans = [];
  claims.forEach((claim, i) => {
    const span = spanOf(claim.span);
    if (!span) return;
    const [s, e] = [Math.min(span[0], index.length), Math.min(span[1], index.length)];
    if (e > s) spans.push({ i, s, e, claim });
  });

  const cuts = new Set([0, index.length]);
  for (const { s, e } of spans) cuts.add(s).add(e);
  const points = [...cuts].sort((a, b) => a - b);

  // Badges go right after the piece that ends a claim, most severe first.
  const endingAt = new Map();
  for (const sp of spans) {
    if (!endingAt.has(sp.e)) endingAt.set(sp.e, []);
    endingAt.get(sp.e).push(sp);
  }

  const nodes = [];
  for (let p = 0; p + 1 < points.length; p += 1) {
    const [a, b] = [points[p], points[p + 1]];
    const piece = index.slice(a, b);
    const covering = spans.filter((sp) => sp.s <= a && b <= sp.e);
    if (covering.length === 0) {
      nodes.push(document.createTextNode(piece));
    } else {
      nodes.push(...marksFor(piece, a, b, covering));
    }
    for (const sp of sortBySeverity(endingAt.get(b) ?? [])) nodes.push(badgeFor(sp.claim));
  }
  container.replaceChildren(...nodes);
}

function sortBySeverity(spans) {
  return [...spans].sort((x, y) => severity(x.claim.verdict) - severity(y.claim.verdict) || x.s - y.s);
}

/** One <mark> per line of the piece (line breaks stay plain text, so no empty marked lines). */
function marksFor(piece, a, b, covering) {
  const sorted = sortBySeverity(covering);
  const verdict = sorted[0].claim.verdict;
  const title = sorted.map((sp) => `${verdictText(sp.claim.verdict)}：${sp.claim.title ?? ''}`).join('；');
  return piece.split(/([\r\n]+)/).filter((part) => part !== '').map((part) => {
    if (/^[\r\n]+$/.test(part)) return document.createTextNode(part);
    const mark = el('mark', `v-${verdict in WORDS ? verdict : 'unknown'}`, part);
    mark.dataset.verdict = verdict;
    mark.dataset.start = String(a);
    mark.dataset.end = String(b);
    mark.dataset.claims = sorted.map((sp) => sp.i).join(' ');
    mark.title = title;
    return mark;
  });
}

function badgeFor(claim) {
  const verdict = claim.verdict in WORDS ? claim.verdict : 'unknown';
  const badge = el('span', `badge v-${verdict}`);
  badge.dataset.verdict = claim.verdict;
  const symbol = el('span', 'symbol', SYMBOL[claim.verdict] ?? '?');
  symbol.setAttribute('aria-hidden', 'true');
  badge.append(symbol);
  badge.append(srOnly(`（${WORDS[claim.verdict] ?? claim.verdict}：${claim.title ?? ''}）`));
  badge.title = `${verdictText(claim.verdict)}：${claim.title ?? ''}`;
  return badge;
}

/** Mark the pieces of code points [s, e) as current; returns the first one (or null). */
export function markCurrent(container, s, e) {
  for (const old of container.querySelectorAll('.current')) {
    old.classList.remove('current');
    old.removeAttribute('tabindex');
  }
  let first = null;
  for (const mark of container.querySelectorAll('mark[data-start]')) {
    const [a, b] = [Number(mark.dataset.start), Number(mark.dataset.end)];
    if (a >= s && b <= e) {
      mark.classList.add('current');
      first ??= mark;
    }
  }
  if (first) first.tabIndex = -1;
  return first;
}
