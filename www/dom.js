// Building elements from plain text. Text is only ever set with textContent: never parsed as HTML.

/** Create an element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Text only a screen reader reads (the symbol beside it is what the eye reads). */
export function srOnly(text) {
  return el('span', 'sr-only', text);
}
