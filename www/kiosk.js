// Kiosk mode, for a shared terminal in a government service hall: large type and touch-sized controls, a
// 清空重来 bar of its own (the page scrolls beneath it, never under it), no way to navigate away, nothing
// kept (no localStorage, no export or print files), and after some idle minutes the input, the 已说明 notes
// and the calculators are cleared, so the next visitor never sees the last one's figures.
// On with ?kiosk in the URL or <html data-kiosk="1"> (baked into juesuan-kiosk.html); ?idle=minutes or
// data-idle-minutes sets the idle time (default 3 minutes).
import { el } from './dom.js';

const DEFAULT_IDLE_MINUTES = 3;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'];

/** Whether kiosk mode is on, and its idle time in milliseconds. */
export function kioskSettings(location, html) {
  const params = new URLSearchParams(location.search);
  const on = params.has('kiosk') || html.dataset.kiosk === '1';
  const minutes = Number.parseFloat(params.get('idle') ?? html.dataset.idleMinutes ?? '');
  const idleMs = (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_IDLE_MINUTES) * 60_000;
  return { on, idleMs };
}

/** Turns kiosk mode on; `reset()` clears everything and returns the page to its start. */
export function setupKiosk(doc, { idleMs, reset }) {
  doc.documentElement.classList.add('kiosk');
  // nothing leaves this machine as a file: no export, no print
  for (const id of ['#export-csv', '#export-json', '#print-results']) doc.querySelector(id)?.remove();
  doc.querySelector('.print-all')?.remove();
  doc.querySelector('#print-report')?.remove();
  const bar = el('div', 'kiosk-bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '自助终端');
  const clear = el('button', 'kiosk-clear', '清空重来');
  clear.type = 'button';
  clear.addEventListener('click', reset);
  bar.append(el('span', 'kiosk-note', '本机为公共终端：不保存任何内容，闲置几分钟后自动清空。'), clear);
  doc.body.append(bar);
  // no links out: only in-page anchors may be followed
  doc.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link && !link.getAttribute('href').startsWith('#')) event.preventDefault();
  });
  let timer;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      reset();
      restart();
    }, idleMs);
  };
  for (const type of ACTIVITY) doc.addEventListener(type, restart, { capture: true, passive: true });
  restart();
}
