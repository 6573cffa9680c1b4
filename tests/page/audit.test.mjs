// The audit report a finance clerk keeps: each finding located (section or table, row, column, line), the
// 已说明 mark with a note kept in this browser and carried into the exports and the print, and the printed
// 审核报告 of the seed on at most three A4 pages.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillInput, headline, loadSeed, repoRoot, settled, useHarness } from './harness.mjs';

const harnessOf = useHarness();

const shots = join(repoRoot, 'target', 'screenshots');

/** Pages of a PDF (PDF.js in Node, which needs Promise.withResolvers on Node 20). */
async function pageCount(bytes) {
  Promise.withResolvers ??= function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
  const pdfjs = await import(join(repoRoot, 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.mjs'));
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  const n = doc.numPages;
  let text = '';
  for (let p = 1; p <= n; p += 1) text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => i.str).join('');
  await task.destroy();
  return { pages: n, text };
}

/** The printed report as an A4 PDF, the way the browser prints it. */
async function printed(page) {
  await page.waitForFunction(() => document.querySelector('#print-report h1') !== null);
  return page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
}

test('the printed 审核报告 of the seed: a header, ✗ and ≈ only, at most three A4 pages; all on request', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  const h = await headline(s.page);
  const pdf = await printed(s.page);
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, 'report.pdf'), pdf);
  const { pages, text } = await pageCount(pdf);
  assert.ok(pages >= 1 && pages <= 3, `the report is ${pages} A4 pages`);
  for (const words of ['审核报告', '文档', '粘贴的文本：昌吉回族自治州', '审核时间', '评分规则', '比例计分', '版本', '结论', '✗ 错误 18 项']) {
    assert.ok(text.includes(words), `the header has ${words}`);
  }
  const rows = await s.page.locator('#print-report tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.verdict));
  assert.equal(rows.length, h.mismatch + h.notice + h.rounding);
  assert.deepEqual([...new Set(rows)].sort(), ['mismatch', 'rounding']);
  assert.match(await s.page.locator('#print-report .report-scope').textContent(), /一致 \d+ 项.*未列出/);
  assert.ok(!text.includes('决算校核计算器 核对部门决算'), 'none of the page itself is printed');

  await s.page.locator('#print-all').check();
  await s.page.waitForFunction((n) => document.querySelectorAll('#print-report tbody tr').length === n, h.total);
  const all = await pageCount(await s.page.pdf({ format: 'A4', preferCSSPageSize: true }));
  assert.ok(all.pages > pages, `every finding takes more pages (${all.pages})`);
  assert.deepEqual(s.errors, []);
  await s.page.close();
});

test('已说明: a note on a finding is kept in this browser, shown after a reload, carried into CSV, JSON and print', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  const first = s.page.locator('#findings li[data-verdict=mismatch]').first();
  const key = await first.getAttribute('data-key');
  await first.locator('.explained').check();
  await first.locator('.note-text').fill('合计含两项待核补的预算调整，已向财务科说明');
  assert.ok(await first.evaluate((li) => li.classList.contains('is-explained')));

  await s.page.reload();
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  await settled(s.page);
  const again = s.page.locator(`#findings li[data-key="${key}"]`);
  assert.equal(await again.locator('.explained').isChecked(), true, 'kept after a reload');
  assert.equal(await again.locator('.note-text').inputValue(), '合计含两项待核补的预算调整，已向财务科说明');

  const [csv] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#export-csv')]);
  const line = readFileSync(await csv.path(), 'utf8').split('\r\n').find((l) => l.startsWith('1,'));
  assert.match(line, /,是,合计含两项待核补的预算调整，已向财务科说明$/);
  const [json] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#export-json')]);
  const finding = JSON.parse(readFileSync(await json.path(), 'utf8')).audit.findings.find((f) => f.key === key);
  assert.equal(finding.explained.text, '合计含两项待核补的预算调整，已向财务科说明');
  await s.page.locator('#print-all').check();
  await s.page.locator('#print-all').uncheck();
  await s.page.waitForFunction(() => document.querySelector('#print-report .report-note')?.textContent.includes('已向财务科说明'));

  // unticked: gone from this browser
  await again.locator('.explained').uncheck();
  assert.equal(await s.page.evaluate(() => localStorage.getItem('juesuan.notes')), null);
  await s.page.close();
});

test('locations: a standard table finding names its table, row and column; a 说明 one its heading and line', async () => {
  const s = await harnessOf().open();
  await s.page.locator('#guide .example-button[data-example=standard]').click();
  await s.page.waitForFunction(() => document.querySelector('#input').value.includes('收入决算表'));
  await settled(s.page);
  const heads = await s.page.locator('#findings li .finding-head').allTextContents();
  assert.ok(heads.some((t) => /T2-2 表内勾稽 收入决算表 · 合计 · 本年收入合计 第 \d+ 行/.test(t)), heads.slice(0, 20).join('\n'));
  assert.ok(heads.some((t) => /N-06s 说明与报表 （二）一般公共预算财政拨款支出决算结构情况 第 \d+ 行/.test(t)));
  const h = await headline(s.page);
  assert.equal(h.mismatch, await s.page.locator('#findings li[data-verdict=mismatch]').count());
  assert.equal(h.rounding, await s.page.locator('#findings li[data-verdict=rounding]').count());
  await fillInput(s.page, '');
  await s.page.close();
});
