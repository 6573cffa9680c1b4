// `npm run bench`: how long checking the seed disclosure takes natively (cargo bench), in wasm under Node
// and in wasm in headless Chromium (median and p95 of many runs). Prints a table; asserts nothing.
// Needs a built dist/ (npm run build).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const seed = readFileSync(join(root, 'tests', 'fixtures', 'seed', 'seed.txt'), 'utf8');
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Median and p95 of per-run times, timing `batch` runs per sample (browser clocks are coarse). */
function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.round((s.length - 1) * q)];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}

function timeIt(fn, { samples = 300, batch = 5 } = {}) {
  for (let i = 0; i < 50; i++) fn();
  const out = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    for (let j = 0; j < batch; j++) fn();
    out.push((performance.now() - t) / batch);
  }
  return summarize(out);
}

const rows = [];
const ms = (x) => `${x.toFixed(3)} ms`;

// 1. native
const native = execFileSync('cargo', ['bench', '--quiet', '--bench', 'check'], { cwd: root, encoding: 'utf8' });
for (const line of native.trim().split('\n')) console.log(line);

// 2. wasm in Node
const glue = await import(pathToFileURL(join(dist, 'juesuan.js')).href);
glue.initSync({ module: readFileSync(join(dist, 'juesuan_bg.wasm')) });
const claims = glue.check(seed).summary.claims;
const nodeCheck = timeIt(() => glue.check(seed));
rows.push(['wasm/Node', `check(seed) → ${claims} claims`, nodeCheck]);
const nodeScore = timeIt(() => glue.score(seed, 'proportional'));
rows.push(['wasm/Node', 'score(seed)', nodeScore]);

// 3. wasm in headless Chromium, on the served page
const server = await startServer({ root: dist, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROME_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  const browserRows = await page.evaluate(async (text) => {
    const m = await import('./juesuan.js');
    await m.default();
    const time = (fn, samples = 200, batch = 10) => {
      for (let i = 0; i < 50; i++) fn();
      const out = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        for (let j = 0; j < batch; j++) fn();
        out.push((performance.now() - t) / batch);
      }
      out.sort((a, b) => a - b);
      return { median: out[Math.round((out.length - 1) * 0.5)], p95: out[Math.round((out.length - 1) * 0.95)], n: out.length };
    };
    return [['check(seed)', time(() => m.check(text))], ['score(seed)', time(() => m.score(text, 'proportional'))]];
  }, seed);
  for (const [what, r] of browserRows) rows.push(['wasm/Chromium', what, r]);
} finally {
  await browser.close();
  await server.close();
}

console.log('\nwhere           what                              median        p95   samples');
for (const [where, what, r] of rows) {
  console.log(`${where.padEnd(15)} ${what.padEnd(30)} ${ms(r.median).padStart(10)} ${ms(r.p95).padStart(10)} ${String(r.n).padStart(9)}`);
}
