// <juesuan-checker> for a portal page:
//   <script type="module" src="juesuan-element.js"></script>
//   <juesuan-checker preset="deduct-per-point" k="0.25" layout="compact">粘贴的说明文字</juesuan-checker>
// Importing this module registers the element (a side effect, on purpose); import juesuan-checker.js for the
// class and `define(tagName)` without registering anything.
import { define } from './juesuan-checker.js';

export { JuesuanChecker, define } from './juesuan-checker.js';

define();
