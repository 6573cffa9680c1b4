// The quick calculators, driven as a person would: type, read what is shown, press Tab.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSeed, repoRoot, useHarness } from './harness.mjs';

const harnessOf = useHarness();

/** Fill the named inputs of one calculator; returns its locator. */
async function fill(page, kind, values) {
  const form = page.locator(`form[data-kind=${kind}]`);
  for (const [name, value] of Object.entries(values)) {
    await form.locator(`[name=${name}]`).fill(value);
  }
  return form;
}

const text = (locator) => locator.textContent();

/** The calculators ask the core in its worker: wait until `locator` reads `pattern`, then return its text. */
async function reads(locator, pattern) {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout: 10000 });
  return text(locator.first());
}

/** Wait until a form's verdict (data-verdict) matches `pattern`. */
async function verdictOf(form, pattern) {
  await form.page().waitForFunction(([kind, source]) => {
    const v = document.querySelector(`form[data-kind=${kind}] .verdict`);
    return v && new RegExp(source).test(v.dataset.verdict);
  }, [await form.getAttribute('data-kind'), pattern.source]);
  return form.locator('.verdict');
}
/** No console errors, and every request went to the local server. */
function assertClean({ errors, requests }) {
  assert.deepEqual(errors, [], 'console errors');
  const foreign = requests.filter((u) => new URL(u).hostname !== '127.0.0.1');
  assert.deepEqual(foreign, [], 'requests to other hosts');
}

test('the seed example is loaded into the paste box on request; 清空 empties it', async () => {
  const s = await harnessOf().open();
  assert.equal(await s.page.locator('#input').inputValue(), '', 'a first visit starts empty');
  await loadSeed(s.page);
  const value = await s.page.locator('#input').inputValue();
  assert.match(value, /部门决算/);
  assert.match(await text(s.page.locator('#summary')), /审核结论：✗ 错误 \d+ 项/);
  assert.match(await text(s.page.locator('#version')), /\d+\.\d+\.\d+/);

  await s.page.click('#clear-input');
  assert.equal(await s.page.locator('#input').inputValue(), '');
  await s.page.locator('#guide').waitFor();
  assert.equal(await s.page.locator('#findings li').count(), 0, 'clearing the text clears the findings');
  await s.page.click('#load-example');
  await s.page.waitForFunction(() => /部门决算/.test(document.querySelector('#input').value));
  assertClean(s);
  await s.page.close();
});

test('empty inputs show a hint, not an error', async () => {
  const s = await harnessOf().open();
  const form = s.page.locator('form[data-kind=variance]');
  assert.match(await reads(form.locator('output.result'), /请输入两个数/), /请输入两个数/);
  assert.equal(await text(form.locator('[role=alert]')), '');
  assertClean(s);
  await s.page.close();
});

test('variance rate 993.12 → 1497.60 is 50.80%, stated values get verdicts', async () => {
  const s = await harnessOf().open();
  const form = await fill(s.page, 'variance', { a: '993.12', b: '1497.60' });
  const result = await reads(form.locator('output.result'), /50\.80%/);
  assert.match(result, /993\.12/, 'formula with the numbers');
  assert.equal(await form.locator('.verdict').count(), 0, 'no verdict without a stated value');

  await fill(s.page, 'variance', { stated: '50.80' });
  const verdict = await verdictOf(form, /^ok$/);
  assert.match(await text(verdict), /✓ 一致/);

  // Whether a 0.01 difference is 尾差 is the core's rule; the page just shows one of the four verdicts.
  await fill(s.page, 'variance', { stated: '50.81' });
  await s.page.waitForFunction(() => document.querySelector('form[data-kind=variance] .verdict-message')?.textContent.includes('50.81'));
  assert.match(await verdict.getAttribute('data-verdict'), /^(ok|rounding|mismatch|not_computable)$/);
  assert.match(await text(verdict), /^(✓ 一致|≈ 尾差|✗ 不一致|— 无法计算)$/);

  await fill(s.page, 'variance', { stated: '60.00' });
  await verdictOf(form, /^mismatch$/);
  assert.match(await text(verdict), /✗ 不一致/);
  assert.notEqual((await text(form.locator('.verdict-message'))).trim(), '', 'a reason is shown');

  await fill(s.page, 'variance', { stated: '' });
  await s.page.waitForFunction(() => document.querySelector('form[data-kind=variance] .verdict') === null);
  assert.equal(await form.locator('.verdict').count(), 0, 'verdict gone when stated value is cleared');
  assertClean(s);
  await s.page.close();
});

test('growth from 0.00 to 0.01 is 新增, not a percentage', async () => {
  const s = await harnessOf().open();
  const form = await fill(s.page, 'growth', { a: '0.01', b: '0.00' });
  const value = await reads(form.locator('output.result .value'), /新增/);
  assert.match(value, /新增/);
  assert.doesNotMatch(value, /\d%/);
  assert.equal(await text(form.locator('[role=alert]')), '');
  assertClean(s);
  await s.page.close();
});

test('execution rate and score under both presets', async () => {
  const s = await harnessOf().open();
  const form = await fill(s.page, 'execution', { a: '239.00', b: '226.54' });
  const output = form.locator('output.result');
  await reads(output, /94\.79%/);
  await reads(form.locator('.score'), /得分 9\.48（分值 10，规则：按比例/);
  assert.ok(await form.locator('[name=k]').isHidden(), 'k is hidden for the proportional rule');

  await form.locator('[name=preset]').selectOption('deduct-per-point');
  assert.ok(await form.locator('[name=k]').isVisible(), 'k is shown for deduct-per-point');
  await reads(form.locator('.score'), /得分 8\.70（分值 10，规则：每低1个百分点扣0\.25分/);
  assert.match(await text(form), /推断自实际表格/);
  assertClean(s);
  await s.page.close();
});

test('a malformed figure shows the core message and marks the input', async () => {
  const s = await harnessOf().open();
  const form = await fill(s.page, 'variance', { a: '12a.3', b: '100' });
  const alert = form.locator('[role=alert]');
  await reads(alert, /无法识别/);
  assert.equal(await form.locator('[name=a]').getAttribute('aria-invalid'), 'true');

  await fill(s.page, 'variance', { a: '12.3' });
  await reads(form.locator('output.result'), /%/);
  assert.equal(await text(alert), '');
  assert.equal(await form.locator('[name=a]').getAttribute('aria-invalid'), null);
  assertClean(s);
  await s.page.close();
});

test('keyboard: Tab moves to the next input; Enter does not reload', async () => {
  const s = await harnessOf().open();
  await s.page.evaluate(() => {
    window.__stay = 1;
  });
  await s.page.locator('form[data-kind=variance] [name=a]').focus();
  await s.page.keyboard.type('993.12');
  await s.page.keyboard.press('Tab');
  const active = await s.page.evaluate(() => ({
    name: document.activeElement.name,
    kind: document.activeElement.form?.dataset.kind,
  }));
  assert.deepEqual(active, { name: 'b', kind: 'variance' });
  await s.page.keyboard.type('1497.60');
  await s.page.keyboard.press('Enter');
  assert.equal(await s.page.evaluate(() => window.__stay), 1, 'page was not reloaded');
  await reads(s.page.locator('form[data-kind=variance] output.result'), /50\.80%/);
  assertClean(s);
  await s.page.close();
});

test('screenshot of the filled-in calculators', async () => {
  const s = await harnessOf().open();
  await fill(s.page, 'variance', { a: '993.12', b: '1497.60', stated: '50.80' });
  await fill(s.page, 'completion', { a: '993.12', b: '1497.60', stated: '150.79' });
  await fill(s.page, 'growth', { a: '0.01', b: '0.00' });
  await fill(s.page, 'share', { a: '12a.3', b: '100' });
  await fill(s.page, 'execution', { a: '239.00', b: '226.54', stated: '60.00' });
  await s.page.locator('form[data-kind=execution] [name=preset]').selectOption('deduct-per-point');
  await reads(s.page.locator('form[data-kind=execution] .score'), /8\.70/);
  const dir = join(repoRoot, 'target', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await s.page.screenshot({ path: join(dir, 'calculators.png'), fullPage: true });
  assertClean(s);
  await s.page.close();
});
