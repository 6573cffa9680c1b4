// The core counts offsets in Unicode code points; JavaScript strings are indexed in UTF-16 units.

/**
 * `map[i]` is the UTF-16 index of code point `i`; `map[length]` is `text.length`. Spans from the core
 * are clamped to the text, so a stale or odd span never throws.
 */
export function codePointIndex(text) {
  const map = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return {
    length: map.length - 1,
    /** UTF-16 index of code point `cp`, clamped to the text. */
    utf16(cp) {
      const i = Math.min(Math.max(Number(cp) || 0, 0), map.length - 1);
      return map[i];
    },
    /** The text of code points [start, end). */
    slice(start, end) {
      return text.slice(this.utf16(start), this.utf16(end));
    },
    /** 1-based line number of code point `cp`. */
    line(cp) {
      const end = this.utf16(cp);
      let n = 1;
      for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
      return n;
    },
  };
}

/** A span [start, end] from the core, or null if it is not one. */
export function spanOf(value) {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [s, e] = value.map(Number);
  return Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e >= s ? [s, e] : null;
}
