// The stylesheet of <juesuan-checker>, adopted into its shadow root as a constructable stylesheet (a portal's
// CSP may forbid inline <style>; adoptedStyleSheets are not inline styles). Written for the shadow tree:
// - the portal's rules cannot select anything inside the shadow root, but its inherited properties (font, colour,
//   line-height, letter-spacing …) would flow in through the host. `:host { all: initial }` cuts them off when the
//   portal is polite; a portal rule on the host itself (`* { all: unset }`) beats a normal :host rule, so the
//   wrapper `.app` resets everything again — a shadow-tree element no portal selector can reach;
// - lengths are in em from the wrapper's own font size, never rem (rem is the portal's <html> font size);
// - the layout follows the element's width (container queries), not the viewport's;
// - a portal may theme through the custom properties --juesuan-font-size and --juesuan-accent.
// Colours as on the main page: text and verdict colours are at least 7:1 on their backgrounds (AA needs 4.5:1).
export const css = `
:host {
  all: initial;
  display: block;
}
:host([hidden]) { display: none; }

.app {
  all: initial;
  display: block;
  container-type: inline-size;
  --text: #1b1b1b;
  --muted: #4a4a4a;
  --bg: #ffffff;
  --panel: #f4f6f8;
  --line: #8a8f96;
  --accent: var(--juesuan-accent, #0b4f9c);
  --focus: #c75000;
  --ok: #17602c;
  --ok-bg: #e7f4ea;
  --rounding: #7a4a00;
  --rounding-bg: #fdf3e0;
  --mismatch: #a3141a;
  --mismatch-bg: #fde8e8;
  --na: #454545;
  --na-bg: #eeeeee;
  font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: var(--juesuan-font-size, 17px);
  line-height: 1.6;
  color: var(--text);
  background: var(--bg);
  direction: ltr; /* \`all\` leaves direction and unicode-bidi alone */
  unicode-bidi: isolate;
  text-align: start;
  padding: 0.75em 1em;
  border: 1px solid var(--line);
  border-radius: 6px;
  box-sizing: border-box;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

h2, h3, h4 { font-weight: 700; line-height: 1.3; }
h2 { font-size: 1.3em; margin: 0 0 0.5em; }
h3 { font-size: 1.1em; margin: 0.5em 0 0.25em; }
h4 { font-size: 1em; margin: 0.75em 0 0.25em; }
p { margin: 0.25em 0; }
ul, ol { margin: 0.25em 0; }
.note, .hint { color: var(--muted); font-size: 0.95em; }
.h-note { font-size: 0.85em; font-weight: 400; color: var(--muted); }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

label { display: block; font-weight: 600; margin-bottom: 0.2em; }
textarea, input, select, button { font: inherit; color: inherit; letter-spacing: inherit; }
textarea {
  display: block;
  width: 100%;
  min-height: 9em;
  padding: 0.5em;
  border: 2px solid var(--line);
  border-radius: 4px;
  background: var(--bg);
  resize: vertical;
  white-space: pre-wrap;
}
input, select {
  padding: 0.3em 0.5em;
  border: 2px solid var(--line);
  border-radius: 4px;
  background: var(--bg);
}
input { width: 100%; font-variant-numeric: tabular-nums; }
input[aria-invalid="true"] { border-color: var(--mismatch); border-width: 3px; }
button {
  padding: 0.35em 0.9em;
  border: 2px solid var(--accent);
  border-radius: 4px;
  background: var(--bg);
  color: var(--accent);
  cursor: pointer;
}
button:hover { background: #e8f0fa; }
button:disabled { opacity: 0.55; cursor: not-allowed; }
.field { margin: 0.4em 0; }
.field.inline { display: flex; gap: 0.5em; align-items: center; margin: 0; }
.field.inline label { margin: 0; }

.error { color: var(--mismatch); font-weight: 600; margin: 0.5em 0 0; }
.error:empty { display: none; }
.summary { font-size: 1.1em; font-weight: 700; margin: 0.5em 0; }
.summary .hint { display: block; font-weight: 400; font-size: 0.9em; }
.problems { color: var(--mismatch); font-weight: 600; }

/* compact: paste box, summary line and findings list only */
:host([layout="compact"]) .full-only { display: none; }

.toolbar { display: flex; gap: 0.75em; align-items: center; flex-wrap: wrap; margin: 0.25em 0 0.5em; }
.legend { margin: 0 0 0 auto; font-size: 0.9em; display: flex; gap: 0.5em; flex-wrap: wrap; }

.results-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; align-items: start; }
:host([layout="compact"]) .results-grid { grid-template-columns: minmax(0, 1fr); }
:host([layout="compact"]) textarea { height: 6em; min-height: 4em; }
@container (max-width: 44em) { .results-grid { grid-template-columns: minmax(0, 1fr); } }

.marked-text {
  position: relative;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  max-height: 32em;
  overflow: auto;
  padding: 0.5em 0.75em;
  border: 2px solid var(--line);
  border-radius: 4px;
  line-height: 1.9;
}
mark { color: var(--text); border-radius: 2px; padding: 0 1px; }
mark.v-ok { background: var(--ok-bg); border-bottom: 2px solid var(--ok); }
mark.v-rounding { background: var(--rounding-bg); border-bottom: 3px double var(--rounding); }
mark.v-mismatch { background: var(--mismatch-bg); border-bottom: 3px solid var(--mismatch); font-weight: 700; }
mark.v-not_computable { background: var(--na-bg); border-bottom: 2px dashed var(--na); }
mark.v-unknown { background: var(--na-bg); }
mark.current { background: #ffe6a0; border-bottom: 3px solid var(--focus); }
mark.current:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.badge {
  display: inline-block;
  font-size: 0.75em;
  line-height: 1.2;
  font-weight: 700;
  padding: 0 0.25em;
  margin: 0 1px;
  border-radius: 0.6em;
  vertical-align: super;
  color: var(--bg);
  background: var(--na);
}
.badge.v-ok { background: var(--ok); }
.badge.v-rounding { background: var(--rounding); }
.badge.v-mismatch { background: var(--mismatch); }

.findings {
  position: relative;
  padding: 0.5em 0.5em 0.5em 2.4em;
  margin: 0.25em 0;
  max-height: 32em;
  overflow: auto;
  border: 2px solid var(--line);
  border-radius: 4px;
}
.findings:empty { display: none; }
.finding { margin: 0 0 0.6em; padding: 0.4em 0.6em; border-left: 6px solid var(--na); background: var(--panel); }
.finding.v-ok { border-color: var(--ok); }
.finding.v-rounding { border-color: var(--rounding); background: var(--rounding-bg); }
.finding.v-mismatch { border-color: var(--mismatch); background: var(--mismatch-bg); }
.finding.current { outline: 3px solid var(--focus); }
.finding p { margin: 0.15em 0; font-size: 0.95em; overflow-wrap: anywhere; }
.finding-head {
  display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; align-items: baseline;
  width: 100%; text-align: start; padding: 0.2em 0.4em; border-width: 1px; background: var(--bg); color: var(--text);
}
.finding-head .kind-title { font-weight: 700; }
.finding-head .where { color: var(--muted); font-size: 0.9em; margin-left: auto; }
.finding .figures { display: flex; flex-wrap: wrap; gap: 0 1em; font-variant-numeric: tabular-nums; }
.finding .diagnosis { font-weight: 700; color: var(--mismatch); border-left: 3px solid var(--mismatch); padding-left: 0.4em; }
.finding .diagnosis .label { color: inherit; }
.finding .label { font-weight: 600; }
.pair .label { color: var(--muted); }
.pair .value { font-weight: 700; }

.verdict { font-weight: 700; }
.verdict[data-verdict="ok"] { color: var(--ok); }
.verdict[data-verdict="rounding"] { color: var(--rounding); }
.verdict[data-verdict="mismatch"] { color: var(--mismatch); }
.verdict[data-verdict="not_computable"] { color: var(--na); }

/* 绩效自评表 */
.tables { margin-top: 1em; border-top: 1px solid var(--line); padding-top: 0.5em; }
.preset-picker { display: flex; gap: 1em; flex-wrap: wrap; align-items: end; }
.preset-picker .field { min-width: 14em; }
.preset-picker select { width: 100%; }
.score-table { margin: 1em 0; padding: 0.5em 0.75em; border: 1px solid var(--line); border-radius: 6px; }
.table-kind { font-weight: 400; color: var(--muted); font-size: 0.95em; }
.preset-used { color: var(--muted); font-size: 0.95em; }
.funds { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; margin: 0.4em 0; font-variant-numeric: tabular-nums; }
.funds-message { flex-basis: 100%; font-size: 0.95em; color: var(--muted); }
.table-scroll { overflow-x: auto; }
table.indicators { border-collapse: collapse; width: 100%; font-size: 0.95em; }
table.indicators th.indicator { min-width: 10em; }
table.indicators .note-cell { min-width: 14em; }
table.indicators th, table.indicators td { border: 1px solid var(--line); padding: 0.3em 0.45em; vertical-align: top; text-align: start; }
table.indicators thead th { background: var(--panel); }
table.indicators .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
table.indicators .levels { display: block; color: var(--muted); font-weight: 400; font-size: 0.85em; }
table.indicators .indicator .name { display: block; }
table.indicators tr.v-mismatch { background: var(--mismatch-bg); }
table.indicators tr.v-mismatch > th:first-child { box-shadow: inset 6px 0 0 var(--mismatch); }
table.indicators tr.v-rounding { background: var(--rounding-bg); }
table.indicators tr.v-rounding > th:first-child { box-shadow: inset 6px 0 0 var(--rounding); }
table.indicators .note-cell span { display: block; }
table.indicators .reason { color: var(--muted); }
table.indicators tfoot td, table.indicators tfoot th { font-weight: 700; background: var(--panel); }
table.indicators .stated { display: block; font-weight: 400; color: var(--muted); }
.verdict-cell { white-space: nowrap; }
.table-findings li[data-verdict="mismatch"] { color: var(--mismatch); font-weight: 600; }
.table-findings li[data-verdict="rounding"] { color: var(--rounding); }

@media (forced-colors: active) {
  .finding { border-left-color: CanvasText; }
  mark { border-bottom-color: Highlight; }
  .badge { border: 1px solid CanvasText; }
}
`;
