// Scroll a textarea so that a character offset is in view. Browsers select text with setSelectionRange
// but do not scroll an unfocused textarea to it, so the text before the offset is laid out in a hidden
// copy of the textarea and its height gives the scroll position.

const COPIED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'tabSize',
  'wordSpacing', 'textIndent', 'textTransform',
];

/** Scroll `textarea` so that UTF-16 offset `offset` is about a third of the way down. */
export function scrollTextareaTo(textarea, offset) {
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const name of COPIED) mirror.style[name] = style[name];
  mirror.style.position = 'absolute';
  mirror.style.visibility = 'hidden';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.width = `${textarea.offsetWidth}px`;
  mirror.style.overflowY = 'scroll'; // same room for text as the textarea's scroll bar leaves
  mirror.textContent = textarea.value.slice(0, offset);
  mirror.append(document.createElement('span'));
  textarea.after(mirror);
  const caret = mirror.lastChild.offsetTop;
  mirror.remove();
  textarea.scrollTop = Math.max(0, caret - textarea.clientHeight / 3);
}
