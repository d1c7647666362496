// Readable without JavaScript: the pre-rendered page alone carries every step,
// every quote and every source, its step links work, and its head has the
// social metadata, a JSON-LD Article citing every source, and a strict CSP.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loadContent, trackErrors, assertNoErrors, norm, allCitations, citedSentences, TIMEOUT, TEST_TIMEOUT, S, C } from './support.mjs';

const content = loadContent();
const quotes = allCitations(content).map((c) => norm(c.quote));

let app;
let context;

before(async () => {
  app = await launch();
  context = await app.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
});
after(async () => {
  await context?.close().catch(() => {});
  await app?.close();
});

async function openStatic() {
  const page = await context.newPage();
  trackErrors(page);
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  return { page };
}

test('without JavaScript the page has every step title, quote and source title', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = await openStatic();
  // Scripts really are off: the app never takes over.
  assert.equal(await page.locator(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`).count(), 0, 'the wasm app did not run');

  const text = norm(await page.evaluate(() => document.body.innerText));
  const missing = (list) => list.filter((t) => !text.includes(norm(t)));
  assert.deepEqual(missing(content.steps.map((s) => s.title)), [], 'step titles missing from the page text');
  const leadSentences = [content.answer.text, ...content.steps.map((s) => s.lead)].flatMap(citedSentences).map((s) => s.text);
  assert.deepEqual(missing(leadSentences), [], 'every sentence of the short answer and the leads is on the page');
  assert.deepEqual(missing(quotes), [], 'quotes missing from the page text');
  assert.deepEqual(missing(content.sources.map((s) => s.title)), [], 'source titles missing from the page text');
  assertNoErrors(page);
  await page.close();
});

test('without JavaScript every step anchor exists and the step list links scroll to it', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = await openStatic();
  for (const step of content.steps) {
    const anchors = await page.locator(`[id="step-${step.id}"]`).count();
    assert.equal(anchors, 1, `exactly one #step-${step.id}`);
    assert.equal(
      await page.locator(`article${S.STEP_CLASS}#step-${step.id}:visible`).count(),
      1,
      `#step-${step.id} is the step's article, shown without scripts`,
    );
  }
  // Walk the list backwards so every click has to scroll.
  for (const step of [...content.steps].reverse()) {
    const link = page.locator(`nav${S.STEP_LIST_CLASS} a[href="#step-${step.id}"]`);
    assert.equal(await link.count(), 1, `the step list links to #step-${step.id}`);
    await link.click();
    const want = `#step-${step.id}`;
    await page
      .waitForFunction(
        (w) => {
          const el = document.querySelector(w);
          if (location.hash !== w || !el) return false;
          const r = el.getBoundingClientRect();
          return r.top >= -1 && r.top < innerHeight && r.bottom > 0;
        },
        want,
        { timeout: TIMEOUT },
      )
      .catch(() => {});
    const state = await page.evaluate((w) => {
      const r = document.querySelector(w)?.getBoundingClientRect();
      return { hash: location.hash, top: r ? Math.round(r.top) : null, innerHeight };
    }, want);
    assert.equal(state.hash, want, 'the link sets location.hash');
    assert.ok(
      state.top !== null && state.top >= -1 && state.top < state.innerHeight,
      `${want} is scrolled into view (top ${state.top} of ${state.innerHeight})`,
    );
  }
  assertNoErrors(page);
  await page.close();
});

test('the head has Open Graph tags, a JSON-LD Article citing all sources, and a strict CSP', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = await openStatic();
  const head = await page.evaluate(() => {
    const attr = (sel, name) => document.head.querySelector(sel)?.getAttribute(name) ?? null;
    return {
      ogTitle: attr('meta[property="og:title"]', 'content'),
      ogDescription: attr('meta[property="og:description"]', 'content'),
      jsonLd: [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
      csp: [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) =>
        m.getAttribute('content'),
      ),
      cspIsFirst: document.head.firstElementChild?.matches('meta[http-equiv="Content-Security-Policy" i]') ?? false,
    };
  });
  assert.equal(norm(head.ogTitle), norm(content.title), 'og:title is the explainer title');
  // The short answer is the page's description: its first whole sentences, at most 200 characters.
  const answer = citedSentences(content.answer.text).map((s) => s.text);
  assert.ok(norm(head.ogDescription).startsWith(answer[0]) && head.ogDescription.length <= 200,
    `og:description opens with the short answer: ${head.ogDescription}`);
  assert.ok(answer.some((_, n) => norm(head.ogDescription) === answer.slice(0, n + 1).join(' ')),
    'og:description is whole sentences of the short answer');

  assert.equal(head.jsonLd.length, 1, 'one JSON-LD script');
  let article;
  assert.doesNotThrow(() => (article = JSON.parse(head.jsonLd[0])), 'JSON-LD parses');
  assert.equal(article['@type'], 'Article', 'JSON-LD is an Article');
  assert.ok(Array.isArray(article.citation), 'Article.citation is an array');
  const cited = article.citation.map((c) => norm(typeof c === 'string' ? c : c.name)).sort();
  assert.deepEqual(cited, content.sources.map((s) => norm(s.title)).sort(), 'Article.citation lists every source title');

  assert.equal(head.csp.length, 1, 'one CSP meta tag');
  assert.ok(head.cspIsFirst, 'the CSP meta is the first element in head, before any script');
  const csp = head.csp[0];
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
  }
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
  assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"), `CSP script-src allows 'wasm-unsafe-eval': ${csp}`);
  assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp), `CSP allows no unsafe-inline/unsafe-eval: ${csp}`);
  await page.close();
});
