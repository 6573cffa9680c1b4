// Opening a PDF: Mozilla PDF.js (self-hosted under pdfjs/, loaded on the first PDF only) parses the file in
// its own worker; this module asks it for each page's text items and ruling lines and hands them to
// pdf-layout.js. A PDF is hostile input: no scripting, no eval, images dropped unread, bounded bytes, pages
// and time, and every failure is one clear Chinese message.
import { layoutDocument } from './pdf-layout.js';
import { readPage } from './pdf-page.js';

export const LIMITS = {
  bytes: 60 * 1024 * 1024, // 60 MB
  pages: 300,
  pageMs: 10_000, // one page's text and rulings
  totalMs: 120_000,
};

/** A reading that failed, with the message to show. */
export class PdfError extends Error {}

let pdfjs = null;

/** PDF.js, loaded once, with its worker next to it. */
async function library() {
  if (!pdfjs) {
    const base = new URL('./pdfjs/', import.meta.url);
    pdfjs = await import(/* @vite-ignore */ new URL('pdf.min.mjs', base).href);
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', base).href;
  }
  return pdfjs;
}

/** The options every document is opened with (exported for the page tests). */
export function documentOptions(data) {
  const base = new URL('./pdfjs/', import.meta.url);
  return {
    data,
    cMapUrl: new URL('cmaps/', base).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', base).href,
    isEvalSupported: false, // no code generated from a font (CVE-2024-4367); PDF.js 6 has no eval left at all
    enableScripting: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    maxImageSize: 0, // images are not needed for text: dropped before they are decoded
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: 0,
  };
}

function timeout(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PdfError(what)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Reads `file` (a File or Blob): resolves { text, pages, count, skipped } (pages: [{ number, start }] in
 * text order; skipped: the pages that could not be read) or rejects with a PdfError. `onProgress({ page, pages })` is called as pages are read; `signal` aborts.
 */
export async function readPdf(file, { onProgress = () => {}, signal } = {}) {
  if (file.size > LIMITS.bytes) {
    throw new PdfError(`文件太大（${(file.size / 1048576).toFixed(1)} MB），超过 ${LIMITS.bytes / 1048576} MB 的上限，无法读取。`);
  }
  const data = new Uint8Array(await file.arrayBuffer());
  if (!isPdf(data)) throw new PdfError('这不是 PDF 文件（文件开头没有 PDF 标识），无法读取。');
  let lib;
  try {
    lib = await library();
  } catch {
    throw new PdfError('PDF 读取组件加载失败，请刷新页面后重试。');
  }
  const task = lib.getDocument(documentOptions(data));
  const started = performance.now();
  const abort = () => task.destroy();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    let doc;
    const opening = timeout(LIMITS.pageMs, 'PDF 结构异常，打开超时，已停止读取。');
    try {
      doc = await Promise.race([task.promise, opening.promise]);
    } catch (err) {
      if (err instanceof PdfError) throw err;
      if (err?.name === 'PasswordException') throw new PdfError('此 PDF 有密码保护，无法读取。');
      throw new PdfError('无法读取此 PDF（文件可能已损坏或不是标准 PDF）。');
    } finally {
      opening.cancel();
    }
    const total = doc.numPages;
    if (total > LIMITS.pages) {
      throw new PdfError(`此 PDF 共 ${total} 页，超过 ${LIMITS.pages} 页的上限，无法读取。请只保留部门决算的页面后再打开。`);
    }
    // text first (cheap); the rulings only of pages that have text
    const pages = [];
    const skipped = [];
    for (let n = 1; n <= total; n += 1) {
      if (signal?.aborted) throw new PdfError('已取消读取。');
      if (performance.now() - started > LIMITS.totalMs) throw new PdfError('读取 PDF 用时过长，已停止读取。');
      onProgress({ page: n, pages: total });
      const limit = timeout(LIMITS.pageMs, `第 ${n} 页内容异常（解压后过大或过于复杂），已停止读取。`);
      try {
        const page = await Promise.race([doc.getPage(n), limit.promise]);
        pages.push(await Promise.race([readPage(page, lib.OPS), limit.promise]));
        page.cleanup();
      } catch (err) {
        if (err instanceof PdfError) throw err;
        pages.push({ number: n, width: 0, height: 0, items: [], lines: [] }); // an unreadable page: skipped
        skipped.push(n);
      } finally {
        limit.cancel();
      }
    }
    const chars = pages.reduce((sum, p) => sum + p.items.reduce((s, it) => s + it.str.replace(/\s/g, '').length, 0), 0);
    if (chars < 20) throw new PdfError('此 PDF 没有文字层（可能是扫描件），无法读取');
    return { ...layoutDocument(pages), count: total, skipped };
  } finally {
    signal?.removeEventListener('abort', abort);
    task.destroy();
  }
}

/** "%PDF-" within the first KB, as readers accept it. */
function isPdf(data) {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  return head.includes('%PDF-');
}
