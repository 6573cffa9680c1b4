// The paste box survives a reload: its text is kept in this browser's localStorage (never sent anywhere).
// Storage may be unavailable (private mode, a locked-down kiosk): then the page simply starts fresh.
const KEY = 'juesuan.input';

/** The text kept from last time, or `fallback` when there is none. */
export function restoreInput(fallback) {
  try {
    return localStorage.getItem(KEY) ?? fallback;
  } catch {
    return fallback;
  }
}

export function saveInput(text) {
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // full or unavailable: keeping the text is a convenience, not a requirement
  }
}

export function forgetInput() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // unavailable: nothing was kept
  }
}
