// What search engines and social networks read about the explainer, as real
// consumers read it: the structured-data-testing-tool's Google, Twitter and
// Facebook presets on the main page and on every step page, and
// open-graph-scraper on the main page. The expectations come from the story's
// own files (story.json: publisher, authors, dates; content.json: title,
// sources, updates), and the images the metadata names, the explainer's card
// and the publisher's logo, are read from the build and decoded with pngjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import sdtt from 'structured-data-testing-tool';
import presets from 'structured-data-testing-tool/presets.js';
import { PNG } from 'pngjs';
import { loadContent, loadStory, norm, DIST, TEST_TIMEOUT } from './support.mjs';

const { structuredDataTest } = sdtt;
const { Google, Twitter, Facebook } = presets;
const content = loadContent();
const story = loadStory();
const mainPage = readFileSync(path.join(DIST, 'index.html'), 'utf8');
/** The public address the build was given: the folder of its oembed.json. */
const oembedHref = /<link\b[^>]*type="application\/json\+oembed"[^>]*\shref="([^"]*)"/.exec(mainPage)?.[1];
const publicUrl = new URL('./', oembedHref.replaceAll('&amp;', '&'));

/** A file of the build named by an absolute address under the public address. */
function builtFile(url) {
  assert.ok(url.startsWith(publicUrl.href), `${url} is under the public address ${publicUrl.href}`);
  const file = path.join(DIST, decodeURIComponent(url.slice(publicUrl.href.length)));
  assert.ok(existsSync(file), `${url} is in the build (${file})`);
  return file;
}

/** The PNG a metadata address names, decoded. */
const png = (url) => PNG.sync.read(readFileSync(builtFile(url)));

/** Runs the three presets; fails with every failed test's name. */
async function presetsPass(html, where) {
  try {
    const result = await structuredDataTest(html, { presets: [Google, Twitter, Facebook] });
    assert.ok(result.passed.length > 0, `${where}: no test ran`);
    return result;
  } catch (error) {
    if (error?.type !== 'VALIDATION_FAILED') throw error;
    const failed = error.res.failed.map((t) => `${t.test} (${t.error?.message ?? t.description})`);
    assert.fail(`${where}: ${failed.length} structured-data test(s) failed:\n${failed.join('\n')}`);
  }
}

/** The main page's JSON-LD object. */
function jsonLd(html) {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'the main page has a JSON-LD block');
  return JSON.parse(m[1]);
}

test('the main page passes the Google, Twitter and Facebook presets', { timeout: TEST_TIMEOUT }, async () => {
  const result = await presetsPass(mainPage, 'index.html');
  const passed = result.passed.map((t) => t.test);
  for (const property of ['author', 'datePublished', 'image', 'publisher.logo.url']) {
    assert.ok(passed.some((t) => /^Article\[\d+\]\./.test(t) && t.endsWith(`.${property}`)),
      `the Google preset checked and passed the Article's ${property}: ${passed.join(', ')}`);
  }
});

test('every step page passes the Twitter and Facebook presets (and Google’s, which finds no article there)', { timeout: TEST_TIMEOUT }, async () => {
  for (const step of content.steps) {
    const file = path.join(DIST, 'step', step.id, 'index.html');
    await presetsPass(readFileSync(file, 'utf8'), `step/${step.id}/`);
  }
});

test('the article names the story’s publisher, logo, authors and dates, and the explainer’s own card', { timeout: TEST_TIMEOUT }, async () => {
  const article = jsonLd(mainPage);
  assert.equal(article['@type'], 'Article');
  assert.equal(article.headline, content.title);
  assert.equal(article.inLanguage, story.language);
  assert.equal(article.datePublished, story.date_published);
  const newest = content.updates.map((u) => u.date).sort().at(-1) ?? story.date_published;
  assert.equal(article.dateModified, newest, 'dateModified is the newest update’s date');
  assert.deepEqual(
    article.author.map((a) => [a['@type'], a.name]),
    story.authors.map((a) => [a.kind === 'person' ? 'Person' : 'Organization', a.name]),
    'the authors, in byline order',
  );
  assert.equal(article.publisher.name, story.publisher.name);
  assert.equal(article.mainEntityOfPage, publicUrl.href);
  assert.equal(article.citation.length, content.sources.length, 'every source is cited');

  const logo = png(article.publisher.logo.url);
  assert.equal(logo.height, 60, 'the logo is 60 pixels high (Google’s 600 × 60 box)');
  assert.ok(logo.width <= 600, `the logo is at most 600 wide: ${logo.width}`);
  assert.deepEqual([article.publisher.logo.width, article.publisher.logo.height], [logo.width, logo.height]);
  const card = png(article.image.url);
  assert.deepEqual([card.width, card.height], [1200, 630], 'the card is 1200 × 630');
  assert.deepEqual([article.image.width, article.image.height], [card.width, card.height]);
  // Drawn, not blank: the card has more than a handful of colours.
  const colours = new Set();
  for (let i = 0; i < card.data.length && colours.size < 50; i += 4 * 97) colours.add(card.data.readUInt32BE(i));
  assert.ok(colours.size >= 50, `the card is drawn (${colours.size} colours sampled)`);
});

test('open-graph-scraper reads the main page’s large card, its address and its publisher', { timeout: TEST_TIMEOUT }, async () => {
  const { error, result } = await ogs({ html: mainPage });
  assert.ok(!error, `open-graph-scraper failed: ${JSON.stringify(result)}`);
  assert.equal(result.ogTitle, content.title);
  assert.equal(result.ogType, 'article');
  assert.equal(result.ogUrl, publicUrl.href, 'og:url is the public address');
  assert.equal(result.ogSiteName, story.publisher.name, 'og:site_name is the publisher');
  assert.equal(result.ogLocale, story.language.replace('-', '_'));
  assert.equal(result.twitterCard, 'summary_large_image');
  const [image] = result.ogImage ?? [];
  assert.equal(image?.url, new URL('card.png', publicUrl).href, 'og:image is the explainer’s own card');
  assert.deepEqual([String(image.width), String(image.height), image.type], ['1200', '630', 'image/png']);
  assert.ok(norm(image.alt).startsWith(norm(content.title)), `og:image:alt names the explainer: ${image.alt}`);
  assert.equal(result.twitterImage?.[0]?.url, image.url, 'twitter:image is the same card');
  assert.equal(result.twitterImage?.[0]?.alt, image.alt, 'twitter:image:alt');
  assert.equal(result.articlePublishedTime, story.date_published, 'article:published_time');
  const newest = content.updates.map((u) => u.date).sort().at(-1) ?? story.date_published;
  assert.equal(result.articleModifiedTime, newest, 'article:modified_time');
});
