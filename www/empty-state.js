// What the page says when there is nothing to check: which texts it reads, each with a one-click example
// (loaded on demand: the examples are not part of the first load).
import { el } from './dom.js';

export const KINDS = [
  {
    example: 'narrative',
    name: '部门决算公开说明',
    how: '从 PDF 复制的文字',
    what: '合计与分项、占比、增长率、预决算差异率、完成预算比例、前后一致',
    button: '载入说明示例',
  },
  {
    example: 'selfEval',
    name: '绩效自评表',
    how: '从 Excel/WPS 或 PDF 复制',
    what: '执行率、执行率得分、指标得分、总分和等级',
    button: '载入自评表示例',
  },
  {
    example: 'standard',
    name: '部门决算九张表',
    how: '收入支出决算总表等',
    what: '表内勾稽、表间一致、说明与报表一致',
    button: '载入决算表示例',
  },
];

/**
 * Fills `node` with the guide: `lead` says why it is shown; `onExample(name)` loads an example (none without
 * it). `files` says whether files can be opened here, `pdf` whether PDFs too (not on the kiosk).
 */
export function renderGuide(node, { lead, onExample, files = true, pdf = true }) {
  const list = el('ul', 'guide-kinds');
  for (const kind of KINDS) {
    const li = el('li');
    const how = kind.example === 'standard' && pdf ? `${kind.how}，可直接打开 PDF` : kind.how;
    li.append(el('strong', null, kind.name), `（${how}）：${kind.what}。 `);
    if (onExample) {
      const button = el('button', 'example-button', kind.button);
      button.type = 'button';
      button.dataset.example = kind.example;
      button.addEventListener('click', () => onExample(kind.example));
      li.append(button);
    }
    list.append(li);
  }
  const parts = [el('p', 'guide-lead', lead), list];
  if (files) parts.push(el('p', 'note', `也可以点“打开文件”选择 ${pdf ? 'PDF、' : ''}TXT、CSV 文件，或把文件拖到输入框上。`));
  node.replaceChildren(...parts);
  node.hidden = false;
}

/** The example texts, fetched on first use. */
let examples = null;
export function loadExamples() {
  examples ??= import('./example.js').then((m) => m.examples ?? { seed: m.default });
  return examples;
}
