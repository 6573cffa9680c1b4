// Page entry: load the wasm core, fill in the example, wire up the full-text check, the table
// scoring and the quick calculators.
import * as js from './juesuan.js';
import { loadCore } from './core.js';
import example from './example.js';
import { setupCalculators } from './calculators.js';
import { setupCheck } from './check-view.js';
import { renderScore, setupPresetPicker } from './tables-view.js';
import { call } from './wasm-call.js';

const $ = (selector) => document.querySelector(selector);

async function start() {
  const input = $('#input');
  input.value = example;
  try {
    await loadCore();
  } catch (err) {
    $('#app-status').textContent = `计算核心加载失败，请使用较新的浏览器并刷新页面。（${err?.message ?? err}）`;
    return;
  }
  const version = call(js.version);
  $('#version').textContent = version.status === 'ok' ? `版本 ${version.value}` : '版本未知';

  const check = setupCheck(document, js, input);
  const tables = $('#tables');
  const score = () => {
    const { preset, k } = presetOf();
    renderScore(tables, call(js.score, input.value, preset, k));
  };
  const presetOf = setupPresetPicker(tables, score);
  const update = () => {
    check();
    score();
  };

  input.addEventListener('input', update);
  $('#load-example').addEventListener('click', () => {
    input.value = example;
    update();
    input.focus();
  });
  $('#clear-input').addEventListener('click', () => {
    input.value = '';
    update();
    input.focus();
  });
  update();

  setupCalculators(document, js);
  document.documentElement.dataset.ready = '1';
}

start();
