// The build's artefacts beyond the served page: the versioned service worker, the one-file kiosk page and the
// npm package. Called by build.mjs after dist/ holds the page; each function writes into dist/.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

/** Every file below `dir`, as paths relative to it, sorted. */
export function filesBelow(dir) {
  const walk = (d) => readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  return walk(dir).map((p) => relative(dir, p)).sort();
}

const bundle = async (entry, options = {}) => {
  const out = await esbuild.build({
    entryPoints: [entry], bundle: true, format: 'esm', minify: true, write: false, legalComments: 'none', ...options,
  });
  return out.outputFiles[0].text;
};

/** Loaded on demand by the page and the element, never part of a bundle: the examples and the PDF reader. */
const ON_DEMAND = ['./example.js', './pdf-reader.js'];

/**
 * The served page for production: main.js and every module it imports bundled into one minified module; the
 * core's worker (juesuan-worker.js: the glue, engine and audit, which fetch the wasm next to them) and the PDF
 * reader each bundled on their own. www/ itself stays a working unbundled page. Returns the files a first
 * visit loads.
 */
export async function bundlePage(dist) {
  writeFileSync(join(dist, 'main.js'), await bundle(join(dist, 'main.js'), { external: ON_DEMAND }));
  writeFileSync(join(dist, 'juesuan-worker.js'), await bundle(join(dist, 'juesuan-worker.js')));
  writeFileSync(join(dist, 'pdf-reader.js'), await bundle(join(dist, 'pdf-reader.js')));
  const text = [readFileSync(join(dist, 'main.js'), 'utf8'), readFileSync(join(dist, 'juesuan-worker.js'), 'utf8')].join('\n');
  if (/pdf\.min\.mjs|pdf\.worker/.test(readFileSync(join(dist, 'main.js'), 'utf8').replace(/pdf-reader\.js/g, ''))) {
    throw new Error('bundlePage: PDF.js must not be part of the first load');
  }
  if (text.includes('昌吉回族自治州政务服务和公共资源')) throw new Error('bundlePage: the example text must not be part of the first load');
  return ['index.html', 'style.css', 'main.js', 'juesuan-worker.js', 'juesuan_bg.wasm', 'sw.js'];
}

/**
 * PDF.js from npm, self-hosted under dist/pdfjs/: its module, its worker, the packed CMaps (Chinese text
 * needs them) and the standard font data, with its licence. Checked to hold no eval and no `new Function`
 * (the code generation class of CVE-2024-4367), so the page's CSP without unsafe-eval costs it nothing.
 */
export function copyPdfjs(root, dist) {
  const from = join(root, 'node_modules', 'pdfjs-dist');
  const to = join(dist, 'pdfjs');
  mkdirSync(to, { recursive: true });
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
    const code = readFileSync(join(from, 'build', f), 'utf8');
    if (/\bnew Function\s*\(|\beval\s*\(/.test(code)) throw new Error(`pdfjs-dist ${f}: eval or new Function found`);
    writeFileSync(join(to, f), code);
  }
  cpSync(join(from, 'cmaps'), join(to, 'cmaps'), { recursive: true, filter: (p) => !p.endsWith('LICENSE') });
  cpSync(join(from, 'standard_fonts'), join(to, 'standard_fonts'), { recursive: true });
  cpSync(join(from, 'LICENSE'), join(to, 'LICENSE'));
}

/**
 * The stylesheets, both from www/css/: the page's style.css (tokens + components + page, its @imports
 * bundled) and the element's element-style.js (element + tokens + components, as a string for a
 * constructable stylesheet). One source, so the two cannot drift apart.
 */
export async function buildStyles(dist) {
  const page = await esbuild.build({
    entryPoints: [join(dist, 'style.css')], bundle: true, minify: true, write: false, loader: { '.css': 'css' },
  });
  writeFileSync(join(dist, 'style.css'), page.outputFiles[0].text);
  const source = ['element.css', 'tokens.css', 'components.css']
    .map((f) => readFileSync(join(dist, 'css', f), 'utf8'))
    .join('\n');
  const element = await esbuild.transform(source, { loader: 'css', minify: true });
  writeFileSync(join(dist, 'element-style.js'), `export const css = ${JSON.stringify(element.code)};\n`);
  rmSync(join(dist, 'css'), { recursive: true, force: true });
}

/**
 * The custom element for portals: dist/juesuan-checker.js holds the class and everything it imports in one
 * module (no side effect); dist/juesuan-element.js imports it and registers <juesuan-checker>. The element
 * starts juesuan-worker.js next to it.
 */
export async function bundleElement(dist) {
  const checker = await bundle(join(dist, 'juesuan-checker.js'), { external: ON_DEMAND });
  const element = await bundle(join(dist, 'juesuan-element.js'), { external: ['./juesuan-checker.js'] });
  writeFileSync(join(dist, 'juesuan-checker.js'), checker);
  writeFileSync(join(dist, 'juesuan-element.js'), element);
}

/**
 * Writes the cache version (a hash of the files a visit needs) and that file list into dist/sw.js. Only the
 * first load is fetched ahead; everything else of the site (examples, PDF.js, CMaps) is kept after its first
 * use.
 */
export function versionServiceWorker(dist, served) {
  const hash = createHash('sha256');
  for (const f of filesBelow(dist)) hash.update(f).update(readFileSync(join(dist, f)));
  const version = hash.digest('hex').slice(0, 12);
  const files = ['./', ...served.filter((f) => f !== 'sw.js').map((f) => `./${f}`)];
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
    .replace(/^const VERSION = .*$/m, `const VERSION = '${version}';`)
    .replace(/^const FILES = .*$/m, `const FILES = ${JSON.stringify(files)};`);
  writeFileSync(join(dist, 'sw.js'), sw);
  return version;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * dist/juesuan-kiosk.html: the page as one self-contained file that works from file:// with no network — the
 * page modules bundled into one inline module script, the styles inlined, a CSP that allows exactly those
 * inline hashes. A file:// page cannot start a worker from a URL: the core's worker is bundled as text and
 * started from a blob as a classic worker (CSP `worker-src blob:`), and handed the wasm bytes inlined in the page. The kiosk reads
 * pasted text and text files only (no PDF.js: it would add megabytes to the one file).
 */
export async function buildKiosk(dist) {
  // a classic worker: Chromium does not start a module worker from a blob in a file:// page (import.meta is
  // unused there: the kiosk hands the worker the wasm bytes)
  const workerSource = await bundle(join(dist, 'juesuan-worker.js'), { format: 'iife', logLevel: 'error' });
  const kioskWorker = {
    name: 'kiosk-worker',
    setup(build) {
      build.onResolve({ filter: /\/worker-factory\.js$/ }, () => ({ path: 'worker-factory', namespace: 'kiosk' }));
      build.onResolve({ filter: /^kiosk:worker-source$/ }, () => ({ path: 'worker-source', namespace: 'kiosk' }));
      build.onResolve({ filter: /\/pdf-reader\.js$/ }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /^worker-source$/, namespace: 'kiosk' }, () => ({ contents: workerSource, loader: 'text' }));
      build.onLoad({ filter: /^worker-factory$/, namespace: 'kiosk' }, () => ({
        contents: `import source from 'kiosk:worker-source';
import bytes from './juesuan_bg.wasm';
let url;
export function createWorker() {
  url ??= URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { name: 'juesuan-core' });
}
export function initMessage(module) {
  return module ? { type: 'init', module } : { type: 'init', bytes: bytes.slice() };
}`,
        resolveDir: dist,
        loader: 'js',
      }));
    },
  };
  const script = (await bundle(join(dist, 'main.js'), { loader: { '.wasm': 'binary' }, plugins: [kioskWorker] }))
    .replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(dist, 'style.css'), 'utf8');
  const csp = `default-src 'none'; script-src ${sha256(script)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha256(css)}; img-src data:; base-uri 'none'; form-action 'none'`;
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(/<html([^>]*)>/, (_, attrs) => `<html${attrs} data-kiosk="1">`)
    .replace(/<link rel="stylesheet" href="style.css">/, () => `<style>${css}</style>`)
    .replace(/<script type="module" src="main.js"><\/script>/, () => `<script type="module">${script}</script>`);
  if (/\b(?:src|href)="(?!data:|#)/.test(html)) throw new Error('kiosk: an external reference is left in the page');
  writeFileSync(join(dist, 'juesuan-kiosk.html'), html);
}

/** dist/npm/: the npm package `juesuan` (ESM glue, wasm, option-object API, custom element, types). */
export function buildNpmPackage(root, dist, version) {
  const out = join(dist, 'npm');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of ['juesuan.js', 'juesuan.d.ts', 'juesuan_bg.wasm', 'juesuan_bg.wasm.d.ts', 'juesuan-element.js', 'juesuan-checker.js', 'juesuan-worker.js', 'pdf-reader.js']) {
    try {
      cpSync(join(dist, f), join(out, f));
    } catch {
      // juesuan_bg.wasm.d.ts is only emitted by some wasm-bindgen versions; the element only when built
    }
  }
  cpSync(join(root, 'pkg', 'index.js'), join(out, 'index.js'));
  cpSync(join(root, 'pkg', 'index.d.ts'), join(out, 'index.d.ts'));
  const pkg = {
    name: 'juesuan',
    version,
    description: '决算校核计算器：部门决算公开说明与绩效自评表的精确校核（Rust/WebAssembly，数据不出浏览器）',
    license: 'MIT',
    type: 'module',
    main: './index.js',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './core': { types: './juesuan.d.ts', default: './juesuan.js' },
      './element': './juesuan-element.js',
      './checker': './juesuan-checker.js',
      './juesuan_bg.wasm': './juesuan_bg.wasm',
      './package.json': './package.json',
    },
    files: ['*.js', '*.d.ts', '*.wasm'],
    // importing the element registers <juesuan-checker>: that module must not be tree-shaken away
    sideEffects: ['./juesuan-element.js'],
  };
  writeFileSync(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  writeFileSync(join(out, 'README.md'), '# juesuan\n\n决算校核计算器的计算核心。用法见项目 README 的 “JS API” 一节。\n\n```js\nimport init, { review, calc } from \'juesuan\';\nawait init();\ncalc(\'variance\', \'993.12\', \'1497.60\').value; // "50.80"\nreview(text, { preset: \'deduct-per-point\', k: \'0.25\' }).claims;\n```\n');
}
