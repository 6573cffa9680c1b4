// Static file server for dist/ on 127.0.0.1. `node scripts/serve.mjs` or import { startServer }.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const defaultRoot = join(here, '..', 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/**
 * The same policy as the page's own <meta>, also sent as a header: a worker (the core's, PDF.js's) has no
 * document of its own, so only a header gives it a CSP — no eval there either. Deploy with this header.
 */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function handler(root) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, '.' + normalize(path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let st;
    try {
      st = statSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到\n');
      return;
    }
    if (st.isDirectory()) {
      res.writeHead(301, { Location: path + '/' }).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CSP,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/**
 * Serve `root` on 127.0.0.1, starting at `port` and trying the next ports while busy.
 * Port 0 picks any free port.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ root = defaultRoot, port = 8080, tries = 20 } = {}) {
  const absRoot = resolve(root);
  for (let p = port, i = 0; i < tries; i++, p = port === 0 ? 0 : p + 1) {
    const server = createServer(handler(absRoot));
    try {
      await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(p, '127.0.0.1', ok);
      });
    } catch (err) {
      if (err.code === 'EADDRINUSE') continue;
      throw err;
    }
    const actual = server.address().port;
    return {
      url: `http://127.0.0.1:${actual}/`,
      port: actual,
      close: () =>
        new Promise((ok) => {
          server.closeAllConnections?.();
          server.close(() => ok());
        }),
    };
  }
  throw new Error(`no free port from ${port} to ${port + tries - 1}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT) || 8080 });
  console.log(`juesuan: ${url}`);
}
