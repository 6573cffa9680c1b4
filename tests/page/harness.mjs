// Shared set-up for page tests: serve dist/ (or $JUESUAN_DIST) and drive headless Chromium.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Records a page's console errors, uncaught exceptions and every request it makes. */
export function instrument(page) {
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  return { errors, requests };
}

/** Headless Debian Chromium with the quiet flags (and any extra ones). */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROME_ARGS, ...extraArgs] });
}

export async function startHarness() {
  const server = await startServer({ root: process.env.JUESUAN_DIST ?? join(repoRoot, 'dist'), port: 0 });
  const browser = await launchChromium();

  /**
   * Open the page (optionally with a query such as "?preset=bands"), wait for the core's first result;
   * record console errors and every request. Downloads are accepted. `viewport`, `bypassCSP` (to inject
   * axe) and `context` options as Playwright's.
   */
  async function open(query = '', { viewport = { width: 1280, height: 900 }, ...options } = {}) {
    const page = await browser.newPage({ viewport, acceptDownloads: true, ...options });
    const { errors, requests } = instrument(page);
    await page.goto(new URL(query, server.url).href);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout: 15000 });
    return { page, errors, requests };
  }

  async function close() {
    await browser.close();
    await server.close();
  }

  return { url: server.url, browser, open, close };
}

/** One served dist/ and browser for a test file: started before its tests, closed after. Returns a getter. */
export function useHarness() {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });
  return () => harness;
}

/** Waits until the page shows the result of its latest review (every edit is one review). */
export async function settled(page, timeout = 20000) {
  await page.waitForFunction(() => {
    const d = document.documentElement.dataset;
    return d.reviews !== undefined && d.shown === d.reviews;
  }, null, { timeout });
}

/** Puts `text` in the paste box with one input event, as a paste does, and waits for its result. */
export async function fillInput(page, text) {
  await page.locator('#input').fill(text);
  await settled(page);
}

/** Loads the seed example (the page starts empty) and waits for its result. */
export async function loadSeed(page) {
  await page.locator('#load-example').click();
  await page.waitForFunction(() => document.querySelector('#input').value.length > 20000);
  await settled(page);
}

/** The headline's counts by verdict: { mismatch, notice, rounding, not_computable, ok, total }. */
export async function headline(page, selector = '#summary') {
  const text = await page.locator(selector).textContent();
  const n = (words) => {
    const m = new RegExp(`${words} (\\d+) 项`).exec(text);
    if (!m) throw new Error(`headline has no "${words}": ${text}`);
    return Number(m[1]);
  };
  const total = /共 (\d+) 项/.exec(text);
  return {
    mismatch: n('✗ 错误'), notice: n('ⓘ 提示'), rounding: n('≈ 尾差'), not_computable: n('— 无法计算'), ok: n('✓ 一致'),
    total: total ? Number(total[1]) : NaN, text,
  };
}

/** Runs axe-core in the page (the context must bypass the CSP) and returns its violations. */
export async function axe(page, options = {}) {
  const { readFileSync } = await import('node:fs');
  await page.addScriptTag({ content: readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  const result = await page.evaluate((opts) => globalThis.axe.run(document, opts), { resultTypes: ['violations'], ...options });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}
