// The story's editions in other languages (story.json `editions`), as a reader
// and a crawler meet them: each at its folder (`es/`) in its language, quotes kept
// in the articles' words (with their language) and our translation under each,
// every sentence naming the same quotes as the original's, the editions linking
// each other both ways (`hreflang`, and a visible link that keeps the step), the
// page without scripts, the step pages, the oEmbed response and axe.
//
// Skipped for a story without editions.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  DIST, ROOT, STORY_DIR, TEST_TIMEOUT, TIMEOUT, launch, loadContent, loadStory, openApp, assertNoErrors, norm,
  citedSentences, openEvidence, STEP_HEADING, S, C, IN_PAGE
} from './support.mjs';

const story = loadStory();
const [edition] = story.editions ?? [];
const skip = !edition && 'the story has no edition in another language';
const original = loadContent();
const translated = edition
  ? JSON.parse(readFileSync(path.join(STORY_DIR, `content.${edition.folder}.json`), 'utf8'))
  : null;
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let app;
before(async () => {
  if (!skip) app = await launch();
});
after(async () => app?.close());

/** The edition's address on the test server. */
const editionPath = () => `/${edition.folder}/`;

/** Runs in the page: the shown step's sentences, each with its markers' numbers. */
function shownSentences({ S }) {
  const article = document.querySelector(S.SHOWN_STEP);
  return [...article.querySelectorAll(`${S.STEP_LEAD_CLASS} ${S.SAID_CLASS}`)].map((said) => ({
    markers: [...said.querySelectorAll(`a${S.REF_ATTRIBUTE}`)].map((a) => a.textContent.trim()),
  }));
}

test('the edition is its own page in its language, with the quotes in the articles’ words and our translation under each', { timeout: TEST_TIMEOUT, skip }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, editionPath());
  assert.equal(await page.getAttribute('html', 'lang'), edition.language, '<html lang> is the edition’s');
  assert.equal(norm(await page.textContent('h1')), norm(translated.title), 'the headline is the edition’s');
  await page.waitForSelector(STEP_HEADING);
  assert.equal(norm(await page.textContent(STEP_HEADING)), norm(translated.steps[0].title), 'the first step’s title');

  await openEvidence(page);
  const quotes = await page.evaluate(({ S, C }) =>
    [...document.querySelectorAll(`${S.SHOWN_STEP} figure${S.CITATION_CLASS}`)].map((figure) => ({
      id: figure.id,
      lang: figure.querySelector('blockquote')?.getAttribute('lang') ?? null,
      quote: figure.querySelector('blockquote')?.textContent.replace(/\s+/g, ' ').trim(),
      translation: figure.querySelector(S.QUOTE_TRANSLATION_CLASS)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    })), IN_PAGE,
  );
  assert.ok(quotes.length > 0, 'the first step shows its quotes');
  const byAnchor = new Map(translated.steps[0].citations.map((c) => [`quote-${c.id}`, c]));
  for (const quote of quotes) {
    const citation = byAnchor.get(quote.id);
    assert.ok(citation, `${quote.id} is a quote of the first step`);
    assert.equal(quote.lang, story.language, `${quote.id}: the quote says it is in the articles’ language`);
    assert.equal(quote.quote, norm(citation.quote), `${quote.id}: the quote is the article’s words, untranslated`);
    assert.ok(quote.translation?.startsWith(norm(citation.translation)), `${quote.id}: our translation follows it: ${quote.translation}`);
  }

  // Each sentence names the same quotes (the same numbers) as the original's.
  const spanish = await page.evaluate(shownSentences, IN_PAGE);
  const english = await app.newPage();
  await openApp(english, app.baseUrl, '/');
  await openEvidence(english);
  assert.deepEqual(spanish, await english.evaluate(shownSentences, IN_PAGE), 'the first step’s sentences name the same quotes in both editions');
  assert.equal(spanish.length, citedSentences(translated.steps[0].lead).length, 'one sentence per sentence of the edition’s lead');
  assert.equal(spanish.length, citedSentences(original.steps[0].lead).length, 'as many sentences as the original’s lead');
  assertNoErrors(page);
  assertNoErrors(english);
  await page.close();
  await english.close();
});

test('the editions link each other, for crawlers and for readers, at the step being read', { timeout: TEST_TIMEOUT, skip }, async () => {
  const alternates = (html) =>
    Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]));
  const root = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const es = readFileSync(path.join(DIST, edition.folder, 'index.html'), 'utf8');
  const canonical = (html) => /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];
  const expected = {
    [story.language]: canonical(root),
    [edition.language]: canonical(es),
    'x-default': canonical(root),
  };
  assert.ok(canonical(es)?.endsWith(`/${edition.folder}/`), `the edition’s canonical address is its folder: ${canonical(es)}`);
  assert.deepEqual(alternates(root), expected, 'the original lists every edition');
  assert.deepEqual(alternates(es), expected, 'the edition lists every edition');

  // The visible link keeps the step: from the original's second step to the
  // edition's second step, and back.
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  await page.click(S.PAGER_NEXT_CLASS);
  await page.waitForFunction((id) => location.hash === `#step-${id}`, original.steps[1].id, { timeout: TIMEOUT });
  const link = page.locator(`a[${C.EDITION_ATTRIBUTE}][hreflang="${edition.language}"]`);
  assert.equal(await link.getAttribute('lang'), edition.language);
  assert.equal(await link.getAttribute('href'), `${edition.folder}/#step-${original.steps[1].id}`);
  await link.click();
  await page.waitForURL(`**/${edition.folder}/#step-${original.steps[1].id}`, { timeout: TIMEOUT });
  await page.waitForFunction(
    ([selector, title]) => document.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() === title,
    [STEP_HEADING, norm(translated.steps[1].title)],
    { timeout: TIMEOUT },
  );
  const back = page.locator(`a[${C.EDITION_ATTRIBUTE}][hreflang="${story.language}"]`);
  assert.equal(await back.getAttribute('href'), `../#step-${original.steps[1].id}`);
  assertNoErrors(page);
  await page.close();
});

test('without scripts, the edition reads in full; its step pages, oEmbed response and single file are its own', { timeout: TEST_TIMEOUT, skip }, async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${editionPath()}`, { waitUntil: 'load' });
  const text = norm(await page.textContent('main'));
  for (const step of translated.steps) {
    assert.ok(text.includes(norm(step.title)), `the page without scripts has the step “${step.title}”`);
    for (const sentence of citedSentences(step.lead)) {
      assert.ok(text.includes(norm(sentence.text)), `…and its lead’s sentence “${sentence.text}”`);
    }
  }
  await context.close();

  const step = translated.steps[2];
  const share = readFileSync(path.join(DIST, edition.folder, 'step', step.id, 'index.html'), 'utf8');
  assert.match(share, new RegExp(`<html lang="${edition.language}">`), 'the step page says its language');
  assert.ok(share.includes(`content="${edition.language.replace('-', '_')}"`), 'og:locale is the edition’s');
  const oembed = JSON.parse(readFileSync(path.join(DIST, edition.folder, 'oembed.json'), 'utf8'));
  assert.equal(oembed.title, translated.title, 'the oEmbed response has the edition’s title');
  assert.ok(oembed.html.includes(`/${edition.folder}/?embed`), 'and embeds the edition');
  const single = path.join(DIST, edition.folder, `${story.slug}-${edition.folder}-offline.html`);
  assert.ok(existsSync(single), `the edition has its single file ${single}`);
  assert.match(readFileSync(single, 'utf8'), new RegExp(`<html lang="${edition.language}">`));
});

test('axe finds no violation on the edition, evidence open', { timeout: TEST_TIMEOUT, skip }, async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await openApp(page, app.baseUrl, editionPath());
  await openEvidence(page);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  const lines = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(lines, [], 'axe violations on the edition');
  await context.close();
});
