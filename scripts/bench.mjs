// `npm run bench`: speed and size, printed as a table against the goals (nothing here asserts: timings are
// not tests).
//   1. native: `cargo bench --bench check`
//   2. wasm under Node: review(seed) (median, p95), corpus throughput, 1,000,000 rates against decimal.js
//   3. the page in headless Chromium, as a person uses it: a keystroke and an IME commit with the seed in the
//      box (to the next frame, against the same in an empty box), Ctrl+V of the seed (to every verdict on
//      screen), a 1 MB paste (longest main-thread task, time to verdicts), load to first verdict, the 财政局
//      PDF opened to results
//   4. gzip sizes: the first load and what is fetched on demand
// Needs a built dist/ (npm run bench builds it first) and bench/node_modules (installed here if missing).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const seed = readFileSync(join(root, 'tests', 'fixtures', 'seed', 'seed.txt'), 'utf8');
const narrative = seed.split('部门（单位）整体支出绩效目标自评表')[0];
const corpus = Array(400).fill(narrative).join('\n'); // ~6.7 MB of disclosure text
const megabyte = Array(21).fill(seed).join('\n'); // 1.03 MB: the 1 MB paste
const pdfFile = join(root, 'tests', 'fixtures', 'pdf', 'putuo-czj-2024.pdf');
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const only = process.argv.includes('--page-only'); // skip the native and Node parts

function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.round((s.length - 1) * q)];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

/** Per-call times of `fn`: `batch` calls per sample, after a warm-up. */
function timeIt(fn, { samples = 100, batch = 1 } = {}) {
  for (let i = 0; i < 10; i++) fn();
  const out = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    for (let j = 0; j < batch; j++) fn();
    out.push((performance.now() - t) / batch);
  }
  return summarize(out);
}

const rows = [];
const row = (where, what, value, goal = '', note = '') => rows.push([where, what, value, goal, note]);
const ms = (r) => `${r.median.toFixed(1)} ms (p95 ${r.p95.toFixed(1)})`;

if (!only) {
  // 1. native
  console.log('$ cargo bench --bench check');
  const native = execFileSync('cargo', ['bench', '--quiet', '--bench', 'check'], { cwd: root, encoding: 'utf8' });
  for (const line of native.trim().split('\n')) {
    console.log(line);
    const [what, value] = line.replace(/^native\s+/, '').split(/:\s+(?=\S)/);
    if (value) row('native', what.trim(), value.trim());
  }

  // 2. wasm under Node
  const glue = await import(pathToFileURL(join(dist, 'juesuan.js')).href);
  glue.initSync({ module: readFileSync(join(dist, 'juesuan_bg.wasm')) });
  const claims = glue.review(seed, 'proportional').claims.length;
  row('wasm/Node', `review(seed) → ${claims} claims, 12 tables`, ms(timeIt(() => glue.review(seed, 'proportional'))));
  {
    const t = performance.now();
    const n = glue.review(corpus, 'proportional').claims.length;
    const s = (performance.now() - t) / 1000;
    const mb = Buffer.byteLength(corpus) / 1e6;
    row('wasm/Node', `review(${mb.toFixed(1)} MB corpus) → ${n} claims`, `${(mb / s).toFixed(1)} MB/s`, '', `${s.toFixed(2)} s`);
  }
  {
    const pairs = Array.from({ length: 1000 }, (_, i) => [`${900 + i}.${String(i % 100).padStart(2, '0')}`, `${1400 + 3 * i}.${String((7 * i) % 100).padStart(2, '0')}`]);
    const N = 1_000_000;
    const run = (f) => {
      const t = performance.now();
      let last;
      for (let i = 0; i < N; i++) {
        const [a, b] = pairs[i % pairs.length];
        last = f(a, b);
      }
      return [(performance.now() - t) / 1000, last];
    };
    const [w, wLast] = run((a, b) => glue.rate('variance', a, b));
    const benchModules = join(root, 'bench', 'node_modules');
    if (!existsSync(join(benchModules, 'decimal.js'))) execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: join(root, 'bench'), stdio: 'inherit' });
    const { default: Decimal } = await import(pathToFileURL(join(benchModules, 'decimal.js', 'decimal.mjs')).href);
    const hundred = new Decimal(100);
    const [d, dLast] = run((a, b) => { const x = new Decimal(a); return new Decimal(b).minus(x).div(x).times(hundred).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2); });
    row('wasm/Node', '1,000,000 × rate("variance", a, b)', `${(w * 1e3).toFixed(0)} ms`, '', `${(N / w / 1e6).toFixed(2)} M/s; last ${wLast}`);
    row('decimal.js/Node', '1,000,000 × the same rate', `${(d * 1e3).toFixed(0)} ms`, '', `${(N / d / 1e6).toFixed(2)} M/s; last ${dLast}; wasm is ${(d / w).toFixed(2)}× decimal.js`);
  }
}

// 3. the page in headless Chromium
const server = await startServer({ root: dist, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROME_ARGS });

/** In the page: from an event's time to the first task after the next frame (the frame the person sees). */
const FRAME_PROBE = `
  window.__frames = [];
  window.__nextFrame = (t0) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => window.__frames.push(performance.now() - t0);
    ch.port2.postMessage(0);
  });
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
`;

const bareServer = await startServer({ root: join(root, 'bench', 'bare'), port: 0 });

async function openPage(text, { permissions = [], bare = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, permissions });
  if (text !== null && !bare) await context.addInitScript((t) => localStorage.setItem('juesuan.input', t), text);
  const page = await context.newPage();
  if (bare) {
    await page.goto(bareServer.url);
    await page.locator('#input').evaluate((t, v) => { t.value = v; }, text ?? '');
  } else {
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    await page.waitForFunction(() => document.documentElement.dataset.shown === document.documentElement.dataset.reviews);
  }
  await page.evaluate(FRAME_PROBE);
  return page;
}

const settled = (page, timeout = 60000) => page.waitForFunction(() => {
  const d = document.documentElement.dataset;
  return d.reviews === undefined || d.shown === d.reviews;
}, null, { timeout });

/**
 * `n` edits at the end of the box, each timed from its `event` (keydown, compositionend) to its next frame;
 * `edit(i)` makes edit i.
 */
async function framesAfter(page, event, n, edit) {
  await page.evaluate((type) => {
    const t = document.querySelector('#input');
    t.addEventListener(type, (e) => window.__nextFrame(e.timeStamp));
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  }, event);
  for (let i = 0; i < n; i++) {
    await edit(i);
    await settled(page);
    await page.waitForTimeout(30);
  }
  const out = await page.evaluate(() => window.__frames);
  await page.evaluate(() => { window.__frames = []; });
  return summarize(out.slice(2));
}

/** Keystrokes at the end of the box. */
const keystrokes = (page, n = 30) => framesAfter(page, 'keydown', n, (i) => page.keyboard.press(i % 2 ? 'Backspace' : 'x'));

/** IME commits of a two-character word. */
async function imeCommits(page, n = 20) {
  const cdp = await page.context().newCDPSession(page);
  return framesAfter(page, 'compositionend', n, async () => {
    await cdp.send('Input.imeSetComposition', { text: 'juesuan', selectionStart: 7, selectionEnd: 7 });
    await cdp.send('Input.insertText', { text: '决算' });
  });
}

/** Ctrl+V of `text` into an empty box: to the verdicts on screen (headline, first findings, top of the text). */
async function pasteToVerdicts(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.evaluate(() => {
    window.__longest = 0;
    const input = document.querySelector('#input');
    // capturing on the document: before the page's own paste handling counts the review
    document.addEventListener('paste', (e) => {
      const t0 = e.timeStamp;
      const seqBefore = Number(document.documentElement.dataset.reviews ?? 0);
      const poll = () => {
        const d = document.documentElement.dataset;
        // on screen: the headline, the first findings and the top of the marked text of the new result
        const done = Number(d.reviews) > seqBefore && d.visible === d.reviews;
        if (done) window.__verdicts = performance.now() - t0;
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, { once: true, capture: true });
    input.focus();
  });
  await page.evaluate(() => { window.__verdicts = null; });
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => window.__verdicts !== null, null, { timeout: 60000 });
  await page.waitForTimeout(300); // long tasks are reported a little later
  return page.evaluate(() => ({ verdicts: window.__verdicts, longest: window.__longest }));
}

try {
  // keystroke and IME commit: seed in the box, then an empty box
  const withSeed = await openPage(seed);
  const keySeed = await keystrokes(withSeed);
  const imeSeed = await imeCommits(withSeed);
  await withSeed.context().close();
  const empty = await openPage('');
  const keyEmpty = await keystrokes(empty);
  const imeEmpty = await imeCommits(empty);
  await empty.context().close();
  row('Chromium', 'keystroke → next frame, seed in the box', ms(keySeed), '≤ empty + 16 ms', `empty box ${ms(keyEmpty)}; +${(keySeed.median - keyEmpty.median).toFixed(1)} ms`);
  row('Chromium', 'IME commit (2 characters) → next frame, seed', ms(imeSeed), '≤ empty + 16 ms', `empty box ${ms(imeEmpty)}; +${(imeSeed.median - imeEmpty.median).toFixed(1)} ms`);
  // the same in a bare textarea with no page around it: the browser's own floor
  const bare = await openPage(seed, { bare: true });
  const keyBare = await keystrokes(bare);
  const imeBare = await imeCommits(bare);
  await bare.context().close();
  row('reference', 'bare textarea with the seed: keystroke / IME commit → next frame', `${keyBare.median.toFixed(1)} / ${imeBare.median.toFixed(1)} ms`, '', 'no page, no script: the browser\'s own cost of a 3,100-line text box');

  // Ctrl+V into an empty box, the page open for two seconds (as a person opens it, then copies): the seed,
  // then 1 MB
  const pasteRuns = async (text, runs) => {
    const times = [];
    let longest = 0;
    for (let i = 0; i < runs; i++) {
      const page = await openPage('', { permissions: ['clipboard-read', 'clipboard-write'] });
      await page.waitForTimeout(2000);
      const r = await pasteToVerdicts(page, text);
      times.push(r.verdicts);
      longest = Math.max(longest, r.longest);
      await page.context().close();
    }
    return { times: summarize(times), longest };
  };
  const small = await pasteRuns(seed, 7);
  row('Chromium', 'Ctrl+V of the seed → every verdict on screen', ms(small.times), '≤ 150 ms', `page open 2 s before; longest main-thread task ${small.longest.toFixed(0)} ms`);
  const big = await pasteRuns(megabyte, 3);
  const longest = big.longest;
  row('Chromium', `Ctrl+V of ${(Buffer.byteLength(megabyte) / 1e6).toFixed(2)} MB → verdicts`, ms(big.times), '≤ 2 s', '');
  row('Chromium', '1 MB paste: longest main-thread task', `${longest.toFixed(0)} ms`, '≤ 50 ms', 'PerformanceObserver longtask (none reported = under 50 ms)');

  // load → first verdict, seed in the box (restored), a first visit each time
  const loads = [];
  for (let i = 0; i < 15; i++) {
    const page = await openPage(seed);
    loads.push(await page.evaluate(() => performance.getEntriesByName('juesuan-first-verdict')[0]?.startTime ?? NaN));
    await page.context().close();
  }
  row('Chromium', 'load → first verdict (seed in the box, first visit)', ms(summarize(loads)), '≤ 150 ms', 'localhost; to the headline of the first result shown');

  // the 财政局 PDF: open → results (PDF.js from the server on the first open)
  const opens = [];
  for (let i = 0; i < 5; i++) {
    const page = await openPage('');
    await page.evaluate(() => {
      document.querySelector('#file-input').addEventListener('change', (e) => { window.__opened = e.timeStamp; }, { once: true });
    });
    await page.locator('#file-input').setInputFiles(pdfFile);
    await page.waitForFunction(() => /已打开|无法/.test(document.querySelector('#file-status').textContent), null, { timeout: 60000 });
    await settled(page);
    opens.push(await page.evaluate(() => performance.now() - window.__opened));
    await page.context().close();
  }
  row('Chromium', 'open the 财政局 PDF (25 pages) → results', ms(summarize(opens)), '', 'PDF.js, worker and CMaps fetched from localhost on each first open');
  // the bare textarea's own cost of the same pastes (its first one: fonts and layout of the new text)
  for (const [name, text] of [['seed', seed], ['1 MB', megabyte]]) {
    const page = await openPage('', { bare: true, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.evaluate(() => { window.__longest = 0; document.querySelector('#input').focus(); });
    await page.keyboard.press('Control+V');
    await page.waitForFunction((n) => document.querySelector('#input').value.length === n, text.length, { timeout: 60000 });
    await page.waitForTimeout(500);
    row('reference', `bare textarea, Ctrl+V of the ${name}: longest main-thread task`, `${(await page.evaluate(() => window.__longest)).toFixed(0)} ms`, '', 'the page keeps a text over 200,000 characters out of the box for this reason');
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
  await bareServer.close();
}

// 4. sizes
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const firstLoad = ['index.html', 'style.css', 'main.js', 'juesuan-worker.js', 'juesuan_bg.wasm', 'sw.js'];
const firstTotal = firstLoad.reduce((a, f) => a + gz(f), 0);
row('size', 'first load, gzip', kb(firstTotal), '≤ 120 KB', firstLoad.join(' + '));
row('size', 'first load without the wasm, gzip', kb(firstTotal - gz('juesuan_bg.wasm')), '', 'the page\'s own share');
row('size', 'juesuan_bg.wasm, gzip', kb(gz('juesuan_bg.wasm')));
row('size', 'on demand: example.js, gzip', kb(gz('example.js')), '', 'when an example is asked for');
row('size', 'on the first PDF: pdf-reader.js + pdf.min.mjs + pdf.worker.min.mjs, gzip', kb(gz('pdf-reader.js') + gz('pdfjs/pdf.min.mjs') + gz('pdfjs/pdf.worker.min.mjs')), '', '+ the CMaps the PDF needs');
row('size', 'juesuan-kiosk.html, gzip', kb(gz('juesuan-kiosk.html')), '', 'one file, no PDF.js');
row('size', 'juesuan-checker.js (the element, + worker + wasm), gzip', kb(gz('juesuan-checker.js')));

console.log(`\nmachine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}`);
const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(['where'.padEnd(w[0]), 'what'.padEnd(w[1]), 'result'.padEnd(w[2]), 'goal'.padEnd(w[3]), 'note'].join(' | '));
for (const r of rows) console.log([r[0].padEnd(w[0]), r[1].padEnd(w[1]), r[2].padEnd(w[2]), r[3].padEnd(w[3]), r[4]].join(' | '));
