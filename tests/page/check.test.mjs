// The audit report and the table scoring, driven as a person would: paste, read, click, export.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillInput, headline, loadSeed, repoRoot, settled, useHarness } from './harness.mjs';

const harnessOf = useHarness();

const SMALL = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。';
const shots = join(repoRoot, 'target', 'screenshots');
const RANK = ['mismatch', 'notice', 'rounding', 'not_computable', 'ok'];

/** No console errors, and every request (blob: downloads included) went to the page's own server. */
function assertClean({ errors, requests }) {
  assert.deepEqual(errors, [], 'console errors');
  const own = new URL(harnessOf().url).origin;
  const foreign = requests.filter((u) => new URL(u.startsWith('blob:') ? u.slice(5) : u).origin !== own);
  assert.deepEqual(foreign, [], 'requests to other hosts');
}

test('the seed: one headline over text and tables, equal to the findings shown; ✓ collapsed', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  const h = await headline(s.page);
  assert.equal(h.total, h.mismatch + h.notice + h.rounding + h.not_computable + h.ok);
  assert.deepEqual([h.mismatch, h.rounding, h.not_computable], [18, 2, 4], h.text);
  const li = (v) => s.page.locator(`#findings li[data-verdict=${v}]`).count();
  for (const v of ['mismatch', 'notice', 'rounding', 'not_computable']) assert.equal(await li(v), h[v], `${v}: headline vs list`);
  // the ✗ of the narrative and of the 12 tables are all in the list and all in the headline
  const fromTables = await s.page.locator('#findings li[data-verdict=mismatch][data-source=table]').count();
  const fromText = await s.page.locator('#findings li[data-verdict=mismatch][data-source=claim]').count();
  assert.equal(fromText + fromTables, h.mismatch);
  assert.equal(fromTables, 17, 'the score tables hold 17 ✗');
  // the tables are built as they come near the screen: bring each one in, then count their ✗
  const slots = s.page.locator('#tables-result article');
  for (let i = 0; i < (await slots.count()); i += 1) await slots.nth(i).scrollIntoViewIfNeeded();
  await s.page.waitForFunction(() => document.querySelectorAll('#tables-result article.pending').length === 0);
  assert.equal(await s.page.locator('#tables .table-findings li[data-verdict=mismatch]').count(), fromTables, 'the tables show the same ✗');

  // ✓ 一致 starts collapsed: its items are not in the list until asked for
  assert.equal(await li('ok'), 0);
  const toggle = s.page.locator('#group-ok .group-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.match(await toggle.textContent(), new RegExp(`✓ 一致 ${h.ok} 项`));
  await toggle.click();
  await s.page.locator('#findings li[data-verdict=ok]').first().waitFor();
  assert.equal(await li('ok'), 60, 'the first page of ✓');
  assert.match(await s.page.locator('#group-ok .more').textContent(), new RegExp(`还有 ${h.ok - 60} 项`));

  // most severe first; every item names its kind and where it is
  const order = await s.page.locator('#findings li').evaluateAll((items) => items.map((i) => i.dataset.verdict));
  const ranks = order.map((v) => RANK.indexOf(v));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'sorted by severity');
  const heads = await s.page.locator('#findings li .finding-head').allTextContents();
  for (const text of heads.slice(0, 24)) assert.match(text, /第 \d+ 行/, `located by line: ${text}`);
  assert.match(heads[0], /十一、预算绩效的情况说明/, 'a narrative finding names its section heading');
  assert.ok(heads.some((t) => /机构运行补助 · 保障正常办公人数 第 \d+ 行/.test(t)), 'a table finding names its table and row');
  await s.page.locator('#marked-text mark').first().waitFor();
  assert.match(await s.page.locator('#marked-text').textContent(), /部门决算/);
  assertClean(s);
  await s.page.close();
});

test('a pasted sum that does not add up is one ✗ finding, marked in the text', async () => {
  const s = await harnessOf().open();
  await fillInput(s.page, SMALL);
  const items = s.page.locator('#findings li');
  assert.equal(await items.count(), 1);
  const li = s.page.locator('#findings li[data-verdict=mismatch]');
  assert.equal(await li.getAttribute('data-kind'), 'sum');
  const text = await li.textContent();
  assert.match(text, /10\.00/);
  assert.match(text, /9\.90/);
  assert.match(text, /✗ 不一致/);
  assert.match(text, /允许范围 \S+ ~ \S+/);
  assert.match(await s.page.locator('#summary').textContent(), /✗ 错误 1 项.*（共 1 项）/);
  await s.page.locator('#marked-text mark.v-mismatch').first().waitFor();
  assert.equal(await s.page.locator('#marked-text').evaluate((n) => n.textContent.includes('本年支出')), true);
  assertClean(s);
  await s.page.close();
});

test('定位: the claim is selected and marked, focus stays on the finding, Escape in the text returns', async () => {
  const s = await harnessOf().open();
  // Astral characters before the claim: code point and UTF-16 offsets differ by 2 each.
  await fillInput(s.page, `𠮷𠮷说明：\n${SMALL}\n${SMALL.replace('3.90', '4.10')}`);
  const buttons = s.page.locator('#findings li .finding-head');
  assert.equal(await buttons.count(), 2);
  await buttons.nth(1).click();
  const sel = await s.page.locator('#input').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.ok(sel.startsWith('本年支出'), `selection starts at the claim: ${JSON.stringify(sel)}`);
  assert.ok(sel.endsWith('4.10 万元'), `selection ends at the claim: ${JSON.stringify(sel)}`);
  await s.page.locator('#marked-text mark.current').first().waitFor();
  assert.match(await s.page.locator('#marked-text mark.current').first().textContent(), /4\.10|本年支出/);
  const focus = () => s.page.evaluate(() => {
    const a = document.activeElement;
    return { item: a.closest('li')?.dataset.item ?? null, cls: a.className };
  });
  assert.deepEqual(await focus(), { item: '1', cls: 'finding-head' }, 'focus stays on the finding');
  assert.equal(await s.page.locator('#findings li.current').count(), 1);
  await s.page.waitForFunction(() => /已定位到原文第 \d+ 行/.test(document.querySelector('#announce').textContent));

  // the next Tab stays with this finding (its 已说明 box), not back at finding #1
  await s.page.keyboard.press('Tab');
  assert.equal((await focus()).item, '1');
  // in the marked text, Escape returns to the finding
  await s.page.locator('#marked-text').focus();
  await s.page.keyboard.press('Escape');
  assert.deepEqual(await focus(), { item: '1', cls: 'finding-head' });

  // Keyboard: Enter on the first finding does the same for it.
  await buttons.first().focus();
  await s.page.keyboard.press('Enter');
  const viaKey = await s.page.locator('#input').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.ok(viaKey.endsWith('3.90 万元'), viaKey);
  assert.equal((await focus()).item, '0');
  assertClean(s);
  await s.page.close();
});

test('pasted markup stays text: nothing runs, no elements are created', async () => {
  const s = await harnessOf().open();
  const hostile =
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> 本年支出 10.00 万元，其中：A 6.00 万元，B 4.00 万元。';
  await fillInput(s.page, hostile);
  await s.page.locator('#marked-text .filled').first().waitFor();
  assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await s.page.locator('#marked-text img, #marked-text script, #findings img, #findings script').count(), 0);
  assert.equal(await s.page.locator('#tables img, #tables script').count(), 0);
  const shown = await s.page.locator('#marked-text').textContent();
  assert.ok(shown.includes('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'), shown);
  assertClean(s);
  await s.page.close();
});

test('CSV export: BOM, a header block, every finding of text and tables; JSON: the Review plus the audit', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  const h = await headline(s.page);
  const [csvDownload] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#export-csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'juesuan-audit.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with the BOM');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'ends with CRLF');
  assert.equal(lines[0], '审核报告,决算校核计算器');
  assert.match(lines[1], /^文档,粘贴的文本：昌吉回族自治州/);
  assert.match(lines[2], /^审核时间,\d{4}\/\d{1,2}\/\d{1,2}/);
  assert.match(lines[3], /^评分规则,比例计分/);
  assert.match(lines[4], /^版本,\d+\.\d+\.\d+/);
  assert.match(lines[5], /^结论,✗ 错误 18 项/);
  assert.equal(lines[6], '');
  assert.equal(lines[7], '序号,严重程度,结论,类型,规则,位置,行,页,填报值,重算值,差额,允许范围,公式,说明,诊断,已说明,说明备注');
  assert.equal(lines.length - 8, h.total, 'one line per finding, ✓ included');
  assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\n/, 'no bare line breaks');
  assert.match(lines[8], /^1,错误,✗ 不一致,合计,,十一、预算绩效的情况说明,440,/);
  assert.equal(lines.filter((l) => /^\d+,错误,/.test(l)).length, h.mismatch);
  assert.ok(lines.some((l) => l.includes('机构运行补助') && l.includes('执行率得分')), 'table findings are exported');

  const [jsonDownload] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#export-json')]);
  assert.equal(jsonDownload.suggestedFilename(), 'juesuan-audit.json');
  const report = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(report.schema, 2);
  assert.equal(report.claims.length, 133, 'the core Review as it came');
  assert.equal(report.audit.findings.length, h.total);
  assert.deepEqual(Object.keys(report.audit.header), ['document', 'date', 'rule', 'version', 'summary']);
  assert.equal(report.audit.findings.filter((f) => f.severity === '错误').length, h.mismatch);
  assertClean(s);
  await s.page.close();
});

test('screenshot of the checked seed; a finding far down is scrolled into view in both boxes', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  await s.page.locator('#findings li').nth(1).locator('.finding-head').click();
  await s.page.locator('#marked-text mark.current').first().waitFor();
  const view = await s.page.evaluate(() => {
    const mark = document.querySelector('#marked-text mark.current').getBoundingClientRect();
    const box = document.getElementById('marked-text').getBoundingClientRect();
    return {
      inBox: mark.top >= box.top && mark.bottom <= box.bottom,
      textareaScrolled: document.getElementById('input').scrollTop > 0,
    };
  });
  assert.deepEqual(view, { inBox: true, textareaScrolled: true });
  mkdirSync(shots, { recursive: true });
  await s.page.screenshot({ path: join(shots, 'check.png'), fullPage: true });
  await s.page.locator('#results').scrollIntoViewIfNeeded();
  await s.page.screenshot({ path: join(shots, 'check-viewport.png') });
  assertClean(s);
  await s.page.close();
});

test('preset picker: kept in the URL, read back on load; text without tables says so', async () => {
  const s = await harnessOf().open('?preset=deduct-per-point&k=0.5');
  assert.equal(await s.page.locator('#preset').inputValue(), 'deduct-per-point');
  assert.ok(await s.page.locator('#preset-k').isVisible());
  assert.equal(await s.page.locator('#preset-k').inputValue(), '0.5');

  await s.page.locator('#preset').selectOption('bands');
  assert.ok(await s.page.locator('#preset-k').isHidden(), 'k only for deduct-per-point');
  let query = new URLSearchParams(await s.page.evaluate(() => location.search));
  assert.equal(query.get('preset'), 'bands');
  assert.equal(query.has('k'), false);

  await s.page.locator('#preset').selectOption('deduct-per-point');
  await s.page.locator('#preset-k').fill('0.25');
  query = new URLSearchParams(await s.page.evaluate(() => location.search));
  assert.equal(query.get('preset'), 'deduct-per-point');
  assert.equal(query.get('k'), '0.25');

  await s.page.locator('#preset-k').fill('abc');
  await settled(s.page);
  assert.notEqual((await s.page.locator('#preset-error').textContent()).trim(), '', 'an unusable k is explained');
  assert.equal(await s.page.locator('#preset-k').getAttribute('aria-invalid'), 'true');
  await s.page.locator('#preset-k').fill('0.25');
  await settled(s.page);
  assert.equal((await s.page.locator('#preset-error').textContent()).trim(), '');

  await fillInput(s.page, SMALL);
  assert.match(await s.page.locator('#tables-status').textContent(), /未发现绩效自评表/);
  assert.equal(await s.page.locator('#tables-result table').count(), 0);
  assertClean(s);
  await s.page.close();
});

test('10.tsv: the five disagreeing rows are marked; 执行率 and its score each carry their own verdict', async () => {
  const s = await harnessOf().open('?preset=proportional');
  const tsv = readFileSync(join(repoRoot, 'tests', 'fixtures', 'seed', 'tables', '10.tsv'), 'utf8');
  await fillInput(s.page, tsv);
  const section = s.page.locator('#tables');
  const table = s.page.locator('#tables-result table').first();
  await section.scrollIntoViewIfNeeded();
  await table.waitFor();
  assert.equal(await s.page.locator('#tables-result table').count(), 1);
  assert.match(await section.locator('.preset-used').first().textContent(), /评分规则：按比例/);
  assert.match(await table.locator('caption').textContent(), /机构运行补助/);
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['指标', '结论', '表中得分', '规则得分', '分值', '年度指标值', '实际完成值', '说明']);
  const verdicts = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.verdict));
  assert.equal(verdicts.length, 11);
  const disagreeing = table.locator('tbody tr[data-verdict=mismatch]');
  assert.equal(await disagreeing.count(), 5);
  const names = await disagreeing.evaluateAll((trs) => trs.map((tr) => tr.cells[0].textContent));
  for (const [i, name] of ['保障正常办公人数', '保障公务用车数量', '公务用车运行维护成本', '其他支出成本', '维修维护成本'].entries()) {
    assert.match(names[i], new RegExp(name));
  }
  for (let i = 0; i < 5; i += 1) {
    const row = disagreeing.nth(i);
    assert.match(await row.locator('.verdict').textContent(), /✗ 不一致/);
    assert.notEqual((await row.locator('.note-cell').textContent()).trim(), '', 'a disagreeing row says why');
  }
  const funds = await section.locator('.funds').first().textContent();
  assert.match(funds, /预算数 192\.23.*执行数 127\.56.*执行率\s*表中 66\.36%，重算 66\.36%\s*✓ 一致/);
  // the score's own verdict stands after the score: never a ✓ next to 1.59 vs 6.64
  assert.match(funds, /执行率得分\s*表中 1\.59，规则 6\.64（分值 10）\s*✗ 不一致/);
  const foot = await table.locator('tfoot').textContent();
  assert.match(foot, /表中总分\D*74\.01/);
  assert.match(foot, /规则总分\D*94\.64/);
  mkdirSync(shots, { recursive: true });
  await section.screenshot({ path: join(shots, 'tables.png') });
  assertClean(s);
  await s.page.close();
});

test('one core call per edit: a keystroke, a paste and a preset change each review the text once', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  const reviews = () => s.page.evaluate(() => Number(document.documentElement.dataset.reviews));
  const before = await reviews();
  await s.page.focus('#input');
  await s.page.keyboard.press('End');
  await s.page.keyboard.type('。');
  await settled(s.page);
  assert.equal(await reviews(), before + 1, 'one keystroke, one review');
  await fillInput(s.page, SMALL);
  assert.equal(await reviews(), before + 2, 'one paste, one review');
  await s.page.selectOption('#preset', 'bands');
  await settled(s.page);
  assert.equal(await reviews(), before + 3, 'one preset change, one review');
  assertClean(s);
  await s.page.close();
});
