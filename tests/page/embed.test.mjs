// <juesuan-checker> in a portal: the demo page's hostile stylesheet does not reach inside the shadow root,
// results leave as events the portal hears, attributes re-render, a hostile paste stays text.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, useHarness } from './harness.mjs';

const harnessOf = useHarness();

const DEMO = 'embed-demo.html';
const SMALL = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。';
const FINE = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。';
const shots = join(repoRoot, 'target', 'screenshots');

/** No console errors, and every request (blob: downloads included) went to the page's own server. */
function assertClean({ errors, requests }) {
  assert.deepEqual(errors, [], 'console errors');
  const own = new URL(harnessOf().url).origin;
  const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u.startsWith('blob:') ? u.slice(5) : u).origin !== own);
  assert.deepEqual(foreign, [], 'requests to other hosts');
}

/** A headline (event detail) in the shape countsOf gives. */
const headlineCounts = (h) => ({ total: h.total, ...h.counts });

/** The counts of a headline "审核结论：✗ 错误 a 项，ⓘ 提示 b 项，≈ 尾差 c 项，— 无法计算 d 项，✓ 一致 e 项（共 n 项）". */
function countsOf(text) {
  const m = /✗ 错误 (\d+) 项，ⓘ 提示 (\d+) 项，≈ 尾差 (\d+) 项，— 无法计算 (\d+) 项，✓ 一致 (\d+) 项（共 (\d+) 项）/.exec(text ?? '');
  assert.ok(m, `a headline: ${text}`);
  const [mismatch, notice, rounding, notComputable, ok, total] = m.slice(1).map(Number);
  return { total, mismatch, notice, rounding, not_computable: notComputable, ok };
}

/** Waits until the portal has heard at least `n` events of `type`. */
async function heard(page, type, n) {
  await page.waitForFunction(([t, k]) => (window.__events ?? []).filter((e) => e.type === t).length >= k, [type, n], { timeout: 15000 });
  return (await events(page)).filter((e) => e.type === type);
}

/** Start recording the checkers' events, as the portal would hear them on `document`. */
function recordEvents(page) {
  return page.evaluate(() => {
    window.__events = [];
    for (const type of ['juesuan-report', 'juesuan-score', 'juesuan-error']) {
      document.addEventListener(type, (e) => {
        window.__events.push({ type, id: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: JSON.parse(JSON.stringify(e.detail)) });
      });
    }
  });
}

const events = (page) => page.evaluate(() => window.__events);

test('both checkers render inside their shadow roots, untouched by the portal stylesheet', async () => {
  const s = await harnessOf().open(DEMO);
  const full = countsOf(await s.page.locator('#full-checker #summary').textContent());
  const report = await s.page.locator('#full-checker').evaluate((c) => c.report.summary.claims);
  assert.equal(report.mismatch, 2, '项目支出 860.23: the sum and its share 44.54% do not agree');
  assert.equal(report.rounding, 1, '收入总计 1,810.23 vs 1,810.22');
  assert.ok(full.mismatch > report.mismatch, 'the headline counts the table’s ✗ too');
  assert.deepEqual(full, await s.page.locator('#full-checker').evaluate((c) => ({ total: c.headline.total, ...c.headline.counts })));
  const compact = countsOf(await s.page.locator('#compact-checker #summary').textContent());
  assert.deepEqual(compact, { total: 1, mismatch: 1, notice: 0, rounding: 0, not_computable: 0, ok: 0 });

  // The portal heard a report (the last one of either checker).
  const last = await s.page.locator('#last-event').textContent();
  assert.match(last, /^(full|compact)-checker：错误 \d+ 项/);

  // Everything is inside open shadow roots; the portal's light DOM holds no views.
  const inside = await s.page.evaluate(() => [...document.querySelectorAll('juesuan-checker')].map((c) => ({
    shadow: Boolean(c.shadowRoot),
    sheets: c.shadowRoot.adoptedStyleSheets.length,
    styleElements: c.shadowRoot.querySelectorAll('style, [style]').length,
    lightSummary: c.querySelector('#summary') !== null,
  })));
  assert.deepEqual(inside, [
    { shadow: true, sheets: 1, styleElements: 0, lightSummary: false },
    { shadow: true, sheets: 1, styleElements: 0, lightSummary: false },
  ]);
  assert.equal(await s.page.evaluate(() => document.querySelectorAll('#summary').length), 0, 'ids stay in the shadow roots');

  // `textarea { display: none !important }`, `* { all: unset }`, 40px fonts, rtl, letter-spacing: none of it gets in.
  for (const id of ['full-checker', 'compact-checker']) {
    const textarea = s.page.locator(`#${id} textarea`);
    const box = await textarea.boundingBox();
    assert.ok(box && box.width > 200 && box.height > 50, `${id}: the paste box is laid out (${JSON.stringify(box)})`);
    assert.ok(await textarea.isVisible());
    const style = await textarea.evaluate((t) => {
      const app = t.getRootNode().querySelector('.app');
      const own = getComputedStyle(app);
      const ta = getComputedStyle(t);
      const li = t.getRootNode().querySelector('#findings li');
      return {
        fontSize: ta.fontSize,
        appFontSize: own.fontSize,
        hostFontSize: getComputedStyle(t.getRootNode().host).fontSize,
        display: ta.display,
        direction: own.direction,
        letterSpacing: own.letterSpacing,
        textTransform: own.textTransform,
        whiteSpace: own.whiteSpace,
        color: own.color,
        liColor: li ? getComputedStyle(li).color : null,
        liDisplay: li ? getComputedStyle(li).display : null,
      };
    });
    assert.equal(style.fontSize, style.appFontSize, `${id}: the paste box uses the element's own font size`);
    assert.notEqual(style.fontSize, '40px', `${id}: not the portal's 40px`);
    assert.equal(style.hostFontSize, '40px', `${id}: (the portal did style the host element itself)`);
    assert.equal(style.display, 'block');
    assert.equal(style.direction, 'ltr');
    assert.equal(style.letterSpacing, 'normal');
    assert.equal(style.textTransform, 'none');
    assert.equal(style.whiteSpace, 'normal');
    assert.equal(style.color, 'rgb(27, 27, 27)');
    assert.notEqual(style.liColor, 'rgb(255, 0, 0)', `${id}: findings are not the portal's red`);
    assert.equal(style.liDisplay, 'list-item');
  }

  // full: marked text and the table view; compact: paste box, summary and findings only.
  await s.page.locator('#full-checker #marked-text mark').first().waitFor();
  assert.ok(await s.page.locator('#full-checker #marked-text').isVisible());
  await s.page.locator('#full-checker #tables-result article').first().scrollIntoViewIfNeeded();
  await s.page.locator('#full-checker #tables-result table').first().waitFor();
  assert.equal(await s.page.locator('#full-checker #tables-result table').count(), 1);
  assert.match(await s.page.locator('#full-checker .preset-used').textContent(), /每低于 100% 一个百分点扣 0\.25 分/);
  assert.ok(await s.page.locator('#compact-checker #marked-text').isHidden());
  assert.ok(await s.page.locator('#compact-checker #tables').isHidden());
  assert.ok(await s.page.locator('#compact-checker #findings li').first().isVisible());

  // Nothing leaks out: the portal's own text keeps the portal's styles.
  const portal = await s.page.evaluate(() => getComputedStyle(document.querySelector('header p')).fontSize);
  assert.equal(portal, '40px');
  assertClean(s);
  await s.page.close();
});

test('typing into the shadow paste box re-emits juesuan-report with the new counts', async () => {
  const s = await harnessOf().open(DEMO);
  await recordEvents(s.page);
  await s.page.locator('#compact-checker textarea').fill(FINE);
  const reports = await heard(s.page, 'juesuan-report', 1);
  await s.page.waitForTimeout(200);
  assert.equal((await events(s.page)).filter((e) => e.type === 'juesuan-report').length, 1, 'one report per edit');
  assert.equal(reports[0].id, 'compact-checker');
  assert.equal(reports[0].bubbles, true);
  assert.equal(reports[0].composed, true);
  assert.deepEqual(headlineCounts(reports[0].detail.headline), { total: 1, mismatch: 0, notice: 0, rounding: 0, not_computable: 0, ok: 1 });
  assert.equal(reports[0].detail.report.schema, 2, 'the Review itself travels with the event');
  assert.equal(await s.page.locator('#last-event').textContent(), 'compact-checker：错误 0 项，提示 0 项，尾差 0 项，无法计算 0 项，一致 1 项（共 1 项）');
  assert.deepEqual(countsOf(await s.page.locator('#compact-checker #summary').textContent()), headlineCounts(reports[0].detail.headline));
  assert.equal(await s.page.locator('#compact-checker').evaluate((c) => c.value), FINE, 'the value property reads the box');

  // The value property sets the text and re-checks; the text attribute does too.
  await s.page.locator('#compact-checker').evaluate((c, text) => { c.value = text; }, SMALL);
  await heard(s.page, 'juesuan-report', 2);
  await s.page.locator('#compact-checker').evaluate((c, text) => c.setAttribute('text', text), `${SMALL}\n${FINE}`);
  const later = (await heard(s.page, 'juesuan-report', 3)).slice(1).map((e) => headlineCounts(e.detail.headline));
  assert.deepEqual(later, [
    { total: 1, mismatch: 1, notice: 0, rounding: 0, not_computable: 0, ok: 0 },
    { total: 2, mismatch: 1, notice: 0, rounding: 0, not_computable: 0, ok: 1 },
  ]);
  assert.equal(await s.page.locator('#compact-checker textarea').inputValue(), `${SMALL}\n${FINE}`);
  assertClean(s);
  await s.page.close();
});

test('changing the preset attribute re-scores; the picker inside writes the attribute back, not the URL', async () => {
  const s = await harnessOf().open(DEMO);
  await recordEvents(s.page);
  const checker = s.page.locator('#full-checker');
  const totals = async () => (await events(s.page)).filter((e) => e.type === 'juesuan-score').map((e) => [e.detail.report.preset.rule, e.detail.report.tables[0]?.total]);

  await checker.evaluate((c) => c.setAttribute('preset', 'bands'));
  await heard(s.page, 'juesuan-score', 1);
  await s.page.locator('#full-checker #tables-result article').first().scrollIntoViewIfNeeded();
  assert.deepEqual(await totals(), [['bands', '93.00']]);
  assert.equal(await s.page.locator('#full-checker #preset').inputValue(), 'bands');
  assert.ok(await s.page.locator('#full-checker #preset-k').isHidden(), 'k only for deduct-per-point');
  assert.match(await s.page.locator('#full-checker .preset-used').textContent(), /分档/);
  assert.match(await s.page.locator('#last-score').textContent(), /规则总分 93\.00/);

  await s.page.locator('#full-checker #preset').selectOption('proportional');
  assert.equal(await checker.getAttribute('preset'), 'proportional');
  await heard(s.page, 'juesuan-score', 2);
  await checker.evaluate((c) => c.setAttribute('preset', 'deduct-per-point'));
  await heard(s.page, 'juesuan-score', 3);
  await checker.evaluate((c) => c.setAttribute('k', '0.5'));
  await heard(s.page, 'juesuan-score', 4);
  assert.equal(await s.page.locator('#full-checker #preset-k').inputValue(), '0.5');
  await s.page.locator('#full-checker #preset-k').fill('0.25');
  assert.equal(await checker.getAttribute('k'), '0.25');
  await heard(s.page, 'juesuan-score', 5);
  assert.deepEqual((await totals()).slice(1), [
    ['proportional', '94.64'],
    ['deduct-per-point', '89.59'],
    ['deduct-per-point', '88.00'],
    ['deduct-per-point', '89.59'],
  ]);

  // An unusable k is explained in the element and scores nothing; the portal's URL is left alone.
  await s.page.locator('#full-checker #preset-k').fill('abc');
  await s.page.locator('#full-checker #preset-error').filter({ hasText: /\S/ }).waitFor();
  assert.notEqual((await s.page.locator('#full-checker #preset-error').textContent()).trim(), '');
  assert.equal(await s.page.locator('#full-checker #preset-k').getAttribute('aria-invalid'), 'true');
  assert.equal(await s.page.evaluate(() => location.search), '');
  assertClean(s);
  await s.page.close();
});

test('a hostile paste is shown as text; nothing runs, nothing is fetched', async () => {
  const s = await harnessOf().open(DEMO);
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">\n${SMALL}`;
  await recordEvents(s.page);
  await s.page.locator('#full-checker textarea').fill(hostile);
  await heard(s.page, 'juesuan-report', 1);
  await s.page.locator('#full-checker #marked-text .filled').first().waitFor();
  assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
  const inside = await s.page.locator('#full-checker').evaluate((c) => ({
    elements: c.shadowRoot.querySelectorAll('img, script, svg').length,
    marked: c.shadowRoot.querySelector('#marked-text').textContent,
  }));
  assert.equal(inside.elements, 0);
  assert.ok(inside.marked.startsWith('<img src=x onerror='), 'the markup is shown as it was pasted');
  assert.equal(countsOf(await s.page.locator('#full-checker #summary').textContent()).mismatch, 1);
  assertClean(s);
  await s.page.close();
});

test('keyboard: Tab reaches the paste box; 定位 marks the finding’s figure, the focus stays on the finding', async () => {
  const s = await harnessOf().open(DEMO);
  await s.page.keyboard.press('Tab');
  const focused = () => s.page.evaluate(() => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement;
    return `${host?.id}/${inner?.tagName.toLowerCase()}${inner?.id ? `#${inner.id}` : ''}`;
  });
  assert.equal(await focused(), 'full-checker/textarea#input');
  await s.page.locator('#full-checker #findings li').first().locator('.finding-head').focus();
  await s.page.keyboard.press('Enter');
  await s.page.locator('#full-checker mark.current').first().waitFor();
  assert.equal(await focused(), 'full-checker/button', 'focus stays on the finding');
  const mark = await s.page.locator('#full-checker mark.current').first().getAttribute('data-verdict');
  assert.equal(mark, 'mismatch', 'most severe first');
  const label = await s.page.locator('#full-checker textarea').evaluate((t) => t.labels[0]?.textContent);
  assert.equal(label, '粘贴决算公开说明或绩效自评表');
  assertClean(s);
  await s.page.close();
});

test('export from inside the shadow root downloads the findings', async () => {
  const s = await harnessOf().open(DEMO);
  const [csv] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('#full-checker #export-csv').click()]);
  assert.equal(csv.suggestedFilename(), 'juesuan-audit.csv');
  assertClean(s);
  await s.page.close();
});

// textarea-scroll.js lays its measuring copy out next to the textarea, in its own (shadow) tree, so the
// portal's `div { font-size: 40px !important }` cannot reach it and the paste box scrolls to the claim.
test('locating a finding scrolls the shadow paste box to the claim', async () => {
  const s = await harnessOf().open(DEMO);
  const items = s.page.locator('#full-checker #findings li');
  await items.nth((await items.count()) - 1).locator('.finding-head').click();
  await s.page.locator('#full-checker mark.current').first().waitFor();
  const view = await s.page.locator('#full-checker textarea').evaluate((t) => {
    const probe = document.createElement('div');
    const cs = getComputedStyle(t);
    for (const k of ['boxSizing', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth',
      'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily', 'fontSize', 'lineHeight', 'letterSpacing']) probe.style[k] = cs[k];
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', width: `${t.offsetWidth}px`, overflowY: 'scroll' });
    probe.textContent = t.value.slice(0, t.selectionStart);
    probe.append(document.createElement('span'));
    t.after(probe);
    const caret = probe.lastChild.offsetTop;
    probe.remove();
    return { caret, top: t.scrollTop, bottom: t.scrollTop + t.clientHeight };
  });
  assert.ok(view.caret >= view.top && view.caret <= view.bottom, `the claim is in view: ${JSON.stringify(view)}`);
  await s.page.close();
});

test('define(), a checker made by script, and juesuan-error when the core cannot load', async () => {
  const s = await harnessOf().open(DEMO);
  const made = await s.page.evaluate(async () => {
    const mod = await import('./juesuan-element.js');
    const again = mod.define();
    const other = mod.define('juesuan-checker-2');
    const c = document.createElement('juesuan-checker');
    c.setAttribute('layout', 'compact');
    c.value = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。';
    const report = new Promise((resolve) => c.addEventListener('juesuan-report', (e) => resolve(e.detail.report.summary.claims), { once: true }));
    document.body.append(c);
    return {
      same: again === customElements.get('juesuan-checker') && again === mod.JuesuanChecker,
      subclass: other.prototype instanceof mod.JuesuanChecker,
      summary: await report,
    };
  });
  assert.deepEqual(made, { same: true, subclass: true, summary: { total: 1, ok: 1, rounding: 0, mismatch: 0, notice: 0, notComputable: 0 } });
  assertClean(s);
  await s.page.close();

  // A page whose wasm cannot be fetched: each checker says so and tells the portal.
  const page = await (harnessOf().browser ?? s.page.context().browser()).newPage();
  await page.route('**/juesuan_bg.wasm', (route) => route.abort());
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('juesuan-error', (e) => window.__errors.push([e.target.id, e.detail.message]));
  });
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(new URL(DEMO, harnessOf().url).href);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 15000 });
  const heard = await page.evaluate(() => window.__errors);
  assert.deepEqual(heard.map(([id]) => id).sort(), ['compact-checker', 'full-checker']);
  assert.match(heard[0][1], /计算核心加载失败/);
  assert.equal(await page.locator('#full-checker').evaluate((c) => c.error), heard.find(([id]) => id === 'full-checker')[1]);
  assert.match(await page.locator('#last-event').textContent(), /计算核心加载失败/);
  assert.match(await page.locator('#full-checker #app-status').textContent(), /计算核心加载失败/);
  assert.equal(await page.locator('#full-checker #app-status').getAttribute('role'), 'alert');
  assert.deepEqual(errors, []);
  await page.close();
});

test('screenshot of the demo portal', async () => {
  const s = await harnessOf().open(DEMO);
  mkdirSync(shots, { recursive: true });
  await s.page.screenshot({ path: join(shots, 'embed.png'), fullPage: true });
  assertClean(s);
  await s.page.close();
});
