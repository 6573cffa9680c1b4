// Instant at any size, checked by behaviour (the timings are `npm run bench`'s, never a test's): the core runs
// in a worker and the main thread never loads the wasm; an IME commit is one review and its syllables none;
// the latest edit wins and older results are dropped; a 1 MB paste shows progress and builds only what is on
// screen; an empty box and a text with nothing to check say what can be checked, with an example of each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillInput, headline, repoRoot, settled, useHarness } from './harness.mjs';

const harnessOf = useHarness();

const seed = readFileSync(join(repoRoot, 'tests', 'fixtures', 'seed', 'seed.txt'), 'utf8');

test('the core runs in a worker: the page itself never fetches or compiles the wasm', async () => {
  const s = await harnessOf().open();
  await fillInput(s.page, seed);
  const workers = s.page.workers().map((w) => w.url());
  assert.ok(workers.some((u) => u.endsWith('/juesuan-worker.js')), workers.join(' '));
  const pageResources = await s.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(!pageResources.includes('/juesuan_bg.wasm'), `the page's own loads: ${pageResources.join(' ')}`);
  assert.ok(!pageResources.includes('/juesuan.js'), 'nor the glue');
  await s.page.close();
});

test('an IME composition is reviewed once, at its commit; its syllables are not', async () => {
  const s = await harnessOf().open();
  await fillInput(s.page, seed);
  const reviews = () => s.page.evaluate(() => Number(document.documentElement.dataset.reviews));
  const before = await reviews();
  await s.page.locator('#input').evaluate((t) => {
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  });
  const cdp = await s.page.context().newCDPSession(s.page);
  await cdp.send('Input.imeSetComposition', { text: 'jue', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'juesuan', selectionStart: 7, selectionEnd: 7 });
  assert.equal(await reviews(), before, 'no review while composing');
  await cdp.send('Input.insertText', { text: '决算' });
  await settled(s.page);
  assert.equal(await reviews(), before + 1, 'one review for the committed word');
  assert.ok((await s.page.locator('#input').inputValue()).endsWith('决算'));
  await s.page.close();
});

test('the latest edit wins: results of older edits are dropped, the last one is shown', async () => {
  const s = await harnessOf().open();
  const big = Array(12).fill(seed).join('\n'); // long enough that reviews overlap the edits
  await s.page.locator('#input').evaluate((t, text) => {
    t.value = text;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await settled(s.page);
  await s.page.evaluate(() => {
    window.__shown = [];
    new MutationObserver(() => window.__shown.push(document.documentElement.dataset.shown))
      .observe(document.documentElement, { attributes: true, attributeFilter: ['data-shown'] });
  });
  const first = Number(await s.page.evaluate(() => document.documentElement.dataset.reviews));
  // five edits in one go, each changing the text
  await s.page.locator('#input').evaluate((t) => {
    for (let i = 1; i <= 5; i += 1) {
      t.value = `本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 ${i}.00 万元。\n${t.value}`;
      t.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await settled(s.page);
  const shown = (await s.page.evaluate(() => window.__shown)).map(Number);
  assert.equal(shown.at(-1), first + 5, 'the last edit is shown');
  assert.ok(shown.length < 5, `older results dropped: shown ${JSON.stringify(shown)}`);
  const li = await s.page.locator('#findings li').first().textContent();
  assert.match(li, /5\.00|11\.00/, 'the list is the last text’s');
  await s.page.close();
});

test('a 1 MB paste: progress while it is checked, then verdicts; only what is on screen is built', async () => {
  const s = await harnessOf().open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harnessOf().url });
  const mb = Array(21).fill(seed).join('\n'); // 21 × 51 KB
  assert.ok(Buffer.byteLength(mb) > 1_000_000);
  await s.page.evaluate((text) => navigator.clipboard.writeText(text), mb);
  await s.page.evaluate(() => {
    window.__busy = false;
    new MutationObserver(() => {
      if (!document.querySelector('#busy').hidden) window.__busy = document.querySelector('#busy').textContent;
    }).observe(document.querySelector('#busy'), { attributes: true, childList: true });
  });
  await s.page.locator('#input').focus();
  await s.page.keyboard.press('Control+V');
  await settled(s.page, 60000);
  // too large for the box: it shows the beginning, read-only; the whole text is checked and marked below
  assert.equal(await s.page.locator('#input').getAttribute('readonly'), '');
  assert.equal((await s.page.locator("#input").inputValue()).length, 5000);
  assert.match(await s.page.locator('#large-note').textContent(), /文本较大（约 45万字），输入框只显示开头部分/);
  assert.match(await s.page.evaluate(() => window.__busy), /正在核对约 45万字/, 'progress was shown');
  assert.ok(await s.page.locator('#busy').isHidden(), 'and is gone');
  const h = await headline(s.page);
  assert.equal(h.mismatch, 21 * 18, h.text);
  // built: the first page of each group, the blocks of text near the view, the tables near the view
  const counts = await s.page.evaluate(() => ({
    nodes: document.querySelectorAll('*').length,
    items: document.querySelectorAll('#findings li').length,
    filled: document.querySelectorAll('#marked-text .mt-block.filled').length,
    blocks: document.querySelectorAll('#marked-text .mt-block').length,
    tables: document.querySelectorAll('#tables-result table').length,
    slots: document.querySelectorAll('#tables-result article').length,
  }));
  assert.ok(counts.nodes < 20000, `DOM nodes: ${counts.nodes}`);
  assert.equal(counts.items, 60 + 42 + 60, 'a page of ✗ (60 of 378), all ≈ (42), a page of — (60 of 84); ✓ collapsed');
  assert.ok(counts.filled <= 4 && counts.blocks > 1000, `text blocks built: ${counts.filled} of ${counts.blocks}`);
  assert.equal(counts.slots, 252, 'a place for every 绩效自评表');
  assert.ok(counts.tables <= 4, `tables built: ${counts.tables}`);
  // more findings on request
  await s.page.locator('#group-mismatch .more').click();
  await s.page.waitForFunction(() => document.querySelectorAll('#group-mismatch li').length === 120);
  // a finding far into the text is located in the marked text
  await s.page.locator('#group-mismatch li').nth(100).locator('.finding-head').click();
  await s.page.locator('#marked-text mark.current').first().waitFor();
  // and the whole text can still be taken into the box to edit
  await s.page.locator('#large-note button').click();
  assert.equal((await s.page.locator('#input').inputValue()).length, mb.length);
  assert.equal(await s.page.locator('#input').getAttribute('readonly'), null);
  await s.page.close();
});

test('an empty box and a text with nothing to check say what can be checked, with an example of each', async () => {
  const s = await harnessOf().open();
  const guide = s.page.locator('#guide');
  await guide.waitFor();
  assert.match(await guide.textContent(), /^可以核对的内容：/);
  const kinds = await guide.locator('li').allTextContents();
  assert.equal(kinds.length, 3);
  assert.match(kinds[0], /部门决算公开说明.*合计与分项、占比、增长率/);
  assert.match(kinds[1], /绩效自评表.*执行率、执行率得分/);
  assert.match(kinds[2], /部门决算九张表.*表内勾稽、表间一致/);
  for (const [example, expect] of [['narrative', /✗ 错误 0 项.*≈ 尾差 2 项/], ['selfEval', /✗ 错误 8 项/], ['standard', /✗ 错误 20 项/]]) {
    await fillInput(s.page, '');
    await guide.locator(`.example-button[data-example=${example}]`).click();
    await s.page.waitForFunction(() => document.querySelector('#input').value !== '');
    await settled(s.page);
    assert.match(await s.page.locator('#summary').textContent(), expect, example);
    assert.ok(await guide.isHidden());
  }
  await fillInput(s.page, '今年我们做了很多工作，取得了不少成绩。');
  assert.match(await guide.textContent(), /未找到可核对的数字声明。本工具能读取：/);
  assert.equal(await guide.locator('.example-button').count(), 3);
  await s.page.close();
});
