// pdf-layout.js on made-up pages (no browser): ruled tables become tab-separated rows with their blank cells,
// merged cells keep their text in their first slot, a table printed in two halves is given half by half, a
// table continued on the next page stays one table, running headers, footers and page numbers go.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutDocument, pageBlocks } from '../../www/pdf-layout.js';

/** A text item at (x, y) (top-left origin, y down), 10 pt type, 10 pt per character. */
const item = (str, x, y) => ({ str, x0: x, x1: x + 10 * [...str].length, top: y - 9, bottom: y + 1, size: 10 });

/** The rulings of a grid: horizontal lines at `ys`, vertical lines at `xs`, each across the whole grid. */
function grid(xs, ys) {
  const [left, right] = [xs[0], xs.at(-1)];
  const [top, bottom] = [ys[0], ys.at(-1)];
  return [...ys.map((y) => [left, y, right, y]), ...xs.map((x) => [x, top, x, bottom])];
}

const page = (number, items, lines = []) => ({ number, width: 600, height: 800, items, lines });

test('a ruled table: one line per row, cells by the rulings, blank cells kept as empty fields', () => {
  const xs = [50, 150, 250, 350];
  const ys = [100, 120, 140, 160];
  const items = [
    item('项目', 55, 115), item('决算数', 155, 115), item('备注', 255, 115),
    item('一、收入', 55, 135), item('2,940.05', 180, 135),
    item('二、支出', 55, 155), item('无', 255, 155),
    item('收入支出决算总表', 100, 60), item('单位：万元', 280, 90),
  ];
  const blocks = pageBlocks(page(1, items, grid(xs, ys)));
  assert.deepEqual(blocks.map((b) => b.text ?? b.cells.join('\t')), [
    '收入支出决算总表', '单位：万元', '项目\t决算数\t备注', '一、收入\t2,940.05\t', '二、支出\t\t无',
  ]);
});

test('a cell merged across rows or columns (no ruling inside it) keeps its text, wrapped lines joined, in its first slot', () => {
  // header: "本年收入合计" wrapped over two lines in a cell two rows high; "科目编码" across two columns
  const lines = [
    [50, 100, 350, 100], [50, 140, 350, 140], [50, 160, 350, 160], // no line at 120 under 本年收入合计
    [150, 120, 350, 120], // under 科目编码, which spans columns 2 and 3 (no ruling at 250 in the first row)
    [50, 100, 50, 160], [150, 100, 150, 160], [250, 120, 250, 160], [350, 100, 350, 160], // no line at 250 in row 1
  ];
  const items = [
    item('科目编码', 160, 115), item('本年收入合', 55, 115), item('计', 55, 133),
    item('类', 160, 135), item('款', 260, 135),
    item('合计', 55, 155), item('10.00', 160, 155), item('20.00', 260, 155),
  ];
  const rows = pageBlocks(page(1, items, lines)).map((b) => b.cells.join('\t'));
  assert.deepEqual(rows, ['本年收入合计\t科目编码\t', '\t类\t款', '合计\t10.00\t20.00']);
});

test('two halves side by side (the same header twice) are given one after the other; 类/款/项 sharing a row with 合计 is split', () => {
  const xs = [50, 100, 150, 250, 300, 350, 400, 500, 550];
  const ys = [100, 120, 140, 160, 180];
  const items = [
    item('经济分类', 55, 115), item('科目名称', 155, 115), item('决算数', 255, 115),
    item('经济分类', 305, 115), item('科目名称', 405, 115), item('决算数', 505, 115),
    item('301', 55, 135), item('工资福利', 155, 135), item('10.00', 255, 135),
    item('302', 305, 135), item('商品服务', 405, 135), item('5.00', 505, 135),
    item('303', 55, 155), item('对个人', 155, 155), item('1.00', 255, 155),
    item('310', 305, 155), item('资本性', 405, 155), item('2.00', 505, 155),
    item('人员经费合计', 155, 175), item('11.00', 255, 175), item('公用经费合计', 405, 175), item('7.00', 505, 175),
  ];
  const { text } = layoutDocument([page(1, items, grid(xs, ys))]);
  assert.deepEqual(text.split('\n'), [
    '经济分类\t\t科目名称\t决算数', '301\t\t工资福利\t10.00', '303\t\t对个人\t1.00', '\t\t人员经费合计\t11.00',
    '302\t\t商品服务\t5.00', '310\t\t资本性\t2.00', '\t\t公用经费合计\t7.00',
  ]);
  const codeHeader = layoutDocument([page(1, [
    item('类', 55, 115), item('款', 105, 115), item('项', 155, 115), item('合计', 205, 115), item('96.00', 255, 115),
  ], grid([50, 100, 150, 200, 250, 300], [100, 120]))]).text;
  assert.equal(codeHeader, '类\t款\t项\t\t\n\t\t\t合计\t96.00');
});

test('a table continued on the next page stays one table; running headers, footers and page numbers go; pages are kept', () => {
  const xs = [50, 200, 300];
  const pages = [1, 2, 3].map((n) => page(n, [
    item('某某局 2024 年度部门决算', 200, 30), // running header
    ...(n === 1 ? [item('收入决算表', 200, 80)] : []),
    item(`${n}0${n}`, 55, 115), item(`${n}.00`, 205, 115),
    item(`${n}1${n}`, 55, 135), item(`${n}.50`, 205, 135),
    item(`- ${n} -`, 290, 780), // page number
  ], grid(xs, [100, 120, 140])));
  const { text, pages: starts } = layoutDocument(pages);
  assert.equal(text, '收入决算表\n101\t1.00\n111\t1.50\n202\t2.00\n212\t2.50\n303\t3.00\n313\t3.50');
  assert.deepEqual(starts, [{ number: 1, start: 0 }, { number: 2, start: text.indexOf('202') }, { number: 3, start: text.indexOf('303') }]);
});

test('text without rulings: lines by their vertical overlap, words by their gaps', () => {
  const blocks = pageBlocks(page(1, [
    item('本年支出合计', 50, 100), item('2940.05', 110, 100), item('万元，', 180, 100),
    item('第一部分', 50, 130), item('概况', 170, 130),
  ]));
  assert.deepEqual(blocks.map((b) => b.text), ['本年支出合计2940.05万元，', '第一部分 概况']);
});
