// The npm package: `npm pack` of dist/npm, installed from the tarball into a fresh Vite project (offline:
// the tarball has no dependencies and Vite comes from this repository's own node_modules), built, served,
// and the built page computes 50.80% with the package's API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { instrument, launchChromium, repoRoot } from './harness.mjs';

const dist = process.env.JUESUAN_DIST ?? join(repoRoot, 'dist');
const work = join(repoRoot, 'target', 'npm-consumer');

test('npm pack → install the tarball into a fresh Vite project → build → the page computes 50.80%', async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'app'), { recursive: true });
  const packed = JSON.parse(execFileSync('npm', ['pack', join(dist, 'npm'), '--json', '--pack-destination', work], { encoding: 'utf8' }));
  const tarball = join(work, packed[0].filename);
  const files = packed[0].files.map((f) => f.path).sort();
  for (const f of ['index.js', 'index.d.ts', 'juesuan.js', 'juesuan.d.ts', 'juesuan_bg.wasm', 'juesuan-element.js', 'package.json']) {
    assert.ok(files.includes(f), `${f} is in the tarball (${files.join(', ')})`);
  }

  const app = join(work, 'app');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { juesuan: `file:${tarball}` } }, null, 2));
  writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><link rel="icon" href="data:,"><title>消费者</title><p id="out">…</p><script type="module" src="/main.js"></script></html>\n');
  const tsv = readFileSync(join(repoRoot, 'tests', 'fixtures', 'seed', 'tables', '10.tsv'), 'utf8');
  writeFileSync(join(app, 'main.js'), `import init, { calc, review } from 'juesuan';
await init();
const r = calc('variance', '993.12', '1497.60', '50.80');
const c = review('本年支出 10.00 万元，其中：基本支出 6.00 万元，项目支出 4.01 万元。');
const s = review(${JSON.stringify(tsv)}, { preset: { name: '地方规则', execution: { rule: 'deduct-per-point', k: 0.25 } } });
document.querySelector('#out').textContent =
  [r.value + '%', r.check.verdict, c.claims[0].verdict, s.preset.name, s.tables[0].execution.score].join(' ');
`);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, stdio: 'pipe' });
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'pipe' });

  const server = await startServer({ root: join(app, 'dist'), port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const { errors } = instrument(page);
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('#out')?.textContent !== '…', null, { timeout: 15000 });
    assert.equal(await page.locator('#out').textContent(), '50.80% ok rounding 地方规则 1.59');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
