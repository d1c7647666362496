// oEmbed: a real consumer, @extractus/oembed-extractor, is given only the page's
// address. It finds the page in no provider list, so it discovers the endpoint
// from the page's <link rel="alternate" type="application/json+oembed">, fetches
// dist/oembed.json and returns the embed. Its `html`, pasted into a host page on
// another origin, must make an iframe that resizes to the explainer.
//
// The response holds absolute addresses fixed at build time (EXPLAINER_PUBLIC_URL).
// So this test serves dist/ at exactly the address the build was given, read from
// the built page's discovery link, which must be a loopback http address:
// scripts/test.sh builds with http://127.0.0.1:47809/graphics/explainer/ (a
// sub-path, as news sites publish graphics); a build without the variable uses
// http://127.0.0.1:8080/, the local preview's address.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import { launch, loadContent, assertNoErrors, norm, DIST, TEST_TIMEOUT, TIMEOUT, SINGLE_FILE, S, C, IN_PAGE } from './support.mjs';
import { startHostServer, until, waitForFit, WAIT } from './hosts.mjs';

const content = loadContent();
const page = readFileSync(path.join(DIST, 'index.html'), 'utf8');

/** The discovery link's attributes, read from the built page. */
function discoveryLink(html) {
  const tag = /<link\b[^>]*type="application\/json\+oembed"[^>]*>/.exec(html)?.[0];
  if (!tag) return null;
  const attr = (name) =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
      .replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { tag, rel: attr('rel'), href: attr('href'), title: attr('title') };
}

const link = discoveryLink(page);
/** The public address the build was given: the folder of oembed.json. */
const publicUrl = link ? new URL('./', link.href) : null;

let app; // support.mjs launch(), serving dist/ at the public address
let host;

before(async () => {
  assert.ok(link, 'dist/index.html has an oEmbed discovery link');
  assert.ok(
    publicUrl.protocol === 'http:' && publicUrl.hostname === '127.0.0.1' && publicUrl.port,
    `this test serves dist/ at the address the build was given, so it must be http://127.0.0.1:<port>/…/; ` +
      `the build used ${publicUrl}: rebuild with EXPLAINER_PUBLIC_URL=http://127.0.0.1:47809/graphics/explainer/`,
  );
  try {
    app = await launch({ serve: { port: Number(publicUrl.port), prefix: publicUrl.pathname } });
  } catch (error) {
    assert.fail(
      `cannot serve dist/ at ${publicUrl} (${error.code ?? error}): free port ${publicUrl.port}, ` +
        'or rebuild with EXPLAINER_PUBLIC_URL set to another loopback address',
    );
  }
  host = await startHostServer(publicUrl.href);
});
after(async () => {
  await app?.close();
  await host?.close();
});

let consumed;
/** What the consumer returns for the page's address (asked once). */
function consume() {
  consumed ??= extract(publicUrl.href);
  return consumed;
}

test('the page links its oEmbed response, titled, from the head', () => {
  assert.equal(link.rel, 'alternate');
  assert.equal(link.href, new URL('oembed.json', publicUrl).href, 'the link is absolute and points to oembed.json');
  assert.equal(norm(link.title), norm(content.title));
  const head = page.slice(0, page.indexOf('</head>'));
  assert.ok(head.includes(link.tag), 'the link is in <head>');
  // The single-file edition, read from disk, is no oEmbed provider.
  const offline = readFileSync(path.join(DIST, SINGLE_FILE), 'utf8');
  assert.equal(discoveryLink(offline), null, 'no discovery link in the single-file edition');
});

test('a real oEmbed consumer discovers the endpoint from the page and gets the rich embed', { timeout: TEST_TIMEOUT }, async () => {
  const result = await consume();
  console.log(`oEmbed as returned by @extractus/oembed-extractor for ${publicUrl.href}:\n${JSON.stringify(result, null, 2)}`);
  assert.equal(result.method, 'auto-discovery', 'found through the page’s link, not a provider list');
  const embedUrl = `${publicUrl.href}?embed`;
  assert.equal(result.version, '1.0');
  assert.equal(result.type, 'rich');
  assert.equal(norm(result.title), norm(content.title));
  assert.equal(result.provider_url, publicUrl.href);
  assert.ok(typeof result.provider_name === 'string' && result.provider_name.length > 0, 'provider_name');
  for (const key of ['width', 'height']) {
    assert.ok(Number.isInteger(result[key]) && result[key] >= 300, `${key} is a whole number of pixels: ${result[key]}`);
  }
  // The html is the page's own "Plain iframe" snippet for its public address.
  const tag = /^<iframe\b[^>]*>/.exec(result.html)?.[0] ?? '';
  assert.ok(tag.includes(` src="${embedUrl}"`), `iframe src is ${embedUrl}: ${tag}`);
  for (const attr of ['width="100%"', 'loading="lazy"', 'title="']) assert.ok(tag.includes(attr), `${attr} in ${tag}`);
  assert.doesNotMatch(tag, /\sheight\s*=/, 'no fixed height on the iframe');
  assert.match(result.html, /<\/iframe>\s*<script>[\s\S]*embed-size[\s\S]*<\/script>$/, 'the resize listener follows the iframe');

  const own = await app.newPage();
  await own.goto(publicUrl.href, { waitUntil: 'load' });
  await own.waitForFunction(
    ({ S, C }) => document.querySelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="iframe"] textarea`)?.value.includes(location.origin),
    IN_PAGE,
    { timeout: TIMEOUT },
  );
  const panel = await own.inputValue(`div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="iframe"] textarea`);
  assert.equal(result.html, panel, 'the oEmbed html is exactly the embed panel’s iframe snippet');
  assertNoErrors(own);
  await own.close();
});

test('the oEmbed html, pasted into a page on another site, resizes to the explainer', { timeout: TEST_TIMEOUT }, async () => {
  const { html } = await consume();
  host.snippets.set('plain.html', html);
  const hostPage = await app.newPage();
  await hostPage.goto(`${host.base}/plain.html`, { waitUntil: 'load' });
  const iframe = await hostPage.waitForSelector('iframe', { state: 'attached', timeout: WAIT });
  let frame;
  await until(hostPage, async () => {
    frame = await iframe.contentFrame();
    return { ok: Boolean(frame?.url().startsWith(publicUrl.href)), url: frame?.url() ?? null };
  }, 'the pasted iframe loads the explainer');
  await frame.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { state: 'visible', timeout: WAIT });
  const first = await waitForFit(hostPage, iframe, frame, 'after load');
  assert.ok(first.iframe > 300, `the iframe grew from the default 150px: ${JSON.stringify(first)}`);

  await frame.click(S.PAGER_NEXT_CLASS);
  await frame.waitForFunction(
    ({ id, S, C }) => document.querySelector(S.SHOWN_STEP)?.getAttribute(C.STEP_ATTRIBUTE) === id,
    { id: content.steps[1].id, ...IN_PAGE },
    { timeout: WAIT },
  );
  await waitForFit(hostPage, iframe, frame, 'at step 2');
  await hostPage.setViewportSize({ width: 320, height: 800 });
  const narrow = await until(hostPage, async () => {
    const w = await iframe.evaluate((el) => el.getBoundingClientRect().width);
    return { ok: w <= 320, width: w };
  }, 'the iframe follows the host width');
  assert.ok(narrow.ok);
  const fit = await waitForFit(hostPage, iframe, frame, 'at 320px');
  assert.ok(fit.iframe > first.iframe, `taller when narrow, and the iframe followed: ${first.iframe} -> ${fit.iframe}`);
  assertNoErrors(hostPage);
  await hostPage.close();
});
