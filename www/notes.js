// The 已说明 marks and their short notes, by finding key. Kept in this browser's localStorage on a personal
// machine; only in memory on the kiosk (a shared machine), where the idle reset clears them.
const KEY = 'juesuan.notes';

/** A notes store: get(key), set(key, note | null), all(), clear(). `persistent` keeps it in localStorage. */
export function notesStore({ persistent }) {
  let notes = {};
  if (persistent) {
    try {
      notes = JSON.parse(localStorage.getItem(KEY) ?? '{}') ?? {};
    } catch {
      notes = {};
    }
  }
  const save = () => {
    if (!persistent) return;
    try {
      if (Object.keys(notes).length === 0) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(notes));
    } catch {
      // full or unavailable: the mark stays for this visit
    }
  };
  return {
    get: (key) => notes[key] ?? null,
    set(key, note) {
      if (note) notes[key] = note;
      else delete notes[key];
      save();
    },
    all: () => ({ ...notes }),
    clear() {
      notes = {};
      save();
    },
  };
}
