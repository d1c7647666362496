// The production server config, tested: deploy/nginx.conf (the block a newsroom
// pastes into its server) serving a copy of dist/ with Debian's nginx, under the
// sub-path and on the loopback port the build was given (EXPLAINER_PUBLIC_URL,
// read from the page's oEmbed link, so the oEmbed addresses resolve here).
//
// The test writes a whole nginx.conf around the shipped block, with only its
// dist path replaced, and runs its own nginx master process (not a system
// service: `daemon off`, its own prefix, pid and logs in a temporary folder),
// stopping it at the end. It checks every header the block promises against
// the files the build wrote (dist/_headers above all), then Chromium against
// nginx: the page goes live and a marker leads to its quote, the page without
// scripts, oEmbed discovery, a share page, the service worker's offline
// reload, and the update notice after a new build is deployed into the folder
// nginx serves.
//
// Needs nginx and the brotli static module from Debian (scripts/setup.sh
// installs nginx and libnginx-mod-http-brotli-static).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launchBrowser, loadContent, loadStory, openApp, waitForExplainer, followMarker, expectStep, waitTrue, controlled, readNotice, trackErrors,
  assertNoErrors, requireFile, stopProcess, norm, waitForHeading, ROOT, DIST, CONTENT_FILE, TIMEOUT, TEST_TIMEOUT, SINGLE_FILE, S, C
} from './support.mjs';
import { startHostServer } from './hosts.mjs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const BROTLI_MODULE = process.env.NGINX_BROTLI_MODULE || '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const MIME_TYPES = process.env.NGINX_MIME_TYPES || '/etc/nginx/mime.types';
/** The block a newsroom copies, and the dist path it names (replaced here). */
const SNIPPET = path.join(ROOT, 'deploy', 'nginx.conf');
const SNIPPET_DIST = '/srv/explainer/dist/';
/** Trunk's hashed file names: a 64-bit hash in hex without leading zeros (up to 16 digits; 14 seen). */
const HASHED = /-[0-9a-f]{1,16}(\.js|\.css|\.svg|_bg\.wasm)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

const content = loadContent();
const indexHtml = readFileSync(path.join(DIST, 'index.html'), 'utf8');
/** The public address the build was given: the folder of the oEmbed response. */
const publicUrl = new URL('./', /<link\b[^>]*type="application\/json\+oembed"[^>]*\bhref="([^"]*)"/.exec(indexHtml)?.[1] ?? 'invalid:');

/** dist/_headers as { pattern: { header: value } }. */
function parseHeaders(text) {
  const rules = {};
  let current;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line)) {
      const at = line.indexOf(':');
      current[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    } else {
      current = rules[line.trim()] = {};
    }
  }
  return rules;
}
const HEADERS = parseHeaders(readFileSync(path.join(DIST, '_headers'), 'utf8'));
/** The headers every answer carries (the `/*` block). */
const SITE_HEADERS = HEADERS['/*'];

let served; // the folder nginx serves: a copy of dist/, so a new build can be deployed into it
let work; // nginx's prefix: the generated conf, pid, logs, temp folders
let nginx; // the master process
let browser;

/** The whole nginx.conf: the shipped block, with its dist path replaced, in a minimal server. */
async function writeConf() {
  const block = (await readFile(SNIPPET, 'utf8')).replaceAll(SNIPPET_DIST, served + '/');
  assert.ok(block.includes(`location ${publicUrl.pathname} {`), `deploy/nginx.conf serves ${publicUrl.pathname}, the build's sub-path`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${work}/${t};`).join('\n');
  const conf = `load_module ${BROTLI_MODULE};
worker_processes 1;
events { worker_connections 64; }
http {
  include ${MIME_TYPES};
  default_type application/octet-stream;
  access_log off;
${temp}
  server {
    listen 127.0.0.1:${publicUrl.port};
    server_name localhost;
${block}
  }
}
`;
  const file = path.join(work, 'nginx.conf');
  await writeFile(file, conf);
  return file;
}

/** Resolves once something accepts connections on the port, or fails if nginx exits or the deadline passes. */
async function listening(proc, log) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`nginx exited (${proc.exitCode}): ${log()}`);
    const up = await new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port: Number(publicUrl.port) }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
  }
  throw new Error(`nginx did not listen on ${publicUrl.port} within ${TIMEOUT} ms: ${log()}`);
}

before(async () => {
  requireFile(NGINX, 'nginx');
  requireFile(BROTLI_MODULE, 'libnginx-mod-http-brotli-static');
  assert.ok(
    publicUrl.protocol === 'http:' && publicUrl.hostname === '127.0.0.1' && publicUrl.port,
    `nginx serves dist/ at the address the build was given, so it must be http://127.0.0.1:<port>/…/; the build used ${publicUrl}: ` +
      'rebuild with EXPLAINER_PUBLIC_URL=http://127.0.0.1:47809/graphics/explainer/',
  );
  work = await mkdtemp(path.join(os.tmpdir(), 'nginx-'));
  served = path.join(work, 'dist');
  await cp(DIST, served, { recursive: true });
  // nginx's workers run as an unprivileged user when the test runs as root.
  await chmod(work, 0o755);
  await mkdir(path.join(work, 'logs'));
  const conf = await writeConf();
  const global = `daemon off; master_process on; pid ${work}/nginx.pid; error_log ${work}/error.log;`;
  await promisify(execFile)(NGINX, ['-t', '-q', '-c', conf, '-p', work + '/', '-g', global]).catch((error) => {
    throw new Error(`nginx -t refuses the config: ${error.stderr}`);
  });
  nginx = spawn(NGINX, ['-c', conf, '-p', work + '/', '-g', global], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  nginx.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  const log = () => err + readFileSync(path.join(work, 'error.log'), { encoding: 'utf8', flag: 'a+' }).slice(-4000);
  await listening(nginx, log).catch(async (error) => {
    await stopProcess(nginx);
    throw new Error(`${error.message}\n(is port ${publicUrl.port} free? the oEmbed test uses it too)`);
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close().catch(() => {});
  // SIGQUIT: nginx's graceful stop; stopProcess falls back to SIGKILL.
  if (nginx && nginx.exitCode === null) process.kill(nginx.pid, 'SIGQUIT');
  await stopProcess(nginx);
  if (work) await rm(work, { recursive: true, force: true });
});

/** GET `file` (relative to the public address) from nginx, nothing decoded: { status, headers, body }. */
function get(file, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(file, publicUrl), { headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(TIMEOUT, () => req.destroy(new Error(`GET ${file}: no answer within ${TIMEOUT} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Every header of `_headers`' `/*` block, as `_headers` writes it. */
function assertSiteHeaders(res, file) {
  for (const [name, value] of Object.entries(SITE_HEADERS)) {
    assert.equal(res.headers[name], value, `${file}: ${name} as in dist/_headers`);
  }
}

/** Files the build wrote, relative to dist/, with their precompressed copies left out. */
async function builtFiles() {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => path.relative(DIST, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}

const step = content.steps[2];
/** Revalidated on every use: the pages, the worker, the version and oEmbed files, the cards, the logo and the share pages. */
const REVALIDATED = ['', 'index.html', 'sw.js', 'version.json', 'oembed.json', SINGLE_FILE, 'card.png', 'publisher-logo.png', `step/${step.id}/`, `step/${step.id}/card.png`];

test('premise: _headers has the policy and nosniff for every path, and CORS for the oEmbed response', () => {
  assert.match(SITE_HEADERS?.['content-security-policy'] ?? '', /^default-src 'self';/);
  assert.equal(SITE_HEADERS['x-content-type-options'], 'nosniff');
  assert.deepEqual(HEADERS[`${publicUrl.pathname}oembed.json`], { 'access-control-allow-origin': '*' });
});

test('hashed assets are cached for a year, immutable, with the security headers', { timeout: TEST_TIMEOUT }, async () => {
  const hashed = (await builtFiles()).filter((f) => HASHED.test(f));
  // Trunk's four, beside the page and beside each edition's in another language.
  const folders = 1 + (loadStory().editions ?? []).length;
  assert.deepEqual(
    hashed.map((f) => path.extname(f)).sort(),
    ['.css', '.js', '.svg', '.wasm'].flatMap((ext) => Array(folders).fill(ext)),
    `Trunk's hashed assets: ${hashed}`,
  );
  for (const file of hashed) {
    const res = await get(file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers['cache-control'], IMMUTABLE, `${file}: Cache-Control`);
    assertSiteHeaders(res, file);
  }
});

test('pages, sw.js, version.json, oembed.json, share pages and cards are revalidated, with the security headers', { timeout: TEST_TIMEOUT }, async () => {
  for (const file of REVALIDATED) {
    const res = await get(file);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers['cache-control'], 'no-cache', `${file || './'}: Cache-Control`);
    assertSiteHeaders(res, file || './');
    assert.equal(res.headers['access-control-allow-origin'], file === 'oembed.json' ? '*' : undefined, `${file || './'}: CORS only for oEmbed`);
  }
  // A revalidation answers 304 with the same headers.
  const first = await get('version.json');
  const again = await get('version.json', { 'if-none-match': first.headers.etag });
  assert.equal(again.status, 304, 'version.json revalidates by ETag');
  assert.equal(again.headers['cache-control'], 'no-cache');
  // A share page's address without its slash leads to it, relatively.
  const bare = await get(`step/${step.id}`);
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, `${publicUrl.pathname}step/${step.id}/`);
  // Files for servers are not served.
  for (const file of ['_headers', 'nginx-headers.conf']) assert.equal((await get(file)).status, 404, `${file} is not served`);
});

test('types: application/wasm, application/json, and UTF-8 text', { timeout: TEST_TIMEOUT }, async () => {
  const files = await builtFiles();
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  const expected = {
    [wasm]: 'application/wasm',
    'version.json': 'application/json; charset=utf-8',
    'oembed.json': 'application/json; charset=utf-8',
    'index.html': 'text/html; charset=utf-8',
    [files.find((f) => HASHED.test(f) && f.endsWith('.js'))]: 'application/javascript; charset=utf-8',
    [files.find((f) => f.endsWith('.css'))]: 'text/css; charset=utf-8',
    'sw.js': 'application/javascript; charset=utf-8',
    [`step/${step.id}/card.png`]: 'image/png',
  };
  for (const [file, type] of Object.entries(expected)) {
    for (const encoding of ['identity', 'br', 'gzip']) {
      assert.equal((await get(file, { 'accept-encoding': encoding })).headers['content-type'], type, `${file} (${encoding}): Content-Type`);
    }
  }
});

test('precompressed copies: .br for brotli, .gz for gzip, the file itself otherwise, with Vary', { timeout: TEST_TIMEOUT }, async () => {
  const files = (await builtFiles()).filter((f) => /\.(html|js|css|json|svg|wasm)$/.test(f));
  assert.ok(files.length >= 10, `compressible files: ${files}`);
  for (const file of files) {
    // A folder's page is asked for by the folder's address, as readers do.
    const url = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    const original = await readFile(path.join(DIST, file));
    for (const [accept, encoding, suffix] of [['br, gzip', 'br', '.br'], ['gzip', 'gzip', '.gz'], ['identity', undefined, '']]) {
      const res = await get(url, { 'accept-encoding': accept });
      assert.equal(res.status, 200, `${url} (${accept})`);
      assert.equal(res.headers['content-encoding'], encoding, `${url} (${accept}): Content-Encoding`);
      const body = suffix ? await readFile(path.join(DIST, file + suffix)) : original;
      assert.ok(res.body.equals(body), `${url} (${accept}): the body is ${file}${suffix}`);
      assert.match(res.headers.vary ?? '', /\bAccept-Encoding\b/i, `${url} (${accept}): Vary: Accept-Encoding`);
      assertSiteHeaders(res, `${url} (${accept})`);
    }
  }
});

/** A fresh browser context (service workers blocked unless asked for). */
async function freshContext(options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...options,
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  return context;
}

async function withPage(options, fn) {
  const context = await freshContext(options);
  try {
    const page = await context.newPage();
    trackErrors(page);
    await fn(page, context);
  } finally {
    await context.close().catch(() => {});
  }
}

const base = publicUrl.href.slice(0, -1); // openApp joins "/…" to it

test('Chromium: the page goes live and a marker moves focus to its quote', { timeout: TEST_TIMEOUT }, async () => {
  await withPage({}, async (page) => {
    const withMarkers = content.steps.find((s) => s.dispute) ?? content.steps[0];
    await openApp(page, base, `/#step-${withMarkers.id}`);
    await expectStep(page, content, content.steps.indexOf(withMarkers));
    const marker = await page.getAttribute(`${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}`, 'href');
    await followMarker(page, `${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}[href="${marker}"] >> nth=0`, 'mouse');
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, content.steps.indexOf(withMarkers) + 1);
    assertNoErrors(page);
  });
});

test('Chromium without JavaScript: every step is in the page', { timeout: TEST_TIMEOUT }, async () => {
  await withPage({ javaScriptEnabled: false }, async (page) => {
    await page.goto(publicUrl.href, { waitUntil: 'load' });
    assert.equal(await page.locator(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`).count(), 0, 'the wasm app did not run');
    const text = norm(await page.evaluate(() => document.body.innerText));
    assert.deepEqual(content.steps.map((s) => s.title).filter((t) => !text.includes(norm(t))), [], 'step titles missing');
    for (const s of content.steps) assert.equal(await page.locator(`[id="step-${s.id}"]`).count(), 1, `#step-${s.id} is in the page`);
    assertNoErrors(page);
  });
});

test('oEmbed discovery: the page links a response nginx serves, valid and for this page', { timeout: TEST_TIMEOUT }, async () => {
  await withPage({}, async (page) => {
    await page.goto(publicUrl.href, { waitUntil: 'load' });
    const href = await page.getAttribute('link[rel="alternate"][type="application/json+oembed"]', 'href');
    assert.equal(href, new URL('oembed.json', publicUrl).href);
    const response = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { status: res.status, type: res.headers.get('content-type'), json: await res.json() };
    }, href);
    assert.equal(response.status, 200);
    assert.equal(response.type, 'application/json; charset=utf-8');
    const oembed = response.json;
    assert.equal(oembed.version, '1.0');
    assert.equal(oembed.type, 'rich');
    assert.equal(norm(oembed.title), norm(content.title));
    assert.ok(oembed.html.includes(`src="${publicUrl.href}?embed"`), `the embed frames this page: ${oembed.html}`);
    // And by a script on another site's page (CORS: Access-Control-Allow-Origin: *).
    const host = await startHostServer(publicUrl.href);
    try {
      await page.goto(`${host.base}/pym.html`, { waitUntil: 'load' });
    } finally {
      await host.close();
    }
    const cross = await page.evaluate(async (href) => (await (await fetch(href)).json()).type, href);
    assert.equal(cross, 'rich', 'readable by scripts on another origin');
  });
});

test('a share page: its metadata for crawlers, and a reader sent on to its step', { timeout: TEST_TIMEOUT }, async () => {
  const html = (await get(`step/${step.id}/`)).body.toString('utf8');
  assert.ok(html.includes(`<meta property="og:url" content="${publicUrl.href}step/${step.id}/">`), 'og:url is the share address');
  const card = (await get(`step/${step.id}/card.png`)).body;
  assert.ok(card.subarray(1, 4).equals(Buffer.from('PNG')), 'the card is a PNG');
  await withPage({}, async (page) => {
    await page.goto(`${publicUrl.href}step/${step.id}/`, { waitUntil: 'load' });
    await waitForHeading(page, step.title);
    await expectStep(page, content, content.steps.indexOf(step));
    assertNoErrors(page);
  });
});

test('the service worker: after one visit, a reload offline shows the live explainer', { timeout: TEST_TIMEOUT }, async () => {
  await withPage({ serviceWorkers: 'allow' }, async (page, context) => {
    await openApp(page, base, '/');
    if (!(await page.evaluate(controlled))) {
      // The first visit may finish before the worker claims it; one reload must do.
      await page.reload({ waitUntil: 'load' });
      await waitTrue(page, () => !!navigator.serviceWorker.controller, null, 'a service worker controls the page');
    }
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL), `${publicUrl.href}sw.js`);
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await waitForExplainer(page);
    await expectStep(page, content, 0, { hash: false });
    await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, 1);
    assertNoErrors(page, { console: false }); // offline, version.json fails (Chromium logs it)
  });
});

/**
 * A new build, made as a deployment's would be: the build step re-renders a
 * copy of dist/ from an edited content file (the first step's title gains
 * " (updated)"). Returns its folder and the new title.
 */
async function nextBuild() {
  const stage = path.join(work, 'next');
  await cp(DIST, stage, { recursive: true });
  const source = await readFile(CONTENT_FILE, 'utf8');
  const title = content.steps[0].title;
  const encoded = JSON.stringify(title).slice(1, -1);
  assert.ok(source.includes(`"title": "${encoded}"`), 'the first step title is in content.json');
  const file = path.join(work, 'content.json');
  await writeFile(file, source.replace(`"title": "${encoded}"`, `"title": "${encoded} (updated)"`));
  await promisify(execFile)(
    'cargo',
    ['run', '-q', '--locked', '--offline', '--no-default-features', '--features', 'ssr', '--bin', 'postbuild', '--', stage],
    { cwd: ROOT, env: { ...process.env, EXPLAINER_CONTENT_FILE: file, EXPLAINER_PUBLIC_URL: publicUrl.href }, timeout: 150_000 },
  );
  return { stage, title: `${title} (updated)` };
}

/** Deploys `stage` into the folder nginx serves and reloads nginx, as deploy/nginx.conf asks (for nginx-headers.conf). */
async function deploy(stage) {
  await cp(stage, served, { recursive: true, force: true });
  process.kill(nginx.pid, 'SIGHUP');
}

test('a new build deployed into the served folder: an older page shows the update notice, every page then the new content', { timeout: 180_000 }, async () => {
  const next = await nextBuild();
  // A reader who visits before the deployment and comes back after it: their
  // browser's HTTP cache holds the older page (and nginx must make it ask again).
  const returning = await freshContext();
  // A page that asks for version.json only once the new build is in place: it
  // stands for a page opened before the deployment and asking after it (a cached
  // embed, a tab restored). The answer comes from nginx, untouched.
  const older = await freshContext();
  try {
    const visit = await returning.newPage();
    await openApp(visit, base, '/');
    await waitForHeading(visit, content.steps[0].title);
    await visit.close();

    const page = await older.newPage();
    trackErrors(page);
    let release;
    let ask;
    const held = new Promise((resolve) => (release = resolve));
    const asked = new Promise((resolve) => (ask = resolve));
    await page.route('**/version.json', async (route) => {
      ask();
      await held;
      await route.continue();
    });
    await openApp(page, base, '/');
    await asked;
    assert.equal((await readNotice(page)).visible, false, 'no notice before the deployment');
    await deploy(next.stage);
    release();
    await waitTrue(page, (id) => !document.getElementById(id).hidden, C.UPDATE_NOTICE_ID, 'the update notice appears');
    assert.equal((await readNotice(page)).visible, true, 'the notice is shown');
    await page.unroute('**/version.json');
    await Promise.all([
      page.waitForEvent('load'),
      page.locator(S.UPDATE_NOTICE_ID).getByRole('button', { name: 'Reload to read the current version' }).click(),
    ]);
    await waitForHeading(page, next.title);
    assert.equal((await readNotice(page)).visible, false, 'the reloaded page is current');
    assertNoErrors(page);

    const back = await returning.newPage();
    trackErrors(back);
    await openApp(back, base, '/');
    await waitForHeading(back, next.title);
    assertNoErrors(back);
  } finally {
    await returning.close().catch(() => {});
    await older.close().catch(() => {});
  }
});
