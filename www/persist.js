// The paste box survives a reload on a personal machine: its text is kept in this browser's localStorage
// (never sent anywhere), written once the typing pauses. Storage may be unavailable (private mode): then the
// page simply starts fresh. The kiosk keeps nothing (persist is never set up there).
const KEY = 'juesuan.input';
const PAUSE_MS = 400;

/** The text kept from last time, or `fallback` when there is none. */
export function restoreInput(fallback) {
  try {
    return localStorage.getItem(KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

let timer = null;
let unsaved = null;

function write() {
  clearTimeout(timer);
  if (unsaved === null) return;
  const text = unsaved;
  unsaved = null;
  try {
    if (text === '') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, text);
  } catch {
    // full or unavailable: keeping the text is a convenience, not a requirement
  }
}

const LARGE = 200_000; // a text this long is not kept: writing it would hold up the page

/** Keep `text` once the typing pauses (a 1 MB paste is not rewritten on every keystroke), or as the page goes. */
export function saveInput(text) {
  if (text.length > LARGE) {
    forgetInput();
    return;
  }
  if (unsaved === null) addEventListener('pagehide', write, { once: true });
  unsaved = text;
  clearTimeout(timer);
  timer = setTimeout(write, PAUSE_MS);
}

export function forgetInput() {
  clearTimeout(timer);
  unsaved = null;
  try {
    localStorage.removeItem(KEY);
  } catch {
    // unavailable: nothing was kept
  }
}
