// Shareable steps: every step has its own page (dist/step/<id>/index.html) with
// its own title, description, canonical link and Open Graph / Twitter card tags,
// and a 1200×630 card made at build time; a reader opening it lands on the
// explainer at that step; "Share this step" copies that address, or, inside a
// host page's frame, the host page's address with ?explainer-step=<id>, which
// reopens the host page at that step through the app's own embed snippets.
//
// A real Open Graph consumer, open-graph-scraper, reads each step page from dist/
// served at the public address the build was given (as oembed.test.mjs does:
// scripts/test.sh builds with http://127.0.0.1:47809/graphics/explainer/), and
// the card it names is fetched and decoded with pngjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import { PNG } from 'pngjs';
import {
  launch, loadContent, assertNoErrors, norm, plainCited, waitForExplainer, expectStep, word,
  DIST, TEST_TIMEOUT, TIMEOUT, S, C, IN_PAGE
} from './support.mjs';
import { startHostServer, until, waitForFit, WAIT } from './hosts.mjs';

const content = loadContent();
const STEPS = content.steps;
const page = readFileSync(path.join(DIST, 'index.html'), 'utf8');
/** The public address the build was given: the folder of its oembed.json. */
const oembedHref = /<link\b[^>]*type="application\/json\+oembed"[^>]*\shref="([^"]*)"/.exec(page)?.[1];
const publicUrl = oembedHref ? new URL('./', oembedHref.replaceAll('&amp;', '&')) : null;
const stepPage = (id) => new URL(`step/${id}/`, publicUrl).href;
const HOST_STEP_PARAM = 'explainer-step';

let app;
let host;

before(async () => {
  assert.ok(publicUrl, 'dist/index.html names its public address (oEmbed discovery link)');
  assert.ok(
    publicUrl.protocol === 'http:' && publicUrl.hostname === '127.0.0.1' && publicUrl.port,
    `dist/ must be built for a loopback address to be served there; it was built for ${publicUrl}: ` +
      'rebuild with EXPLAINER_PUBLIC_URL=http://127.0.0.1:47809/graphics/explainer/',
  );
  app = await launch({ serve: { port: Number(publicUrl.port), prefix: publicUrl.pathname } });
  host = await startHostServer(publicUrl.href);
  // The clipboard, for the explainer's own origin and the host pages'.
  for (const origin of [publicUrl.origin, host.base]) {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
});
after(async () => {
  await app?.close();
  await host?.close();
});

/** What open-graph-scraper returns for a step page (asked once per step). */
const scraped = new Map();
function scrape(id) {
  if (!scraped.has(id)) {
    scraped.set(id, ogs({ url: stepPage(id), timeout: 10 }).then(({ error, result }) => {
      assert.ok(!error, `open-graph-scraper failed on ${stepPage(id)}: ${JSON.stringify(result)}`);
      return result;
    }));
  }
  return scraped.get(id);
}

/** Fetches and decodes a PNG. */
async function fetchPng(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, `${url}: HTTP ${response.status}`);
  assert.equal(response.headers.get('content-type'), 'image/png', `${url} is served as a PNG`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, png: PNG.sync.read(bytes) };
}

test('every step page gives a real Open Graph consumer its own title, description and 1200×630 card', { timeout: TEST_TIMEOUT * 2 }, async () => {
  const seen = { titles: new Set(), descriptions: new Set(), images: new Set(), pixels: new Set() };
  for (const [i, step] of STEPS.entries()) {
    const result = await scrape(step.id);
    if (i === 1) console.log(`open-graph-scraper for ${stepPage(step.id)}:\n${JSON.stringify(result, null, 2)}`);
    const where = `step ${i + 1} (${step.id})`;
    const title = norm(step.title);
    assert.equal(result.ogTitle, title, `${where}: og:title is the step's title`);
    assert.equal(result.twitterTitle, title, `${where}: twitter:title`);
    assert.equal(result.twitterCard, 'summary_large_image', `${where}: twitter:card`);
    assert.equal(result.ogType, 'article', `${where}: og:type`);
    assert.equal(result.ogUrl, stepPage(step.id), `${where}: og:url is the step page's own absolute address`);
    assert.ok(norm(result.ogSiteName).length > 0, `${where}: og:site_name`);

    // Our own cited words, without markers: the step's first sentences, cut at a word.
    const description = result.ogDescription;
    const words = norm(plainCited(step.lead));
    assert.ok(description.length > 40 && [...description].length <= 200, `${where}: description of 40 to 200 characters: ${description}`);
    assert.ok(words.startsWith(description.replace(/…$/, '')), `${where}: the description is the step's own first words:\n${description}`);
    assert.doesNotMatch(description, /\[/, `${where}: no markers in the description`);
    assert.equal(result.twitterDescription, description, `${where}: twitter:description`);

    const [image] = result.ogImage ?? [];
    assert.equal(image?.url, new URL(`step/${step.id}/card.png`, publicUrl).href, `${where}: og:image is the step's card, absolute`);
    assert.equal(String(image.width), '1200', `${where}: og:image:width`);
    assert.equal(String(image.height), '630', `${where}: og:image:height`);
    assert.equal(image.type, 'image/png', `${where}: og:image:type`);
    assert.ok(norm(image.alt).includes(title), `${where}: og:image:alt names the step`);
    assert.equal(result.twitterImage?.[0]?.url, image.url, `${where}: twitter:image`);
    const { bytes, png } = await fetchPng(image.url);
    assert.deepEqual({ width: png.width, height: png.height }, { width: 1200, height: 630 }, `${where}: the card decodes to 1200×630`);
    seen.titles.add(title);
    seen.descriptions.add(description);
    seen.images.add(image.url);
    seen.pixels.add(createHash('sha256').update(png.data).digest('hex'));
    assert.ok(bytes.length < 150_000, `${where}: the card is ${bytes.length} bytes`);
  }
  for (const [what, set] of Object.entries(seen)) {
    assert.equal(set.size, STEPS.length, `every step has its own ${what}`);
  }
});

test('a step page links its canonical address and sends a reader to the explainer at that step', { timeout: TEST_TIMEOUT * 2 }, async () => {
  for (const [i, step] of STEPS.entries()) {
    const html = readFileSync(path.join(DIST, 'step', step.id, 'index.html'), 'utf8');
    assert.ok(html.includes(`<link rel="canonical" href="${stepPage(step.id)}">`), `${step.id}: canonical link`);
    assert.ok(html.includes(`href="../../#step-${step.id}"`), `${step.id}: a plain link to the explainer at the step`);
    const reader = await app.newPage();
    await reader.goto(stepPage(step.id), { waitUntil: 'load' });
    await waitForExplainer(reader);
    await expectStep(reader, content, i);
    assert.equal(reader.url(), `${publicUrl.href}#step-${step.id}`, 'the explainer at the step');
    assertNoErrors(reader);
    // The step page replaced itself: back leaves (to the blank page it was opened from), it does not bounce.
    await reader.goBack();
    assert.equal(reader.url(), 'about:blank', 'the step page left no history entry');
    await reader.close();
  }
});

/** The visible step's share control in `scope` (a page or a frame). */
const SHARE = `${S.SHOWN_STEP} ${S.SHARE_STEP_CLASS}`;

/**
 * Presses "Share this step" in `scope` and returns what it offered: the address
 * copied (read back from the clipboard through `reader`, a page of the origin
 * the clipboard permission covers), or the address shown to copy by hand.
 */
async function share(scope, reader) {
  await scope.click(`${SHARE} button`);
  await scope.waitForFunction((sel) => document.querySelector(`${sel} [role=status]`)?.textContent.trim() !== '', SHARE, { timeout: WAIT });
  const state = await scope.evaluate((sel) => {
    const control = document.querySelector(sel);
    const field = control.querySelector('input');
    return {
      status: control.querySelector('[role=status]').textContent.trim(),
      fieldShown: !field.hidden && field.getClientRects().length > 0,
      field: field.value,
      selected: document.activeElement === field && field.selectionStart === 0 && field.selectionEnd === field.value.length,
    };
  }, SHARE);
  if (state.status === word('step', 'share_copied')) {
    assert.equal(state.fieldShown, false, 'no field when the link was copied');
    return { how: 'clipboard', address: await reader.evaluate(() => navigator.clipboard.readText()) };
  }
  assert.equal(state.status, word('step', 'share_failed'), `the status says what happened: ${state.status}`);
  assert.ok(state.fieldShown && state.selected, `the address is shown, focused and selected: ${JSON.stringify(state)}`);
  return { how: 'field', address: state.field };
}

test('Share this step copies the step page’s address, and says so', { timeout: TEST_TIMEOUT }, async () => {
  const reader = await app.newPage();
  await reader.goto(`${publicUrl.href}#step-${STEPS[1].id}`, { waitUntil: 'load' });
  await waitForExplainer(reader);
  // The page as rendered (and without scripts): a plain link to the step page.
  const link = await reader.evaluate((sel) => {
    const a = document.querySelector(`${sel} a`);
    return { href: a.getAttribute('href'), shown: a.getClientRects().length > 0 };
  }, SHARE);
  assert.deepEqual(link, { href: `step/${STEPS[1].id}/`, shown: false }, 'the link gives way to the button in the live app');
  const { how, address } = await share(reader, reader);
  assert.equal(how, 'clipboard');
  assert.equal(address, stepPage(STEPS[1].id));

  // A parentUrl outside a frame is no host page: the step page is offered.
  await reader.goto(`${publicUrl.href}?parentUrl=${encodeURIComponent('https://elsewhere.example/')}#step-${STEPS[2].id}`);
  await waitForExplainer(reader);
  assert.equal((await share(reader, reader)).address, stepPage(STEPS[2].id));
  assertNoErrors(reader);
  await reader.close();
});

test('when the clipboard refuses, the address is shown selected to copy by hand', { timeout: TEST_TIMEOUT }, async () => {
  const reader = await app.newPage();
  await reader.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }),
    });
  });
  await reader.goto(`${publicUrl.href}#step-${STEPS[3].id}`, { waitUntil: 'load' });
  await waitForExplainer(reader);
  const { how, address } = await share(reader, reader);
  assert.equal(how, 'field');
  assert.equal(address, stepPage(STEPS[3].id));
  assertNoErrors(reader);
  await reader.close();
});

/** The app's own snippets, read from its embed panel once it is live. */
async function snippets() {
  const own = await app.newPage();
  await own.goto(publicUrl.href, { waitUntil: 'load' });
  await own.waitForFunction(
    ({ S, C }) => document.querySelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="pym"] textarea`)?.value.includes(location.origin),
    IN_PAGE,
    { timeout: TIMEOUT },
  );
  const read = (kind) => own.inputValue(`div${S.SNIPPET_CLASS}[${C.SNIPPET_ATTRIBUTE}="${kind}"] textarea`);
  const found = { iframe: await read('iframe'), pym: await read('pym') };
  await own.close();
  return found;
}

/**
 * Opens a host page and waits for the explainer in its frame (`resized`: the
 * host's snippet sizes the frame to its page, so wait for that too).
 */
async function openHost(url, { resized = true } = {}) {
  const hostPage = await app.newPage();
  await hostPage.goto(url, { waitUntil: 'load' });
  const iframe = await hostPage.waitForSelector('iframe', { state: 'attached', timeout: WAIT });
  let frame;
  await until(hostPage, async () => {
    frame = await iframe.contentFrame();
    return { ok: Boolean(frame?.url().startsWith(publicUrl.href)), url: frame?.url() ?? null };
  }, `${url}: the frame loads the explainer`);
  await waitForExplainer(frame);
  // A reader clicks once the frame has its full height: a click aimed while the
  // host was still growing the frame (its document then stops scrolling inside
  // it, and Next moves) was lost once in a clean-clone run.
  if (resized) await waitForFit(hostPage, iframe, frame, 'before the reader clicks');
  return { hostPage, frame };
}

/** The step shown in a frame. */
const frameStep = (frame) =>
  frame.evaluate(({ S, C }) => document.querySelector(S.SHOWN_STEP)?.getAttribute(C.STEP_ATTRIBUTE), IN_PAGE);

for (const [kind, hostFile] of [['pym', 'pym-snippet.html'], ['iframe', 'plain.html']]) {
  test(`embedded with the ${kind} snippet, Share offers the host page at the step, which reopens there`, { timeout: TEST_TIMEOUT }, async () => {
    host.snippets.set(hostFile, (await snippets())[kind]);
    const article = `${host.base}/${hostFile}?section=tech`;
    const { hostPage, frame } = await openHost(article);
    await frame.click(S.PAGER_NEXT_CLASS);
    await until(hostPage, async () => ({ ok: (await frameStep(frame)) === STEPS[1].id }), 'the frame moves to step 2');
    const { how, address } = await share(frame, hostPage);
    console.log(`${kind} snippet: Share offered ${address} (${how})`);
    const expected = new URL(article);
    expected.searchParams.set(HOST_STEP_PARAM, STEPS[1].id);
    assert.equal(address, expected.href, 'the host page’s address with the step');
    assertNoErrors(hostPage);
    await hostPage.close();

    // A reader following the link opens the host page, whose snippet opens the frame at the step.
    const again = await openHost(address);
    await until(again.hostPage, async () => ({ ok: (await frameStep(again.frame)) === STEPS[1].id, step: await frameStep(again.frame) }), 'the frame opens at the shared step');
    assertNoErrors(again.hostPage);
    await again.hostPage.close();
  });
}

test('embedded with a parentUrl that is not http(s), Share offers the step page instead', { timeout: TEST_TIMEOUT }, async () => {
  const src = `${publicUrl.href}?embed&parentUrl=${encodeURIComponent('javascript:alert(1)//https://x.example/')}#step-${STEPS[1].id}`;
  host.snippets.set('plain.html', `<iframe src="${src}" title="t" width="100%" allow="clipboard-write"></iframe>`);
  const { hostPage, frame } = await openHost(`${host.base}/plain.html`, { resized: false });
  const { address } = await share(frame, hostPage);
  assert.equal(address, stepPage(STEPS[1].id));
  assertNoErrors(hostPage);
  await hostPage.close();
});
