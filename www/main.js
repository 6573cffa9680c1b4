// Page entry: load the wasm core, restore the paste box (or the example), wire up the full-text check, the
// table scoring, the quick calculators, kiosk mode and the offline copy.
import * as js from './juesuan.js';
import { loadCore } from './core.js';
import example from './example.js';
import { setupCalculators } from './calculators.js';
import { setupCheck } from './check-view.js';
import { kioskSettings, setupKiosk } from './kiosk.js';
import { forgetInput, restoreInput, saveInput } from './persist.js';
import { renderScore, setupPresetPicker } from './tables-view.js';
import { review } from './review.js';
import { call } from './wasm-call.js';

const $ = (selector) => document.querySelector(selector);

async function start() {
  const input = $('#input');
  input.value = restoreInput(example);
  try {
    await loadCore();
  } catch (err) {
    $('#app-status').textContent = `计算核心加载失败，请使用较新的浏览器并刷新页面。（${err?.message ?? err}）`;
    return;
  }
  const version = call(js.version);
  $('#version').textContent = version.status === 'ok' ? `版本 ${version.value}` : '版本未知';

  const show = setupCheck(document, input);
  const tables = $('#tables');
  // One core call per edit (and per change of the preset): both views render its one result.
  const update = () => {
    const text = input.value;
    const result = review(text, presetOf());
    show(result, text);
    renderScore(tables, result);
  };
  const presetOf = setupPresetPicker(tables, update);
  const replaceText = (text) => {
    input.value = text;
    saveInput(text);
    update();
  };

  input.addEventListener('input', () => {
    saveInput(input.value);
    update();
  });
  $('#load-example').addEventListener('click', () => {
    replaceText(example);
    input.focus();
  });
  $('#clear-input').addEventListener('click', () => {
    replaceText('');
    input.focus();
  });
  $('#print-results').addEventListener('click', () => window.print());
  update();
  const resetCalculators = setupCalculators(document, js);

  const kiosk = kioskSettings(location, document.documentElement);
  if (kiosk.on) {
    setupKiosk(document, {
      idleMs: kiosk.idleMs,
      reset: () => {
        replaceText('');
        forgetInput();
        resetCalculators?.();
        window.scrollTo(0, 0);
        input.focus();
        document.documentElement.dataset.resets = String(Number(document.documentElement.dataset.resets ?? 0) + 1);
      },
    });
  }
  // The offline copy: only for the served site (a file:// page cannot register a worker).
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !kiosk.on) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
  performance.mark('juesuan-ready'); // page load to first result, for the benchmark
  document.documentElement.dataset.ready = '1';
}

start();
