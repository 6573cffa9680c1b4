// `npm run bench`: speed and size, printed as a table (nothing here asserts: timings are not tests).
//   1. native: `cargo bench --bench check` (seed check, generated-corpus throughput, rates)
//   2. wasm under Node: seed check and score (median, p95), throughput on the generated corpus,
//      1,000,000 rate computations in wasm against the same with decimal.js in the same process
//   3. wasm in headless Chromium: seed check and score on the served page; page load to first result
//   4. gzip sizes of what is served
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
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.round((s.length - 1) * q)];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

/** Per-call times of `fn`: `batch` calls per sample (browser clocks are coarse), after a warm-up. */
function timeIt(fn, { samples = 300, batch = 5 } = {}) {
  for (let i = 0; i < 30; i++) fn();
  const out = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    for (let j = 0; j < batch; j++) fn();
    out.push((performance.now() - t) / batch);
  }
  return summarize(out);
}

const rows = [];
const row = (where, what, value, note = '') => rows.push([where, what, value, note]);
const ms = (r) => `${r.median.toFixed(3)} ms (p95 ${r.p95.toFixed(3)})`;

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
const claims = glue.check(seed).summary.claims;
row('wasm/Node', `check(seed) → ${claims} claims`, ms(timeIt(() => glue.check(seed))));
row('wasm/Node', 'score(seed) → 12 tables', ms(timeIt(() => glue.score(seed, 'proportional'))));
{
  const t = performance.now();
  const n = glue.check(corpus).summary.claims;
  const s = (performance.now() - t) / 1000;
  const mb = Buffer.byteLength(corpus) / 1e6;
  row('wasm/Node', `check(${mb.toFixed(1)} MB corpus) → ${n} claims`, `${(mb / s).toFixed(1)} MB/s`, `${s.toFixed(2)} s`);
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
  row('wasm/Node', '1,000,000 × rate("variance", a, b)', `${(w * 1e3).toFixed(0)} ms`, `${(N / w / 1e6).toFixed(2)} M/s; last ${wLast}`);
  row('decimal.js/Node', '1,000,000 × the same rate', `${(d * 1e3).toFixed(0)} ms`, `${(N / d / 1e6).toFixed(2)} M/s; last ${dLast}; wasm is ${(d / w).toFixed(2)}× decimal.js`);
}

// 3. wasm in headless Chromium
const server = await startServer({ root: dist, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROME_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  // the same timing code runs in the page (handed over as source: DevTools evaluation is not subject to the CSP)
  await page.evaluate(`globalThis.summarize = ${summarize}; globalThis.timeIt = ${timeIt};`);
  const results = await page.evaluate(async (text) => {
    const m = await import('./juesuan.js');
    await m.default();
    const options = { samples: 200, batch: 10 };
    return [['check(seed)', timeIt(() => m.check(text), options)], ['score(seed)', timeIt(() => m.score(text, 'proportional'), options)]];
  }, seed);
  for (const [what, r] of results) row('wasm/Chromium', what, ms(r));
  const loads = [];
  for (let i = 0; i < 15; i++) {
    const p = await browser.newPage(); // a fresh context each time: a first visit, nothing cached
    await p.goto(server.url);
    await p.waitForFunction(() => document.documentElement.dataset.ready === '1');
    loads.push(await p.evaluate(() => performance.getEntriesByName('juesuan-ready')[0]?.startTime ?? NaN));
    await p.context().close();
  }
  row('Chromium', 'page load to first result (seed checked and scored)', ms(summarize(loads)), 'first visit, localhost');
} finally {
  await browser.close();
  await server.close();
}

// 4. sizes
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const firstLoad = ['index.html', 'style.css', 'main.js', 'juesuan_bg.wasm', 'sw.js'];
row('size', 'served first load, gzip', `${(firstLoad.reduce((a, f) => a + gz(f), 0) / 1024).toFixed(1)} KB`, firstLoad.join(' + '));
row('size', 'juesuan_bg.wasm, gzip', `${(gz('juesuan_bg.wasm') / 1024).toFixed(1)} KB`);
row('size', 'juesuan-kiosk.html, gzip', `${(gz('juesuan-kiosk.html') / 1024).toFixed(1)} KB`);
row('size', 'juesuan-element.js (+ wasm), gzip', `${(gz('juesuan-element.js') / 1024).toFixed(1)} KB`);

console.log(`\nmachine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}`);
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log(['where'.padEnd(w[0]), 'what'.padEnd(w[1]), 'result'.padEnd(w[2]), 'note'].join(' | '));
for (const r of rows) console.log([r[0].padEnd(w[0]), r[1].padEnd(w[1]), r[2].padEnd(w[2]), r[3]].join(' | '));
