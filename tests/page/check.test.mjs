// The full-text check and the table scoring, driven as a person would: paste, read, click, export.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startHarness } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.close();
});

const VERDICTS = { ok: '✓ 一致', rounding: '≈ 尾差', mismatch: '✗ 不一致', not_computable: '— 无法计算' };
const SMALL = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。';
const shots = join(repoRoot, 'target', 'screenshots');

/** No console errors, and every request (blob: downloads included) went to the page's own server. */
function assertClean({ errors, requests }) {
  assert.deepEqual(errors, [], 'console errors');
  const own = new URL(harness.url).origin;
  const foreign = requests.filter((u) => new URL(u.startsWith('blob:') ? u.slice(5) : u).origin !== own);
  assert.deepEqual(foreign, [], 'requests to other hosts');
}

/** Paste `text` into the main box (fill fires one input event, like a paste). */
async function paste(page, text) {
  await page.locator('#input').fill(text);
}

/** The four counts in the summary line, by verdict. */
async function summaryCounts(page) {
  const summary = await page.locator('#summary').textContent();
  const total = summary.match(/共 (\d+) 处数字声明/);
  assert.ok(total, `summary reads the total: ${summary}`);
  const counts = { claims: Number(total[1]) };
  for (const [verdict, words] of Object.entries(VERDICTS)) {
    const m = summary.match(new RegExp(`${words} (\\d+)`));
    assert.ok(m, `summary shows ${words}: ${summary}`);
    counts[verdict] = Number(m[1]);
  }
  return { summary, counts };
}

test('the seed is checked on load: summary, marks and findings agree', async () => {
  const s = await harness.open();
  const { summary, counts } = await summaryCounts(s.page);
  assert.ok(counts.claims >= 70, `at least 70 claims: ${summary}`);
  assert.match(summary, /尾差 2(?!\d)/);
  const li = (v) => s.page.locator(`#findings li[data-verdict=${v}]`).count();
  assert.equal(await li('rounding'), 2);
  assert.equal(await li('not_computable'), 4);
  for (const v of Object.keys(VERDICTS)) assert.equal(await li(v), counts[v], `${v}: summary vs list`);
  assert.equal(await s.page.locator('#findings li').count(), counts.claims);
  assert.equal(await s.page.locator('#findings li:not([data-kind]), #findings li:not([data-verdict])').count(), 0);
  assert.equal(await s.page.locator('#findings li[data-kind=""]').count(), 0, 'every li names its kind');

  // Most severe first.
  const order = await s.page.locator('#findings li').evaluateAll((items) => items.map((i) => i.dataset.verdict));
  const rank = ['mismatch', 'rounding', 'not_computable', 'ok'];
  const ranks = order.map((v) => rank.indexOf(v));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'sorted by severity');

  // Every verdict in the list shows its symbol and words.
  const first = await s.page.locator('#findings li').first().locator('.verdict').textContent();
  assert.equal(first, VERDICTS[order[0]]);
  assert.ok((await s.page.locator('#marked-text mark.v-rounding').count()) >= 1, 'rounding claims are marked');
  assert.match(await s.page.locator('#marked-text').textContent(), /部门决算/);

  // The filter hides ✓ 一致 items, and brings them back.
  await s.page.locator('#findings-filter').selectOption('problems');
  assert.equal(await s.page.locator('#findings li[data-verdict=ok]:visible').count(), 0);
  assert.equal(await s.page.locator('#findings li:visible').count(), counts.claims - counts.ok);
  await s.page.locator('#findings-filter').selectOption('all');
  assert.equal(await s.page.locator('#findings li:visible').count(), counts.claims);
  assertClean(s);
  await s.page.close();
});

test('a pasted sum that does not add up is one ✗ 不一致 finding, marked in the text', async () => {
  const s = await harness.open();
  await paste(s.page, SMALL);
  const items = s.page.locator('#findings li');
  assert.equal(await items.count(), 1);
  const li = s.page.locator('#findings li[data-verdict=mismatch]');
  assert.equal(await li.count(), 1);
  assert.equal(await li.getAttribute('data-kind'), 'sum');
  const text = await li.textContent();
  assert.match(text, /10\.00/);
  assert.match(text, /9\.90/);
  assert.match(text, /✗ 不一致/);
  assert.match(text, /允许范围 \S+ ~ \S+/);
  assert.match(await s.page.locator('#summary').textContent(), /共 1 处数字声明：.*✗ 不一致 1/);
  assert.equal(await s.page.locator('#marked-text mark.v-mismatch').count() >= 1, true);
  assert.equal(await s.page.locator('#marked-text').evaluate((n) => n.textContent.includes('本年支出')), true);
  assertClean(s);
  await s.page.close();
});

test('activating a finding focuses its mark and selects it in the paste box (UTF-16 offsets)', async () => {
  const s = await harness.open();
  // Astral characters before the claim: code point and UTF-16 offsets differ by 2 each.
  const prefix = '𠮷𠮷说明：\n';
  await paste(s.page, prefix + SMALL);
  await s.page.locator('#findings li').first().locator('button').click();
  const sel = await s.page.locator('#input').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.ok(sel.startsWith('本年支出'), `selection starts at the claim: ${JSON.stringify(sel)}`);
  assert.ok(sel.endsWith('3.90 万元'), `selection ends at the claim: ${JSON.stringify(sel)}`);
  const focused = await s.page.evaluate(() => ({
    inMarked: document.getElementById('marked-text').contains(document.activeElement),
    tag: document.activeElement.tagName,
    current: document.activeElement.classList.contains('current'),
  }));
  assert.deepEqual(focused, { inMarked: true, tag: 'MARK', current: true });
  assert.equal(await s.page.locator('#findings li.current').count(), 1);

  // Keyboard: Enter on the button does the same.
  await paste(s.page, SMALL);
  await s.page.locator('#findings li button').first().focus();
  await s.page.keyboard.press('Enter');
  const viaKey = await s.page.locator('#input').evaluate((t) => [t.selectionStart, t.selectionEnd]);
  assert.equal(viaKey[0], 0);
  assert.equal(SMALL.slice(viaKey[0], viaKey[1]).endsWith('3.90 万元'), true);
  assert.equal(await s.page.evaluate(() => document.activeElement.tagName), 'MARK');
  assertClean(s);
  await s.page.close();
});

test('pasted markup stays text: nothing runs, no elements are created', async () => {
  const s = await harness.open();
  const hostile =
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> 本年支出 10.00 万元，其中：A 6.00 万元，B 4.00 万元。';
  await paste(s.page, hostile);
  await s.page.waitForTimeout(200);
  assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await s.page.locator('#marked-text img, #marked-text script, #findings img, #findings script').count(), 0);
  assert.equal(await s.page.locator('#tables img, #tables script').count(), 0);
  const shown = await s.page.locator('#marked-text').textContent();
  assert.ok(shown.includes('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'), shown);
  assertClean(s);
  await s.page.close();
});

test('CSV export: BOM, Chinese header, one CRLF line per finding; JSON export is the report', async () => {
  const s = await harness.open();
  const count = await s.page.locator('#findings li').count();
  const [csvDownload] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#export-csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'juesuan-findings.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with the BOM');
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'ends with CRLF');
  assert.equal(lines[0], '序号,类型,结论,填报值,重算值,差额,允许范围,公式,说明,诊断,位置');
  assert.equal(lines.length, count + 1, 'one line per finding');
  assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\n/, 'no bare line breaks');
  assert.match(lines[1], /^1,/);

  const [jsonDownload] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#export-json')]);
  assert.equal(jsonDownload.suggestedFilename(), 'juesuan-findings.json');
  const report = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(report.schema, 2);
  assert.equal(report.claims.length, count);
  assert.equal(report.summary.claims.total, count);
  assertClean(s);
  await s.page.close();
});

test('screenshot of the checked seed; a finding far down is scrolled into view in both boxes', async () => {
  const s = await harness.open();
  await s.page.locator('#findings li').nth(1).locator('button').click();
  const view = await s.page.evaluate(() => {
    const mark = document.activeElement.getBoundingClientRect();
    const box = document.getElementById('marked-text').getBoundingClientRect();
    return {
      inBox: mark.top >= box.top && mark.bottom <= box.bottom,
      textareaScrolled: document.getElementById('input').scrollTop > 0,
    };
  });
  assert.deepEqual(view, { inBox: true, textareaScrolled: true });
  mkdirSync(shots, { recursive: true });
  await s.page.screenshot({ path: join(shots, 'check.png'), fullPage: true });
  await s.page.screenshot({ path: join(shots, 'check-viewport.png') });
  assertClean(s);
  await s.page.close();
});

test('preset picker: kept in the URL, read back on load; text without tables says so', async () => {
  const s = await harness.open('?preset=deduct-per-point&k=0.5');
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
  assert.notEqual((await s.page.locator('#preset-error').textContent()).trim(), '', 'an unusable k is explained');
  assert.equal(await s.page.locator('#preset-k').getAttribute('aria-invalid'), 'true');
  await s.page.locator('#preset-k').fill('0.25');
  assert.equal((await s.page.locator('#preset-error').textContent()).trim(), '');

  await paste(s.page, SMALL);
  assert.match(await s.page.locator('#tables-status').textContent(), /未发现绩效自评表/);
  assert.equal(await s.page.locator('#tables-result table').count(), 0);
  assertClean(s);
  await s.page.close();
});

test('10.tsv: the five disagreeing rows are marked; 执行率 and totals read stated vs rule', async () => {
  const s = await harness.open('?preset=proportional');
  const tsv = readFileSync(join(repoRoot, 'tests', 'fixtures', 'seed', 'tables', '10.tsv'), 'utf8');
  await paste(s.page, tsv);
  const section = s.page.locator('#tables');
  const table = s.page.locator('#tables-result table').first();
  assert.equal(await s.page.locator('#tables-result table').count(), 1);
  assert.match(await section.locator('.preset-used').first().textContent(), /评分规则：按比例/);
  assert.match(await table.locator('caption').textContent(), /机构运行补助/);
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['指标', '年度指标值', '实际完成值', '分值', '表中得分', '规则得分', '结论', '说明']);
  const verdicts = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.verdict));
  assert.equal(verdicts.length, 11);
  // 保障正常办公人数 6.8 vs 8.00, 保障公务用车数量 3 vs 6.00, 公务用车运行维护成本 0 vs 4.00,
  // 其他支出成本 0.62 vs 4.00, 维修维护成本 0 vs 4.00
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
  assert.match(funds, /预算数 192\.23.*执行数 127\.56.*执行率\s*表中 66\.36%，重算 66\.36%/);
  assert.match(funds, /执行率得分\s*表中 1\.59，规则 6\.64/);
  const foot = await table.locator('tfoot').textContent();
  assert.match(foot, /表中总分\D*74\.01/);
  assert.match(foot, /规则总分\D*94\.64/);
  mkdirSync(shots, { recursive: true });
  await section.screenshot({ path: join(shots, 'tables.png') });
  assertClean(s);
  await s.page.close();
});

test('one core call per edit: a keystroke, a paste and a preset change each review the text once', async () => {
  const s = await harness.open();
  const reviews = () => s.page.evaluate(() => Number(document.documentElement.dataset.reviews));
  const before = await reviews();
  assert.ok(before >= 1, 'the example was reviewed on load');
  await s.page.focus('#input');
  await s.page.keyboard.press('End');
  await s.page.keyboard.type('。');
  assert.equal(await reviews(), before + 1, 'one keystroke, one review');
  await paste(s.page, SMALL);
  assert.equal(await reviews(), before + 2, 'one paste, one review');
  await s.page.selectOption('#preset', 'bands');
  assert.equal(await reviews(), before + 3, 'one preset change, one review');
  assertClean(s);
  await s.page.close();
});
