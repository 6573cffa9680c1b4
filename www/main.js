// Page entry: start the core's worker, restore the paste box (not on the kiosk), wire the audit report, the
// file opening, the table scoring, the quick calculators, kiosk mode and the offline copy. The main thread
// never calls the wasm: every review and calculation runs in the worker.
import { setupCalculators } from './calculators.js';
import { startCore } from './core-client.js';
import { loadExamples } from './empty-state.js';
import { setupFileOpen } from './file-open.js';
import { kioskSettings, setupKiosk } from './kiosk.js';
import { notesStore } from './notes.js';
import { forgetInput, restoreInput, saveInput } from './persist.js';
import { setupReport } from './report-view.js';
import { setupPresetPicker } from './tables-view.js';
import { createWorker, initMessage } from './worker-factory.js';

const $ = (selector) => document.querySelector(selector);
const html = document.documentElement;

performance.mark('juesuan-main'); // for the benchmark: page load milestones
let report = null;
const client = startCore({ createWorker, initMessage, onProgress: (p) => report?.progress(p) });

function start() {
  const kiosk = kioskSettings(location, html);
  const input = $('#input');
  if (kiosk.on) {
    html.classList.add('kiosk');
    $('#input-hint').textContent = '输入、粘贴或打开文本文件（TXT、CSV）后即时校核，结果见下方“审核结论”。PDF 请复制其中的文字后粘贴。';
  }
  const restored = kiosk.on ? '' : restoreInput('');
  let version = '';

  const notes = notesStore({ persistent: !kiosk.on });
  const tables = $('#tables');
  const choice = setupPresetPicker(tables, () => report.request());
  const loadExample = async (name = 'seed') => {
    const examples = await loadExamples();
    report.replace(examples[name] ?? examples.seed);
    if (!kiosk.on) saveInput(input.value);
    input.focus();
  };
  report = setupReport(document, {
    input,
    client,
    choice,
    notes,
    onExample: (name) => loadExample(name),
    pdf: !kiosk.on,
    version: () => version,
    onResult: () => {
      html.dataset.ready = '1';
      if (!performance.getEntriesByName('juesuan-ready').length) performance.mark('juesuan-ready'); // load → first result
    },
  });

  const typing = { composing: false };
  input.addEventListener('compositionstart', () => {
    typing.composing = true;
  });
  input.addEventListener('compositionend', () => {
    typing.composing = false;
    report.edit();
    if (!kiosk.on) saveInput(input.value);
  });
  input.addEventListener('input', (event) => {
    // an IME's unfinished syllables are not the text yet: the commit (compositionend) reviews it
    if (event.isComposing || typing.composing) return;
    report.edit();
    if (!kiosk.on) saveInput(input.value);
  });
  $('#load-example').addEventListener('click', () => loadExample('seed'));
  $('#clear-input').addEventListener('click', () => {
    report.replace('');
    if (!kiosk.on) forgetInput();
    input.focus();
  });
  setupFileOpen(document, {
    dropZone: $('#drop-zone'),
    status: $('#file-status'),
    pdf: !kiosk.on,
    onText: (text, doc) => {
      report.replace(text, doc);
      if (!kiosk.on) saveInput(text);
    },
  });

  client.ready.then((ready) => {
    performance.mark('juesuan-core-ready');
    version = ready.version;
    $('#version').textContent = `版本 ${ready.version}`;
  }, (err) => {
    $('#app-status').textContent = `计算核心加载失败，请使用较新的浏览器并刷新页面。（${err?.message ?? err}）`;
    $('#version').textContent = '版本未知';
    html.dataset.ready = '1';
  });
  report.replace(restored);
  const resetCalculators = setupCalculators(document, (type, payload) => client.ask(type, payload));

  if (kiosk.on) {
    setupKiosk(document, {
      idleMs: kiosk.idleMs,
      reset: () => {
        report.clear();
        report.replace('');
        notes.clear();
        resetCalculators();
        $('#file-status').replaceChildren();
        $('#page').scrollTo?.(0, 0);
        window.scrollTo(0, 0);
        input.focus();
        html.dataset.resets = String(Number(html.dataset.resets ?? 0) + 1);
      },
    });
  }
  // The offline copy: only for the served site (a file:// page cannot register a worker).
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !kiosk.on) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}

start();
