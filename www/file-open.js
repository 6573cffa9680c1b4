// Opening a file instead of pasting: the 打开文件 button and dropping a file on the paste box. A PDF is read
// by pdf-reader.js (loaded on the first PDF only); a text file in any encoding (UTF-8, UTF-16 by its BOM,
// GBK/GB18030) is decoded by the browser's TextDecoder; a CSV becomes tab-separated rows, as a copy out of
// Excel would be. The paste box is replaced only when the file was read: a failure loses nothing.
import { el } from './dom.js';

export const TEXT_LIMIT = 20 * 1024 * 1024; // 20 MB of text

/** The text of a text file's bytes: BOM first, then strict UTF-8, then UTF-16 without BOM, then GB18030. */
export function decodeText(bytes) {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // not UTF-8
  }
  const sample = b.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) if (sample[i] === 0) (i % 2 === 0 ? (evenZeros += 1) : (oddZeros += 1));
  if (oddZeros > sample.length / 8) return new TextDecoder('utf-16le').decode(b);
  if (evenZeros > sample.length / 8) return new TextDecoder('utf-16be').decode(b);
  return new TextDecoder('gb18030').decode(b);
}

/** CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes) as tab-separated lines. */
export function csvToTsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}

const kindOf = (file) => {
  const name = (file.name ?? '').toLowerCase();
  if (name.endsWith('.pdf') || file.type === 'application/pdf') return 'pdf';
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  return 'text';
};

/**
 * Wires the button `#open-file` (with its hidden `#file-input`) and dropping on `dropZone`.
 * `onText(text, { name, pages })` receives what was read; `status` is a role=status element for progress
 * and messages; `pdf` says whether PDFs can be read here (the kiosk reads text files only).
 */
export function setupFileOpen(root, { dropZone, onText, status, pdf = true }) {
  const button = root.querySelector('#open-file');
  const input = root.querySelector('#file-input');
  let busy = null;

  const say = (text, kind = 'info') => {
    status.replaceChildren(el('span', `file-${kind}`, text));
    status.dataset.state = kind;
  };

  async function open(file) {
    if (!file) return;
    busy?.abort();
    const controller = new AbortController();
    busy = controller;
    button.disabled = true;
    try {
      const kind = kindOf(file);
      if (kind === 'pdf') {
        if (!pdf) throw new Error('自助终端只能打开文本文件（TXT、CSV），不能打开 PDF。请复制 PDF 中的文字后粘贴。');
        // said once; the page count moves where a screen reader does not read it out on every page
        const progress = el('progress');
        progress.max = 1;
        progress.value = 0;
        progress.setAttribute('aria-label', '读取进度');
        const count = el('span', 'file-count');
        count.setAttribute('aria-hidden', 'true');
        status.replaceChildren(el('span', 'file-busy', `正在读取 ${file.name}… `), progress, ' ', count);
        status.dataset.state = 'busy';
        const { readPdf } = await import('./pdf-reader.js');
        const doc = await readPdf(file, {
          signal: controller.signal,
          onProgress: ({ page, pages }) => {
            progress.max = pages;
            progress.value = page - 1;
            count.textContent = `第 ${page} / ${pages} 页`;
          },
        });
        if (controller.signal.aborted) return;
        onText(doc.text, { name: file.name, pages: doc.pages });
        const skipped = doc.skipped.length ? `；第 ${doc.skipped.join('、')} 页无法读取，已跳过` : '';
        say(`已打开 ${file.name}（共 ${doc.count} 页${skipped}）。表格按位置还原为逐行、逐格的文字，结果中的位置注明页码。`, doc.skipped.length ? 'error' : 'done');
      } else {
        if (file.size > TEXT_LIMIT) throw new Error(`文件太大（${(file.size / 1048576).toFixed(1)} MB），超过 20 MB 的上限，无法读取。`);
        const text = decodeText(new Uint8Array(await file.arrayBuffer()));
        if (/\u0000/.test(text.slice(0, 4096))) throw new Error('这不是文本文件，无法读取。支持 PDF、TXT、CSV、TSV。');
        onText(kind === 'csv' ? csvToTsv(text) : text, { name: file.name, pages: null });
        say(`已打开 ${file.name}。`, 'done');
      }
    } catch (err) {
      if (!controller.signal.aborted) say(err?.message || '无法读取此文件。', 'error');
    } finally {
      if (busy === controller) busy = null;
      button.disabled = false;
      input.value = '';
    }
  }

  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => open(input.files?.[0]));

  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  dropZone.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dropZone.classList.remove('dragging');
    open(e.dataTransfer.files[0]);
  });
  return { open };
}
