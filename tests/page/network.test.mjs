// The page makes no network request after it has loaded: every request is recorded through the Chrome
// DevTools Protocol (and Playwright's own request events, which include the service worker's), then the
// page is used as a person would — paste, calculators, presets, findings, exports — and nothing may leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillInput, repoRoot, settled, useHarness } from './harness.mjs';

const harnessOf = useHarness();

test('no network request after load, whatever the user does', async () => {
  const s = await harnessOf().open();
  // loading ends when the offline copy is in place (the worker caches the build once, on install)
  await s.page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  const cdp = await s.page.context().newCDPSession(s.page);
  await cdp.send('Network.enable');
  const sent = [];
  cdp.on('Network.requestWillBeSent', (e) => sent.push(e.request.url));
  s.page.context().on('request', (r) => sent.push(r.url()));

  const tsv = readFileSync(join(repoRoot, 'tests', 'fixtures', 'seed', 'tables', '02.tsv'), 'utf8');
  const input = s.page.locator('#input');
  await fillInput(s.page, '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。\n' + tsv);
  await input.press('End');
  await input.type('。');
  await settled(s.page);
  await s.page.locator('#findings li .finding-head').first().click();
  await s.page.locator('#findings li .explained').first().check();
  await s.page.locator('#group-ok .group-toggle').click();
  await s.page.locator('#preset').selectOption('deduct-per-point');
  await s.page.locator('#preset-k').fill('0.5');
  await settled(s.page);
  const form = s.page.locator('form[data-kind=variance]');
  await form.locator('[name=a]').fill('993.12');
  await form.locator('[name=b]').fill('1497.60');
  await form.locator('[name=stated]').fill('50.81');
  const csv = s.page.waitForEvent('download');
  await s.page.locator('#export-csv').click();
  await csv;
  const json = s.page.waitForEvent('download');
  await s.page.locator('#export-json').click();
  await json;
  await form.locator('output.result', { hasText: /50\.80%/ }).waitFor();
  await s.page.locator('#tables-result article').first().scrollIntoViewIfNeeded();
  await s.page.locator('#tables-result table').first().waitFor();

  const outside = sent.filter((u) => /^(https?|wss?):/.test(u));
  assert.deepEqual(outside, [], 'requests after load');
  assert.deepEqual(s.errors, []);
  // the recorder itself works: a request made on purpose is seen
  await s.page.evaluate(() => fetch('./index.html?probe').then((r) => r.status));
  assert.ok(sent.some((u) => u.includes('index.html?probe')), 'the recorder sees requests');
  await s.page.close();
});
