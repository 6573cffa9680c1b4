// Page entry: load the wasm core, fill in the example, wire up the calculators.
import init, * as js from './juesuan.js';
import example from './example.js';
import { setupCalculators } from './calculators.js';
import { call } from './wasm-call.js';

const $ = (selector) => document.querySelector(selector);

function setupPasteBox() {
  const input = $('#input');
  input.value = example;
  $('#load-example').addEventListener('click', () => {
    input.value = example;
    input.focus();
  });
  $('#clear-input').addEventListener('click', () => {
    input.value = '';
    input.focus();
  });
}

async function start() {
  setupPasteBox();
  try {
    await init();
  } catch (err) {
    $('#app-status').textContent = `计算核心加载失败，请使用较新的浏览器并刷新页面。（${err?.message ?? err}）`;
    return;
  }
  const version = call(js.version);
  $('#version').textContent = version.status === 'ok' ? `版本 ${version.value}` : '版本未知';
  setupCalculators(document, js);
  document.documentElement.dataset.ready = '1';
}

start();
