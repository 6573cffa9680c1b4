// Opening files: the published PDF itself (its tables rebuilt from positions), the template PDF, a PDF with
// no text layer, text files in GBK and UTF-16, the network while a PDF is read, and hostile PDFs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { headline, repoRoot, settled, useHarness } from './harness.mjs';
import { inflatingStream, manyPages, withCraftedFont, withJavaScript, withoutText } from './pdf-make.mjs';

const PDFS = join(repoRoot, 'tests', 'fixtures', 'pdf');
const KEYS = join(repoRoot, 'tests', 'fixtures', 'tables-dev');
const work = join(repoRoot, 'target', 'pdf-test');
const SMALL = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。';

const harnessOf = useHarness();
mkdirSync(work, { recursive: true });

/** Opens `file` through the 打开文件 button; resolves the file status message once reading is over. */
async function openFile(page, file) {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.reviews ?? 0));
  await page.locator('#file-input').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('#file-status').dataset.state !== 'busy'
    && document.querySelector('#file-status').textContent !== '', null, { timeout: 60000 });
  const status = await page.locator('#file-status').textContent();
  if (/已打开/.test(status)) {
    await page.waitForFunction((n) => Number(document.documentElement.dataset.reviews) > n, before);
    await settled(page);
  }
  return status;
}

/** The findings of the JSON export (the Review and its audit). */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

const ruleClaims = (report) => report.claims.filter((c) => c.rule).map((c) => `${c.rule} ${c.verdict} ${c.stated} ${c.recomputed}`).sort();

/** The keyed checks of tables-dev (285), matched one to one against a Review's claims. */
function unmatchedKeys(report) {
  const keys = readdirSync(KEYS).filter((f) => f.endsWith('.json')).flatMap((f) => JSON.parse(readFileSync(join(KEYS, f), 'utf8')));
  const severity = (k) => (k.consistent ? 'ok' : /^rounding/.test(k.note) ? 'rounding' : /^undefined/.test(k.expected) ? 'not_computable'
    : /^(truncation|inequality)/.test(k.note) ? 'notice' : 'mismatch');
  const num = (s) => (/^-?\d+(\.\d+)?$/.test(String(s ?? '').trim()) ? Number(s) : null);
  const used = new Set();
  const missing = keys.filter((k) => {
    // an N-13 增减率 (N-10s 完成预算) the narrative rules already judged is reported once, as their growth
    // (completion) claim
    const sameRule = (c) => c.rule === k.rule || (k.rule === 'N-13' && !c.rule && c.kind === 'growth')
      || (k.rule === 'N-10s' && !c.rule && c.kind === 'completion');
    const i = report.claims.findIndex((c, j) => !used.has(j) && sameRule(c) && c.verdict === severity(k)
      && (num(k.stated) === null || num(c.stated) === num(k.stated))
      && (num(k.expected) === null || num(c.recomputed) === num(k.expected)));
    if (i >= 0) used.add(i);
    return i < 0;
  });
  return { keys: keys.length, missing };
}

test('the 财政局 PDF: nine tables read from positions, the keyed checks as with the text, every finding on its page', async () => {
  const s = await harnessOf().open();
  // the same document as text (the tables-dev fixtures, as the 决算表 example holds them)
  await s.page.locator('#guide .example-button[data-example=standard]').click();
  await s.page.waitForFunction(() => document.querySelector('#input').value.includes('收入支出决算总表'));
  await settled(s.page);
  const fromText = await exported(s.page);
  assert.deepEqual(unmatchedKeys(fromText).missing, [], 'the text fixture reproduces every key');

  const status = await openFile(s.page, join(PDFS, 'putuo-czj-2024.pdf'));
  assert.match(status, /已打开 putuo-czj-2024\.pdf（共 25 页）/);
  assert.equal(await s.page.locator('#summary-detail').getAttribute('data-standard-tables'), '1,2,3,4,5,6,7,8,9', 'all nine tables recognised');
  assert.match(await s.page.locator('#summary-detail').textContent(), /识别出决算表 9 张.*文件：putuo-czj-2024\.pdf/);
  const text = await s.page.locator('#input').inputValue();
  assert.match(text, /\n201\t06\t01\t行政运行\t1,511\.90\t1,511\.89\t\t\t\t\t0\.01\n/, 'a table row as tab-separated cells, blanks kept');
  const fromPdf = await exported(s.page);
  const { keys, missing } = unmatchedKeys(fromPdf);
  assert.equal(keys, 285);
  assert.deepEqual(missing, [], 'every keyed check of tables-dev is reproduced from the PDF');
  assert.deepEqual(ruleClaims(fromPdf), ruleClaims(fromText), 'the same table findings as from the text');
  assert.equal(fromPdf.claims.filter((c) => c.rule && c.verdict === 'mismatch').length, 2, 'the two real errors (N-04, N-06s)');
  // located by page too: every finding with a place in the text names its page
  const placed = fromPdf.audit.findings.filter((f) => f.line);
  assert.ok(placed.length > 300);
  assert.deepEqual(placed.filter((f) => !f.page), [], 'every finding has its page');
  const t2 = fromPdf.audit.findings.find((f) => f.rule === 'T2-2' && f.verdict === 'rounding');
  assert.match(t2.where, /^收入决算表 · 合计 · 本年收入合计$/);
  assert.equal(t2.page, 8);
  const n04 = fromPdf.audit.findings.find((f) => f.rule === 'N-04');
  assert.equal(n04.page, 21);
  assert.match(await s.page.locator('#findings li[data-verdict=mismatch]').first().locator('.finding-head').textContent(), /第 \d+ 页/);
  assert.deepEqual(s.errors, []);
  await s.page.close();
});

test('the template PDF opens without a false finding', async () => {
  const s = await harnessOf().open();
  const status = await openFile(s.page, join(PDFS, 'template-2024.pdf'));
  assert.match(status, /已打开 template-2024\.pdf（共 23 页）/);
  assert.equal(await s.page.locator('#summary-detail').getAttribute('data-standard-tables'), '1,2,3,4,5,6,7,8,9');
  const h = await headline(s.page);
  assert.equal(h.mismatch + h.notice + h.rounding + h.not_computable, 0, h.text);
  await s.page.close();
});

test('a PDF without a text layer says so; the text in the box is kept', async () => {
  const s = await harnessOf().open();
  await s.page.locator('#input').fill(SMALL);
  await settled(s.page);
  const file = join(work, 'scan.pdf');
  writeFileSync(file, withoutText());
  assert.equal(await openFile(s.page, file), '此 PDF 没有文字层（可能是扫描件），无法读取');
  assert.equal(await s.page.locator('#input').inputValue(), SMALL);
  await s.page.close();
});

test('GBK and UTF-16 text files give the same results as UTF-8; a CSV becomes table rows', async () => {
  const s = await harnessOf().open();
  const seed = readFileSync(join(repoRoot, 'tests', 'fixtures', 'seed', 'seed.txt'), 'utf8');
  const files = {
    utf8: join(work, 'seed-utf8.txt'),
    gbk: join(work, 'seed-gbk.txt'),
    utf16: join(work, 'seed-utf16.txt'),
  };
  writeFileSync(files.utf8, seed);
  writeFileSync(files.utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
  // GB18030 bytes by Python's codec (Node has no GBK encoder); every character of the seed is in GBK
  execFileSync('python3', ['-c', 'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("gbk"))', files.utf8, files.gbk]);
  assert.notDeepEqual(readFileSync(files.gbk), readFileSync(files.utf8));
  const results = {};
  for (const [name, file] of Object.entries(files)) {
    assert.match(await openFile(s.page, file), /已打开/);
    assert.equal(await s.page.locator('#input').inputValue(), seed, `${name}: the same text`);
    results[name] = { headline: (await headline(s.page)).text, claims: ruleClaims(await exported(s.page)) };
  }
  assert.deepEqual(results.gbk, results.utf8);
  assert.deepEqual(results.utf16, results.utf8);

  const csv = join(work, 'table.csv');
  writeFileSync(csv, '项目,金额\r\n"本年支出, 合计",10.00\r\n');
  assert.match(await openFile(s.page, csv), /已打开/);
  assert.equal(await s.page.locator('#input').inputValue(), '项目\t金额\n本年支出, 合计\t10.00');
  await s.page.close();
});

test('no request leaves the origin while a PDF is read; after one use it opens with the network off', async () => {
  const s = await harnessOf().open();
  // the first load holds neither PDF.js nor the examples
  const firstLoad = s.requests.map((u) => new URL(u).pathname);
  assert.deepEqual(firstLoad.filter((p) => /pdfjs|pdf-reader|example\.js/.test(p)), [], firstLoad.join(' '));
  await s.page.evaluate(() => navigator.serviceWorker.ready);
  await s.page.reload();
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  assert.ok(await s.page.evaluate(() => navigator.serviceWorker.controller !== null));

  const cdp = await s.page.context().newCDPSession(s.page);
  await cdp.send('Network.enable');
  const seen = new Map(); // requestId → { url, response: 'service worker' | 'network' | 'failed' | null }
  cdp.on('Network.requestWillBeSent', (e) => seen.set(e.requestId, { url: e.request.url, response: null }));
  cdp.on('Network.responseReceived', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.response = e.response.fromServiceWorker ? 'service worker' : 'network';
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.response = 'failed';
  });
  const origin = new URL(harnessOf().url).origin;
  const pdf = join(PDFS, 'putuo-czj-2024.pdf');
  assert.match(await openFile(s.page, pdf), /已打开/);
  const first = [...seen.values()];
  assert.deepEqual(first.filter((r) => !r.url.startsWith(origin) && !/^(blob|data):/.test(r.url)), [], 'nothing but the own origin');
  assert.deepEqual(s.requests.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u)), [], 'nor from the workers');
  assert.ok(first.some((r) => r.url.includes('/pdfjs/pdf.worker.min.mjs')), 'PDF.js is self-hosted');

  // used once, kept by the service worker: the network can go
  seen.clear();
  const answered = []; // every response the page and its workers got, and who answered
  s.page.on('response', (r) => answered.push({ url: r.url(), byServiceWorker: r.fromServiceWorker() }));
  s.page.on('requestfailed', (r) => answered.push({ url: r.url(), failed: true }));
  await s.page.context().setOffline(true);
  await s.page.reload(); // a fresh page: PDF.js, its worker and the CMaps are all asked for again
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  assert.match(await openFile(s.page, pdf), /已打开/);
  assert.equal(await s.page.locator('#summary-detail').getAttribute('data-standard-tables'), '1,2,3,4,5,6,7,8,9');
  const offline = [...seen.values()].filter((r) => /^https?:/.test(r.url));
  assert.deepEqual(offline.filter((r) => r.response === 'network' || r.response === 'failed'), [], 'nothing from the network, nothing failed');
  const http = answered.filter((r) => /^https?:/.test(r.url));
  // (the CMaps are fetched by PDF.js's worker, out of these events' sight: the Chinese text read offline shows
  // they came from the offline copy)
  assert.ok(http.some((r) => /\/pdfjs\/pdf\.min\.mjs/.test(r.url)), 'PDF.js was asked for again');
  assert.deepEqual(http.filter((r) => r.failed || !r.byServiceWorker), [], 'every request answered by the offline copy');
  // the workers run under the CSP too: no eval in the core's worker nor in PDF.js's (the probe runs from a
  // timer: code evaluated by DevTools itself is exempt from the CSP, the worker's own tasks are not)
  const workers = s.page.workers().map((w) => w.url());
  assert.ok(workers.some((u) => u.endsWith('/juesuan-worker.js')), workers.join(' '));
  for (const worker of s.page.workers()) {
    const evalRuns = await worker.evaluate(() => new Promise((resolve) => setTimeout(() => {
      try {
        resolve(new Function('return "ran"')() === 'ran');
      } catch {
        resolve(false);
      }
    }, 0)));
    assert.equal(evalRuns, false, `no eval in ${worker.url()}`);
  }
  await s.page.context().setOffline(false);
  assert.deepEqual(s.errors, []);
  await s.page.close();
});

test('hostile PDFs: scripts and a crafted font run nothing; 1,000 pages and a 2.5 GB stream stop with a message', async () => {
  const s = await harnessOf().open();
  const dialogs = [];
  s.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await s.page.locator('#input').fill(SMALL);
  await settled(s.page);

  const js = join(work, 'javascript.pdf');
  writeFileSync(js, withJavaScript());
  assert.match(await openFile(s.page, js), /已打开 javascript\.pdf/);
  assert.match(await s.page.locator('#input').inputValue(), /Budget 2024/);
  const font = join(work, 'crafted-font.pdf');
  writeFileSync(font, withCraftedFont());
  assert.match(await openFile(s.page, font), /已打开 crafted-font\.pdf/);
  assert.equal(await s.page.evaluate(() => window.__pwned ?? globalThis.__pwned), undefined, 'nothing ran');
  assert.deepEqual(dialogs, []);

  await s.page.locator('#input').fill(SMALL);
  await settled(s.page);
  const many = join(work, 'many-pages.pdf');
  writeFileSync(many, manyPages(1000));
  assert.match(await openFile(s.page, many), /^此 PDF 共 1000 页，超过 300 页的上限/);
  assert.equal(await s.page.locator('#input').inputValue(), SMALL, 'nothing lost');

  const bomb = join(work, 'inflating-stream.pdf');
  writeFileSync(bomb, await inflatingStream(2500));
  assert.ok(readFileSync(bomb).length < 8000, 'a few KB on disk');
  await s.page.locator('#file-input').setInputFiles(bomb);
  await s.page.waitForFunction(() => document.querySelector('#file-status').dataset.state === 'busy');
  // the page answers while PDF.js works: a quick calculation comes back
  const form = s.page.locator('form[data-kind=variance]');
  await form.locator('[name=a]').fill('993.12');
  await form.locator('[name=b]').fill('1497.60');
  await form.locator('output.result', { hasText: /50\.80%/ }).waitFor();
  await s.page.waitForFunction(() => document.querySelector('#file-status').dataset.state !== 'busy', null, { timeout: 60000 });
  assert.match(await s.page.locator('#file-status').textContent(), /第 1 页内容异常（解压后过大或过于复杂），已停止读取/);
  assert.equal(await s.page.locator('#input').inputValue(), SMALL, 'nothing lost');
  assert.match(await s.page.locator('#summary').textContent(), /✗ 错误 1 项/);
  const origin = new URL(harnessOf().url).origin;
  assert.deepEqual(s.requests.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u)), []);
  assert.deepEqual(s.errors, []);
  await s.page.close();
});

test('a file dropped on the paste box opens; the element opens files too', async () => {
  const s = await harnessOf().open();
  await s.page.locator('#drop-zone').evaluate((zone, text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '拖入.txt', { type: 'text/plain' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, SMALL);
  await s.page.waitForFunction((t) => document.querySelector('#input').value === t, SMALL);
  await settled(s.page);
  assert.match(await s.page.locator('#file-status').textContent(), /已打开 拖入\.txt/);
  assert.match(await s.page.locator('#summary-detail').textContent(), /文件：拖入\.txt/);
  assert.match(await s.page.locator('#summary').textContent(), /✗ 错误 1 项/);
  await s.page.close();

  const demo = await harnessOf().open('embed-demo.html');
  const file = join(work, 'element.txt');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL, 'utf16le')]));
  await demo.page.locator('#compact-checker').evaluate((c) => c.setAttribute('layout', 'full'));
  await demo.page.locator('#compact-checker #file-input').setInputFiles(file);
  await demo.page.waitForFunction((t) => document.querySelector('#compact-checker').value === t, SMALL);
  await demo.page.locator('#compact-checker #summary', { hasText: /✗ 错误 1 项/ }).waitFor();
  await demo.page.close();
});
