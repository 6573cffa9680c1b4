// Shared set-up for page tests: serve dist/ (or $JUESUAN_DIST) and drive headless Chromium.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
   * Open the page (optionally with a query such as "?preset=bands"), wait for the wasm core; record
   * console errors and every request. Downloads are accepted.
   */
  async function open(query = '') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
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
