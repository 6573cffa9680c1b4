// Build the static site into dist/: wasm (cargo → wasm-bindgen → wasm-opt), glue, www/**, the core's worker,
// the examples (loaded on demand), PDF.js (self-hosted, loaded on the first PDF). Run with `npm run build`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildKiosk, buildNpmPackage, buildStyles, bundleElement, bundlePage, copyPdfjs, filesBelow, versionServiceWorker } from './artefacts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const wbgOut = join(root, 'target', 'wbg');
const env = { ...process.env, PATH: `${join(homedir(), '.cargo', 'bin')}:${process.env.PATH}` };

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
}

// 1. Rust → wasm
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib']);

// 2. JS glue (ES module for browsers without a bundler)
rmSync(wbgOut, { recursive: true, force: true });
run('wasm-bindgen', [
  '--target', 'web',
  '--out-dir', wbgOut,
  '--out-name', 'juesuan',
  join(root, 'target', 'wasm32-unknown-unknown', 'release', 'juesuan.wasm'),
]);

// 3. Fresh dist/
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// 4. Shrink the wasm. The features enabled here are the ones rustc's default wasm32 target emits
//    (bulk memory, sign-ext, non-trapping float-to-int, mutable globals, multivalue) plus
//    reference types for wasm-bindgen's externref table; all are supported by current browsers.
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
if (!existsSync(wasmOpt)) {
  throw new Error('node_modules/.bin/wasm-opt is missing: run `npm run setup` first');
}
run(wasmOpt, [
  '-Oz',
  '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-mutable-globals',
  '--enable-reference-types',
  '--enable-multivalue',
  join(wbgOut, 'juesuan_bg.wasm'),
  '-o', join(dist, 'juesuan_bg.wasm'),
]);

// 5. Glue, typings, static page
cpSync(join(wbgOut, 'juesuan.js'), join(dist, 'juesuan.js'));
cpSync(join(wbgOut, 'juesuan.d.ts'), join(dist, 'juesuan.d.ts'));
cpSync(join(root, 'www'), dist, { recursive: true });

// 6. The examples as a module, fetched when a person asks for one (not part of the first load): the seed
//    disclosure (说明 and 12 绩效自评表), its narrative alone, one 绩效自评表 and a real set of the nine
//    standard tables with their 说明.
const fixture = (...p) => readFileSync(join(root, 'tests', 'fixtures', ...p), 'utf8');
const withoutHeader = (text) => text.slice(text.indexOf('\n') + 1); // tables-dev files start with "# source:"
const seed = fixture('seed', 'seed.txt');
const examples = {
  seed,
  narrative: seed.split(/\n(?=\s*部门（单位）整体支出绩效目标自评表)/)[0],
  selfEval: fixture('seed', 'tables', '10.tsv'),
  standard: `${withoutHeader(fixture('tables-dev', 'putuo-czj-2024-all-tables.txt'))}\n${withoutHeader(fixture('tables-dev', 'putuo-czj-2024-narrative.txt'))}`,
};
writeFileSync(join(dist, 'example.js'), `export const examples = ${JSON.stringify(examples)};\nexport default examples.seed;\n`);

// 7. PDF.js (self-hosted: its module, worker, CMaps and standard fonts under pdfjs/), the kiosk file (from
//    the unbundled modules), the bundled page and worker, the element, the offline copy, the npm package.
copyPdfjs(root, dist);
await buildStyles(dist);
await buildKiosk(dist);
const firstLoad = await bundlePage(dist);
if (existsSync(join(dist, 'juesuan-element.js'))) await bundleElement(dist);
const swVersion = versionServiceWorker(dist, firstLoad);
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
buildNpmPackage(root, dist, version);

// 8. Size table: every file, then each artefact's total (gzip -9, what a server would send).
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = filesBelow(dist).map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const width = Math.max(...rows.filter((r) => !r.file.startsWith('pdfjs/cmaps/') && !r.file.startsWith('pdfjs/standard_fonts/')).map((r) => r.file.length), 80);
const line = (f, r, g) => `${f.padEnd(width)}  ${r.padStart(10)}  ${g.padStart(10)}`;
const sum = (pick) => pick.reduce((acc, r) => ({ raw: acc.raw + r.raw, gz: acc.gz + r.gz }), { raw: 0, gz: 0 });
console.log('\n' + line('file', 'raw', 'gzip -9'));
for (const r of rows) {
  if (r.file.startsWith('pdfjs/cmaps/') || r.file.startsWith('pdfjs/standard_fonts/')) continue; // summed below
  console.log(line(r.file, kb(r.raw), kb(r.gz)));
}
for (const dir of ['pdfjs/cmaps/', 'pdfjs/standard_fonts/']) {
  const t = rows.filter((r) => r.file.startsWith(dir)).reduce((a, r) => ({ raw: a.raw + r.raw, gz: a.gz + r.gz }), { raw: 0, gz: 0 });
  console.log(line(`${dir}* (each fetched only when a PDF needs it)`, kb(t.raw), kb(t.gz)));
}
console.log(line('-'.repeat(width), '', ''));
const artefacts = [
  ['wasm (juesuan_bg.wasm)', rows.filter((r) => r.file === 'juesuan_bg.wasm')],
  ['on demand: examples (example.js)', rows.filter((r) => r.file === 'example.js')],
  ['on the first PDF: pdf-reader.js + pdfjs/pdf.min.mjs + pdfjs/pdf.worker.min.mjs', rows.filter((r) => ['pdf-reader.js', 'pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs'].includes(r.file))],
  ['served first load (' + firstLoad.join(', ') + ')', rows.filter((r) => firstLoad.includes(r.file))],
  ['kiosk (juesuan-kiosk.html)', rows.filter((r) => r.file === 'juesuan-kiosk.html')],
  ['npm package (npm/)', rows.filter((r) => r.file.startsWith('npm/'))],
];
for (const [name, pick] of artefacts) {
  const t = sum(pick);
  console.log(line(name, kb(t.raw), kb(t.gz)));
}
console.log(`service worker cache version ${swVersion}`);
