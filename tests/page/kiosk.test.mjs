// The one-file kiosk page (dist/juesuan-kiosk.html), opened from file:// in a Chromium whose network is
// blocked: it checks the seed with the same headline as the served page, loads nothing from anywhere, keeps
// nothing (no storage, no export, no print), its idle reset clears the input and the 已说明 notes (here after
// 3 seconds: ?idle=0.05 minutes), and its 清空重来 bar never covers the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { instrument, launchChromium, loadSeed, repoRoot, settled, startHarness } from './harness.mjs';

const kioskFile = pathToFileURL(join(process.env.JUESUAN_DIST ?? join(repoRoot, 'dist'), 'juesuan-kiosk.html')).href;
// No network at all: every host resolves to nothing and any connection goes to a dead proxy.
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];
const SMALL = '本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 3.90 万元。';
const shots = join(repoRoot, 'target', 'screenshots');

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

async function openKiosk(query = '', viewport = { width: 1280, height: 900 }) {
  const page = await offline.newPage({ viewport });
  const watched = instrument(page);
  await page.goto(kioskFile + query);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 15000 });
  return { page, ...watched };
}

const summaryOf = (page) => page.locator('#summary').textContent();

/** Everything the page keeps in this browser: localStorage, sessionStorage, IndexedDB names, caches. */
const stored = (page) => page.evaluate(async () => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  idb: (await indexedDB.databases?.())?.map((d) => d.name) ?? [],
  caches: typeof caches === 'undefined' ? [] : await caches.keys().catch(() => []),
}));

test('the kiosk file works from file:// with the network blocked, with the served page’s headline', async () => {
  const k = await openKiosk();
  const served = await harness.open();
  await loadSeed(k.page);
  await loadSeed(served.page);
  const kioskSummary = await summaryOf(k.page);
  assert.match(kioskSummary, /审核结论：✗ 错误 18 项/);
  assert.equal(kioskSummary, await summaryOf(served.page));
  assert.equal(await k.page.locator('#findings li').count(), await served.page.locator('#findings li').count());
  assert.deepEqual(k.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(k.errors, []);
  assert.ok(await k.page.evaluate(() => document.documentElement.classList.contains('kiosk')), 'kiosk mode is baked in');
  await k.page.locator('.kiosk-clear').waitFor();
  // the core runs in a worker started from a blob (a file:// page cannot start one from a URL)
  assert.ok(k.page.workers().some((w) => w.url().startsWith('blob:')), 'a blob worker runs the core');
  await k.page.close();
  await served.page.close();
});

test('the kiosk keeps nothing: no storage, no export or print, no PDF; idle reset clears input and notes', async () => {
  const k = await openKiosk('?idle=0.05');
  assert.equal(await k.page.locator('#export-csv, #export-json, #print-results, #print-report').count(), 0, 'no files to leave behind');
  await k.page.locator('#input').fill(SMALL);
  await settled(k.page);
  assert.match(await summaryOf(k.page), /（共 1 项）/);
  // a 已说明 note, in memory only
  await k.page.locator('#findings li .explained').check();
  await k.page.locator('#findings li .note-text').fill('已核实');
  assert.deepEqual(await stored(k.page), { local: [], session: [], idb: [], caches: [] }, 'the kiosk writes nothing to storage');

  // a PDF is refused with a message; a text file opens
  await k.page.locator('#file-input').setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
  await k.page.waitForFunction(() => /不能打开 PDF/.test(document.querySelector('#file-status').textContent));
  assert.equal(await k.page.locator('#input').inputValue(), SMALL, 'nothing lost');

  await k.page.waitForFunction(() => Number(document.documentElement.dataset.resets ?? 0) >= 1, null, { timeout: 15000 });
  await settled(k.page);
  assert.equal(await k.page.locator('#input').inputValue(), '');
  assert.equal(await k.page.locator('#findings li').count(), 0);
  assert.equal(await k.page.locator('#file-status').textContent(), '');
  // the same finding again: its note is gone with the last visitor
  await k.page.locator('#input').fill(SMALL);
  await settled(k.page);
  assert.equal(await k.page.locator('#findings li .explained').isChecked(), false, 'notes cleared by the idle reset');
  // nothing of the last visitor is kept for a reload either
  await k.page.reload();
  await k.page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  assert.equal(await k.page.locator('#input').inputValue(), '');
  assert.deepEqual(await stored(k.page), { local: [], session: [], idb: [], caches: [] });
  assert.deepEqual(k.errors, []);
  await k.page.close();
});

test('清空重来 has its own row: it never covers the page, upright or wide; it clears at once', async () => {
  for (const viewport of [{ width: 1080, height: 1920 }, { width: 1280, height: 900 }, { width: 768, height: 1024 }]) {
    const k = await openKiosk('', viewport);
    await loadSeed(k.page);
    const covers = () => k.page.evaluate(() => {
      const bar = document.querySelector('.kiosk-bar').getBoundingClientRect();
      const page = document.querySelector('#page').getBoundingClientRect();
      // the page's scroll box ends where the bar begins; nothing of the page is drawn under it
      const under = document.elementsFromPoint(bar.left + 10, bar.top + 5).filter((e) => document.querySelector('#page').contains(e));
      return { overlap: page.bottom > bar.top + 0.5, under: under.length };
    });
    for (const y of [0, 2000, 100000]) {
      await k.page.evaluate((top) => document.querySelector('#page').scrollTo(0, top), y);
      assert.deepEqual(await covers(), { overlap: false, under: 0 }, `${viewport.width}×${viewport.height} scrolled to ${y}`);
    }
    if (viewport.width === 1080) {
      mkdirSync(shots, { recursive: true });
      await k.page.evaluate(() => document.querySelector('#tables').scrollIntoView());
      await k.page.screenshot({ path: join(shots, 'kiosk-portrait.png') });
    }
    await k.page.locator('.kiosk-clear').click();
    assert.equal(await k.page.locator('#input').inputValue(), '');
    await k.page.close();
  }
});

test('a UTF-16 text file opens on the kiosk too', async () => {
  const k = await openKiosk();
  const dir = join(repoRoot, 'target', 'kiosk-files');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'small-utf16.txt');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL, 'utf16le')]));
  await k.page.locator('#file-input').setInputFiles(file);
  await k.page.waitForFunction((t) => document.querySelector('#input').value === t, SMALL);
  await settled(k.page);
  assert.match(await summaryOf(k.page), /✗ 错误 1 项/);
  await k.page.close();
});
