// Build the static site into dist/: wasm (cargo → wasm-bindgen → wasm-opt), glue, www/**, example.js.
// No bundler. Run with `npm run build`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildKiosk, buildNpmPackage, buildStyles, bundleElement, bundlePage, filesBelow, versionServiceWorker } from './artefacts.mjs';

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

// 6. The example disclosure as a module, so the page loads it without a fetch.
const seed = readFileSync(join(root, 'tests', 'fixtures', 'seed', 'seed.txt'), 'utf8');
writeFileSync(join(dist, 'example.js'), `export default ${JSON.stringify(seed)};\n`);

// 7. The kiosk file (from the unbundled modules), the bundled page, the element, the offline copy, the
//    npm package.
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
const width = Math.max(...rows.map((r) => r.file.length), 'served first load (index.html, style.css, main.js, juesuan_bg.wasm, sw.js)'.length);
const line = (f, r, g) => `${f.padEnd(width)}  ${r.padStart(10)}  ${g.padStart(10)}`;
const sum = (pick) => pick.reduce((acc, r) => ({ raw: acc.raw + r.raw, gz: acc.gz + r.gz }), { raw: 0, gz: 0 });
console.log('\n' + line('file', 'raw', 'gzip -9'));
for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gz)));
console.log(line('-'.repeat(width), '', ''));
const artefacts = [
  ['wasm (juesuan_bg.wasm)', rows.filter((r) => r.file === 'juesuan_bg.wasm')],
  ['served first load (' + firstLoad.join(', ') + ')', rows.filter((r) => firstLoad.includes(r.file))],
  ['kiosk (juesuan-kiosk.html)', rows.filter((r) => r.file === 'juesuan-kiosk.html')],
  ['npm package (npm/)', rows.filter((r) => r.file.startsWith('npm/'))],
];
for (const [name, pick] of artefacts) {
  const t = sum(pick);
  console.log(line(name, kb(t.raw), kb(t.gz)));
}
console.log(`service worker cache version ${swVersion}`);
