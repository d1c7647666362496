// The one static server of the browser tests and the benchmark (support.mjs
// re-exports it): the built app, host pages, fault injection, each an option of
// the same server on Node's http.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Content types by extension (anything else is application/octet-stream). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file suffix of each content coding the build writes beside its files. */
const SUFFIX = { br: '.br', gzip: '.gz' };

/** Whether the request's Accept-Encoding accepts `coding` (a token with no q=0). */
function accepts(req, coding) {
  return String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(/\s*;\s*/))
    .some(([token, ...params]) => token.toLowerCase() === coding && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
}

/**
 * Serves `root` on `host` (127.0.0.1) at an ephemeral port (or `port`), at the site
 * root or under `prefix` (e.g. "/graphics/explainer/"; other paths are 404s).
 * Options:
 * - `index`: the file a path ending in "/" serves; `root` must hold it (else the
 *   build is missing and this throws). `root` may be null: a server of `onRequest` only.
 * - `cache`: the Cache-Control of every file ("no-store": nothing is kept between tests).
 * - `headers`: more headers for every file, an object or `(pathname) => object`.
 * - `encodings`: content codings to answer with, in order of preference, from the
 *   copies the build writes beside each file (["br", "gzip"]: `x.br`, `x.gz`) when
 *   the client accepts them; `compressMissing`: gzip a file that has no `.gz` copy
 *   (level 9, once). With none (the default), files go as they are.
 * - `onRequest(req, res, { pathname })`: runs first for every request (fixtures:
 *   host pages, fault injection); it returns true (or a promise of true) when it
 *   has answered, anything else to let the static files answer.
 * Returns { server, port, baseUrl, close() }; close() ends open connections too.
 */
export async function startServer(
  root,
  {
    port = 0,
    host = '127.0.0.1',
    prefix = '/',
    index = 'index.html',
    cache = 'no-store',
    headers = {},
    encodings = [],
    compressMissing = false,
    onRequest = null,
  } = {},
) {
  if (root && index && !existsSync(path.join(root, index))) {
    throw new Error(`${root}/${index} is missing: build the app first (trunk build --release --offline)`);
  }
  const gzipped = new Map(); // file -> gzip of it, for compressMissing
  const notFound = (res) => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  const server = createServer(async (req, res) => {
    try {
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch (error) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
        return;
      }
      if (onRequest && (await onRequest(req, res, { pathname })) === true) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (!root || !pathname.startsWith(prefix)) {
        notFound(res);
        return;
      }
      pathname = '/' + pathname.slice(prefix.length);
      if (pathname.endsWith('/')) {
        if (!index) return notFound(res);
        pathname += index;
      }
      const file = path.resolve(root, '.' + pathname);
      if (file !== root && !file.startsWith(path.resolve(root) + path.sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        notFound(res);
        return;
      }
      const head = {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': cache,
        ...(typeof headers === 'function' ? headers(pathname) : headers),
      };
      let body = null;
      if (encodings.length) {
        head.Vary = 'Accept-Encoding';
        for (const coding of encodings.filter((c) => accepts(req, c))) {
          body = await readFile(file + SUFFIX[coding]).catch(() => null);
          if (!body && coding === 'gzip' && compressMissing) {
            if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(await readFile(file), { level: 9 }));
            body = gzipped.get(file);
          }
          if (body) {
            head['Content-Encoding'] = coding;
            break;
          }
        }
      }
      body ??= await readFile(file);
      head['Content-Length'] = body.length;
      res.writeHead(200, head);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (res.headersSent) res.destroy(error);
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = server.address().port;
  return {
    server,
    port: bound,
    baseUrl: `http://${host}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
