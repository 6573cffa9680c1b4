// One PDF.js page as plain data for pdf-layout.js: its text items and its ruling lines, both in page
// coordinates with the origin at the top left and y growing down (the page's rotation applied).

const IDENTITY = [1, 0, 0, 1, 0, 0];

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * Reads page `page` (a PDFPageProxy) with `OPS` (pdfjs.OPS). `withLines: false` skips the operator list
 * (the rulings), for a page with no text.
 */
export async function readPage(page, OPS, { withLines = true } = {}) {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform;
  const content = await page.getTextContent({ disableNormalization: false });
  const items = [];
  for (const item of content.items) {
    if (typeof item.str !== 'string' || item.str === '') continue;
    const t = item.transform;
    const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]) || 1;
    const dir = Math.hypot(t[0], t[1]) || 1;
    const ux = t[0] / dir;
    const uy = t[1] / dir;
    // the item's box in user space: from its origin along its direction by its width, up by its size
    const corners = [
      [t[4], t[5]],
      [t[4] + ux * item.width, t[5] + uy * item.width],
      [t[4] - uy * size, t[5] + ux * size],
      [t[4] + ux * item.width - uy * size, t[5] + uy * item.width + ux * size],
    ].map(([x, y]) => apply(vt, x, y));
    // glyphs sit a little below the baseline and not quite a full size above it
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    items.push({
      str: item.str,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top: Math.min(...ys) + 0.1 * size,
      bottom: Math.max(...ys) + 0.1 * size,
      size,
    });
  }
  const lines = withLines && items.length > 0 ? await rulings(page, OPS, vt) : [];
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, items, lines };
}

/** Straight strokes and thin filled rectangles of the page's drawing, as [x1, y1, x2, y2] segments. */
async function rulings(page, OPS, vt) {
  const list = await page.getOperatorList();
  const segments = [];
  let ctm = IDENTITY;
  const stack = [];
  const { fnArray, argsArray } = list;
  for (let i = 0; i < fnArray.length; i += 1) {
    const fn = fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, argsArray[i]);
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = argsArray[i];
      if (!data || paint === OPS.endPath || paint === OPS.clip || paint === OPS.eoClip) continue;
      const m = multiply(vt, ctm);
      const filled = paint === OPS.fill || paint === OPS.eoFill;
      pathSegments(data, m, filled, segments);
    }
  }
  return segments;
}

/** Adds the straight segments of one path (PDF.js DrawOPS: 0 move, 1 line, 2 curve, 3 quad, 4 close). */
function pathSegments(d, m, filled, out) {
  const points = [];
  let start = null;
  let cur = null;
  const polygon = [];
  for (let k = 0; k < d.length;) {
    const op = d[k];
    if (op === 0) {
      cur = apply(m, d[k + 1], d[k + 2]);
      start = cur;
      polygon.push([cur]);
      k += 3;
    } else if (op === 1) {
      const p = apply(m, d[k + 1], d[k + 2]);
      if (cur) points.push([cur, p]);
      polygon[polygon.length - 1]?.push(p);
      cur = p;
      k += 3;
    } else if (op === 2) {
      cur = apply(m, d[k + 5], d[k + 6]);
      k += 7;
    } else if (op === 3) {
      cur = apply(m, d[k + 3], d[k + 4]);
      k += 5;
    } else if (op === 4) {
      if (cur && start) points.push([cur, start]);
      cur = start;
      k += 1;
    } else {
      break;
    }
  }
  if (!filled) {
    for (const [p, q] of points) out.push([p[0], p[1], q[0], q[1]]);
    return;
  }
  // a filled rectangle no thicker than a rule is a rule along its long side
  for (const poly of polygon) {
    if (poly.length < 4) continue;
    const xs = poly.map((p) => p[0]);
    const ys = poly.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= 2.5 && x1 - x0 > 2) out.push([x0, (y0 + y1) / 2, x1, (y0 + y1) / 2]);
    else if (x1 - x0 <= 2.5 && y1 - y0 > 2) out.push([(x0 + x1) / 2, y0, (x0 + x1) / 2, y1]);
  }
}
