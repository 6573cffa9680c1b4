// The one-file kiosk page (dist/juesuan-kiosk.html), opened from file:// in a Chromium whose network is
// blocked: it checks the seed with the same verdict counts as the served page, loads nothing from anywhere,
// and its idle reset clears the input (here after 3 seconds: ?idle=0.05 minutes).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrument, launchChromium, repoRoot, startHarness } from './harness.mjs';

const kioskFile = pathToFileURL(join(process.env.JUESUAN_DIST ?? join(repoRoot, 'dist'), 'juesuan-kiosk.html')).href;
// No network at all: every host resolves to nothing and any connection goes to a dead proxy.
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

let harness;
let offline;
before(async () => {
  harness = await startHarness();
  offline = await launchChromium(OFFLINE_ARGS);
});
after(async () => {
  await offline?.close();
  await harness?.close();
});

async function openKiosk(query = '') {
  const page = await offline.newPage({ viewport: { width: 1280, height: 900 } });
  const watched = instrument(page);
  await page.goto(kioskFile + query);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 15000 });
  return { page, ...watched };
}

const summaryOf = (page) => page.locator('#summary').textContent();

test('the kiosk file works from file:// with the network blocked, with the served page’s verdict counts', async () => {
  const k = await openKiosk();
  const served = await harness.open();
  const kioskSummary = await summaryOf(k.page);
  assert.match(kioskSummary, /共 \d+ 处数字声明/);
  assert.equal(kioskSummary, await summaryOf(served.page));
  assert.equal(await k.page.locator('#findings li').count(), await served.page.locator('#findings li').count());
  assert.deepEqual(k.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  assert.deepEqual(k.errors, []);
  assert.ok(await k.page.evaluate(() => document.documentElement.classList.contains('kiosk')), 'kiosk mode is baked in');
  await k.page.locator('.kiosk-clear').waitFor();
  await k.page.close();
  await served.page.close();
});

test('kiosk idle reset clears the input and returns to the start', async () => {
  const k = await openKiosk('?idle=0.05');
  await k.page.locator('#input').fill('本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。');
  assert.match(await summaryOf(k.page), /共 1 处/);
  await k.page.waitForFunction(() => Number(document.documentElement.dataset.resets ?? 0) >= 1, null, { timeout: 15000 });
  assert.equal(await k.page.locator('#input').inputValue(), '');
  assert.equal(await k.page.locator('#findings li').count(), 0);
  // nothing of the last visitor is kept for a reload either
  await k.page.reload();
  await k.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  assert.notEqual(await k.page.locator('#input').inputValue(), '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。');
  assert.deepEqual(k.errors, []);
  await k.page.close();
});

test('the on-screen 清空重来 button clears at once', async () => {
  const k = await openKiosk();
  await k.page.locator('.kiosk-clear').click();
  assert.equal(await k.page.locator('#input').inputValue(), '');
  await k.page.close();
});
