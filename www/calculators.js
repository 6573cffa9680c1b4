// The quick-calculator panel: one <form data-kind> per calculator. Reads strings, asks the core (in its
// worker), shows exactly the strings the core returns. No arithmetic here. Each form shows the answer to its
// latest question only.

/** What a person sees for each verdict: a symbol and words, never colour alone. */
const VERDICT_TEXT = {
  ok: '✓ 一致',
  rounding: '≈ 尾差',
  mismatch: '✗ 不一致',
  not_computable: '— 无法计算',
};

/** Why a result is a word instead of a percentage. */
const LABEL_TEXT = {
  新增: '基数为 0 而本期数不为 0，按惯例记为“新增”，不计算百分比。',
  持平: '两数均为 0，记为“持平”。',
  无法计算: '分母为 0，无法计算比率。',
};

const PRESET_TEXT = {
  proportional: () => '按比例（全国通行）',
  'deduct-per-point': (k) => `每低1个百分点扣${k ?? 'k'}分`,
};

/** Create an element with a class and plain text (never parsed as HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function field(form, name) {
  const input = form.elements.namedItem(name);
  return input ? input.value.trim() : '';
}

function optional(value) {
  return value === '' ? null : value;
}

/**
 * Wires every calculator form to `ask(type, payload)` (core-client's ask: 'calc' and 'score'); returns
 * `reset()`, which empties them all (the kiosk's idle reset).
 */
export function setupCalculators(root, ask) {
  const forms = [...root.querySelectorAll('form.calc[data-kind]')];
  const asked = new Map(); // form → number of its latest question
  const update = (form) => {
    const n = (asked.get(form) ?? 0) + 1;
    asked.set(form, n);
    render(form, ask, () => asked.get(form) === n);
  };
  for (const form of forms) {
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => update(form));
    form.addEventListener('change', () => update(form));
    update(form);
  }
  return () => {
    for (const form of forms) {
      form.reset();
      update(form);
    }
  };
}

async function render(form, ask, latest) {
  const kind = form.dataset.kind;
  const output = form.querySelector('output.result');
  const check = form.querySelector('.check');
  const error = form.querySelector('.error');

  if (kind === 'execution') syncPresetFields(form);

  const a = field(form, 'a');
  const b = field(form, 'b');
  const stated = optional(field(form, 'stated'));

  if (a === '' || b === '') {
    clearError(form, error);
    check.replaceChildren();
    output.replaceChildren(el('span', 'hint', '请输入两个数'));
    return;
  }

  const result = await ask('calc', { kind, a, b, stated });
  if (!latest() || !result) return;
  clearError(form, error);
  check.replaceChildren();
  if (result.status === 'error') {
    showError(form, error, result.error);
    output.replaceChildren();
    return;
  }

  const parts = valueParts(result.value);

  if (kind === 'execution') {
    const weight = field(form, 'weight');
    if (weight === '') {
      parts.push(el('span', 'score hint', '请输入分值以计算得分'));
    } else {
      const preset = field(form, 'preset');
      const k = preset === 'deduct-per-point' ? optional(field(form, 'k')) : null;
      const score = await ask('score', { budget: a, executed: b, weight, preset, k });
      if (!latest() || !score) return;
      if (score.status === 'error') {
        showError(form, error, score.error);
      } else {
        parts.push(...scoreParts(score.value));
      }
    }
  }

  output.replaceChildren(...parts);
  if (result.value.check) check.replaceChildren(...checkParts(result.value.check));
}

function valueParts(res) {
  const parts = [];
  const shown = res.value !== null ? `${res.value}%` : null;
  parts.push(el('span', 'value', [shown, res.label].filter(Boolean).join(' ') || '—'));
  if (res.label && LABEL_TEXT[res.label]) parts.push(el('span', 'explain', LABEL_TEXT[res.label]));
  if (res.formula) parts.push(el('span', 'formula', res.formula));
  return parts;
}

function scoreParts(s) {
  const ruleOf = PRESET_TEXT[s.preset?.name];
  const rule = ruleOf ? ruleOf(s.preset.k) : (s.preset?.name ?? '');
  const scoreText = s.score ?? `—${s.label ? `（${s.label}）` : ''}`;
  const parts = [el('span', 'score', `得分 ${scoreText}（分值 ${s.weight}，规则：${rule}）`)];
  if (s.formula) parts.push(el('span', 'formula score-formula', s.formula));
  return parts;
}

function checkParts(c) {
  const verdict = el('p', 'verdict', VERDICT_TEXT[c.verdict] ?? c.verdict);
  verdict.dataset.verdict = c.verdict;
  const parts = [verdict];
  if (c.message) parts.push(el('p', 'verdict-message', c.message));
  if (Array.isArray(c.interval)) {
    parts.push(el('p', 'verdict-interval', `允许范围 ${c.interval[0]} ~ ${c.interval[1]}`));
  }
  return parts;
}

/** Only the deduct-per-point rule takes k; hide its field otherwise. */
function syncPresetFields(form) {
  const preset = field(form, 'preset');
  for (const node of form.querySelectorAll('[data-for-preset]')) {
    node.hidden = node.dataset.forPreset !== preset;
  }
}

function clearError(form, error) {
  error.textContent = '';
  for (const input of form.querySelectorAll('input[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/**
 * Show the core's message and mark the input it is about. The core quotes the text it could not
 * read, so the input whose value appears in the message is the culprit; if none matches, every
 * filled input is marked.
 */
function showError(form, error, message) {
  error.textContent = message;
  const filled = [...form.querySelectorAll('input')].filter((i) => i.value.trim() !== '');
  const named = filled.filter((i) => message.includes(i.value.trim()));
  const culprits = named.length > 0 && named.length < filled.length ? named : filled;
  for (const input of culprits) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', error.id);
  }
}
