// Keyboard and screen reader first: axe-core finds no violation at 320 px, 1366 px and in the kiosk upright
// with the score tables on screen; skip links reach each section; the legend stays readable in forced
// colours; the results are announced once the typing pauses, not on every keystroke.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { axe, loadSeed, repoRoot, settled, useHarness } from './harness.mjs';

const harnessOf = useHarness();

const shots = join(repoRoot, 'target', 'screenshots');
const VIEWS = [
  { name: 'phone-320', query: '', viewport: { width: 320, height: 640 } },
  { name: 'desktop-1366', query: '', viewport: { width: 1366, height: 768 } },
  { name: 'kiosk-portrait', query: '?kiosk', viewport: { width: 1080, height: 1920 } },
];

for (const view of VIEWS) {
  test(`axe: no violation at ${view.name} with the seed, its score tables and the ✓ list open`, async () => {
    const s = await harnessOf().open(view.query, { viewport: view.viewport, bypassCSP: true });
    await loadSeed(s.page);
    await s.page.locator('#group-ok .group-toggle').click();
    await s.page.locator('#findings li[data-verdict=ok]').first().waitFor();
    await s.page.locator('#tables').scrollIntoViewIfNeeded();
    await s.page.locator('#tables-result table').first().waitFor();
    await s.page.locator('#marked-text mark').first().waitFor();
    const violations = await axe(s.page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    // the 结论 column is on screen for every row: nothing cut off by the viewport
    const cut = await s.page.locator('#tables-result .verdict-cell').evaluateAll((cells) => cells.filter((c) => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && (r.right > document.documentElement.clientWidth + 1 || r.left < -1);
    }).length);
    assert.equal(cut, 0, 'no 结论 cell beyond the screen');
    mkdirSync(shots, { recursive: true });
    await s.page.screenshot({ path: join(shots, `${view.name}.png`) });
    await s.page.locator('#tables-result article').first().screenshot({ path: join(shots, `${view.name}-table.png`) });
    await s.page.close();
  });
}

test('skip links reach every section; a finding list of 24 keeps the tables a few Tabs away', async () => {
  const s = await harnessOf().open();
  await loadSeed(s.page);
  const links = await s.page.locator('nav.skips a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links.map(([, href]) => href), ['#input', '#results', '#findings-panel', '#marked-panel', '#tables', '#calculators']);
  for (const [, href] of links) assert.equal(await s.page.locator(href).count(), 1, `${href} exists`);
  // from the top of the page (a reload: the seed comes back from this browser's storage): Tab to the 5th skip
  // link, Enter, Tab: the next stop is in the tables section
  await s.page.reload();
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  await s.page.locator('#tables-result article').first().waitFor();
  await s.page.keyboard.press('Tab');
  assert.equal(await s.page.evaluate(() => document.activeElement.getAttribute('href')), '#input');
  for (let i = 0; i < 4; i += 1) await s.page.keyboard.press('Tab');
  assert.equal(await s.page.evaluate(() => document.activeElement.getAttribute('href')), '#tables');
  await s.page.keyboard.press('Enter');
  await s.page.keyboard.press('Tab');
  assert.ok(await s.page.evaluate(() => document.querySelector('#tables').contains(document.activeElement)), 'focus moves into the tables');
  // without the skip links: the ✓ list is collapsed, so the tables are not 140 Tabs away
  await s.page.locator('#input').focus();
  let tabs = 0;
  while (tabs < 200 && !(await s.page.evaluate(() => document.querySelector('#tables').contains(document.activeElement)))) {
    await s.page.keyboard.press('Tab');
    tabs += 1;
  }
  assert.ok(tabs < 70, `${tabs} Tabs from the paste box to the tables`);
  await s.page.close();
});

test('forced colours: the legend and the verdicts stay readable', async () => {
  const s = await harnessOf().open('', { colorScheme: 'light' });
  await loadSeed(s.page);
  await s.page.emulateMedia({ forcedColors: 'active' });
  const legend = await s.page.locator('.legend-item').evaluateAll((items) => items.map((i) => {
    const cs = getComputedStyle(i);
    return { text: i.textContent, color: cs.color, background: cs.backgroundColor, visible: i.getBoundingClientRect().width > 0 };
  }));
  assert.equal(legend.length, 5);
  for (const item of legend) {
    assert.ok(item.visible, item.text);
    assert.notEqual(item.color, item.background, `${item.text}: text and background differ`);
  }
  mkdirSync(shots, { recursive: true });
  await s.page.locator('#results .toolbar').screenshot({ path: join(shots, 'forced-colors-legend.png') });
  await s.page.close();
});

test('the results are announced once the typing pauses, not on every keystroke', async () => {
  const s = await harnessOf().open();
  await s.page.locator('#input').fill('本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。');
  await settled(s.page);
  await s.page.waitForFunction(() => /审核结论/.test(document.querySelector('#announce').textContent), null, { timeout: 5000 });
  // record every text the live region is given while the person types five characters
  await s.page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => {
      const t = document.querySelector('#announce').textContent;
      if (t) window.__said.push(t);
    }).observe(document.querySelector('#announce'), { childList: true, characterData: true, subtree: true });
  });
  // correct 3.90 to 4.00, one key at a time
  await s.page.locator('#input').evaluate((t) => {
    t.focus();
    const at = t.value.indexOf('3.90');
    t.setSelectionRange(at, at + 4);
  });
  await s.page.keyboard.type('4.00', { delay: 120 });
  await settled(s.page);
  assert.deepEqual(await s.page.evaluate(() => window.__said), [], 'nothing is announced while typing');
  await s.page.waitForFunction(() => window.__said.length > 0, null, { timeout: 5000 });
  await s.page.waitForTimeout(1500);
  const said = await s.page.evaluate(() => window.__said);
  assert.equal(said.length, 1, `announced once: ${JSON.stringify(said)}`);
  assert.match(said[0], /^审核结论：✗ 错误 0 项.*✓ 一致 1 项/);
  // the headline itself is no live region: it does not speak on its own
  assert.equal(await s.page.locator('#summary').getAttribute('aria-live'), null);
  await s.page.close();
});
