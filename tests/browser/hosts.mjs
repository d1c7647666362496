// Host pages on another origin for the embedding tests: a server for the pages in
// embed-hosts/ (with the app's address and any pasted snippet filled in) and the
// real embed libraries from node_modules, and helpers that wait for the iframe
// to fit the framed document.
//
// The host server (support.mjs's one server, the host pages its request hook) is
// addressed as localhost:<B>; the app is served on 127.0.0.1:<A> (support.mjs):
// different sites, so the frame is cross-origin exactly as on a real news site.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBED_NAME, ROOT, startServer } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const HOSTS = path.join(here, 'embed-hosts');
/** Longest single wait. */
export const WAIT = 15_000;
/** Heights may differ by rounding: the app reports whole pixels, rounded up. */
export const TOLERANCE = 2;

// ---------------------------------------------------------------------------
// Host server: embed-hosts/*.html with the app URL (and pasted snippets) filled
// in, plus the two embed libraries from node_modules.

const VENDOR = {
  '/vendor/pym.v1.min.js': path.join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'),
  '/vendor/frames.umd.js': path.join(ROOT, 'node_modules/@newswire/frames/dist/frames.umd.js'),
};
const SNIPPET_MARKER = '<!-- __SNIPPET__ -->';

export async function startHostServer(appUrl) {
  const snippets = new Map(); // host page name -> snippet text pasted at the marker
  const server = await startServer(null, {
    onRequest: async (req, res, { pathname }) => {
      if (pathname === '/favicon.ico') {
        res.writeHead(204).end(); // the host's own icon: not part of the embed
        return true;
      }
      if (VENDOR[pathname]) {
        const body = await readFile(VENDOR[pathname]);
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(body);
        return true;
      }
      const name = /^\/([a-z0-9-]+\.html)$/.exec(pathname)?.[1];
      const page = name && (await readFile(path.join(HOSTS, name), 'utf8').catch(() => null));
      if (!page) return false; // the server's 404
      let html = page.replaceAll('__APP_URL__', appUrl).replaceAll('__EMBED_NAME__', EMBED_NAME);
      if (html.includes(SNIPPET_MARKER)) {
        if (!snippets.has(name)) {
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`no snippet pasted into ${name}`);
          return true;
        }
        html = html.replace(SNIPPET_MARKER, () => snippets.get(name));
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
      return true;
    },
  });
  return {
    // "localhost" and "127.0.0.1" are different sites: the frame is cross-origin.
    base: `http://localhost:${server.port}`,
    snippets,
    close: server.close,
  };
}

// ---------------------------------------------------------------------------
// Helpers

/** Resolves on the page's next animation frame. */
export const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));

/**
 * Polls `check` (async, returns { ok, ...details }) once per animation frame of
 * `page` until it is ok `times` times in a row; fails with the last details.
 */
export async function until(page, check, what, { timeout = WAIT, times = 1 } = {}) {
  const deadline = Date.now() + timeout;
  let streak = 0;
  let last;
  for (;;) {
    last = await check();
    streak = last.ok ? streak + 1 : 0;
    if (streak >= times) return last;
    if (Date.now() > deadline) assert.fail(`${what} (waited ${timeout} ms): ${JSON.stringify(last)}`);
    await nextFrame(page);
  }
}

/** The iframe's height in the host and its document's height, side by side. */
export async function heights(iframe, frame) {
  const outer = await iframe.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { height: r.height, width: r.width };
  });
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return {
    ok: Math.abs(outer.height - inner) <= TOLERANCE,
    iframe: outer.height,
    document: inner,
    width: outer.width,
  };
}

/** Waits until the iframe fits its document (two frames running), returns the heights. */
export async function waitForFit(page, iframe, frame, when) {
  return until(page, () => heights(iframe, frame), `iframe height fits the embedded page ${when}`, { times: 2 });
}

