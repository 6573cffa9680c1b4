// The served page keeps working with the network off once it has been loaded: the service worker caches
// the build, and a reload under Chromium's offline emulation still computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillInput, settled, useHarness } from './harness.mjs';

const harnessOf = useHarness();

test('served page, then network off, reload: still works', async () => {
  const s = await harnessOf().open();
  await s.page.evaluate(() => navigator.serviceWorker.ready);
  await s.page.reload();
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  assert.ok(await s.page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled by the worker');
  await s.page.context().setOffline(true);
  await s.page.reload();
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 15000 });
  const form = s.page.locator('form[data-kind=variance]');
  await form.locator('[name=a]').fill('993.12');
  await form.locator('[name=b]').fill('1497.60');
  await form.locator('output.result', { hasText: /50\.80%/ }).waitFor();
  await fillInput(s.page, '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。');
  assert.match(await s.page.locator('#summary').textContent(), /✓ 一致 1 项（共 1 项）/);
  assert.deepEqual(s.errors, []);
  await s.page.close();
});

test('the paste box survives a reload (kept in this browser only)', async () => {
  const s = await harnessOf().open();
  await fillInput(s.page, '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。');
  await s.page.reload();
  await s.page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 30000 });
  assert.equal(await s.page.locator('#input').inputValue(), '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.00 万元。');
  await settled(s.page);
  assert.match(await s.page.locator('#summary').textContent(), /（共 1 项）/);
  await s.page.close();
});
