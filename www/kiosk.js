// Kiosk mode, for a terminal in a government service hall: large type and touch-sized controls, an
// on-screen 清空重来 button, no way to navigate away, and after some idle minutes the input is cleared and
// the page returns to its start, so the next visitor never sees the last one's figures.
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

/** Turns kiosk mode on; `reset()` clears the input and returns the page to its start. */
export function setupKiosk(doc, { idleMs, reset }) {
  doc.documentElement.classList.add('kiosk');
  const clear = el('button', 'kiosk-clear', '清空重来');
  clear.type = 'button';
  clear.addEventListener('click', reset);
  doc.body.append(clear);
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
