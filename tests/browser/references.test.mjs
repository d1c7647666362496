// Every sentence of our own words carries reference markers that lead to the
// quotes it rests on: the numbers match content.json, each marker's target is a
// quote of the same step (or the same flow), and using a marker moves focus to
// that quote and highlights it, by mouse, by keyboard, without JavaScript, in
// the single-file edition and inside a host page's frame.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, loadContent, openApp, followMarker, assertNoErrors, trackErrors, norm, citedSentences as sentences, quoteNumbering,
  stepTexts, perspectiveNotes, openEvidence, timelineEvents, DIST, TIMEOUT,
  TEST_TIMEOUT, SINGLE_FILE, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();

/** What a step shows as (sentence | numbers), in either perspective, its evidence open. */
function expectedStepSentences(step, creator) {
  const { numberOf } = quoteNumbering(step.citations, stepTexts(step));
  const texts = [step.lead, ...(step.details ?? []), ...(step.dispute ? [step.dispute] : []), ...(creator ? perspectiveNotes(step) : [])];
  return texts.flatMap(sentences).map((s) => `${s.text} | ${[...new Set(s.ids.map(numberOf))].join(',')}`).sort();
}

/** Reads the current step's sentences and where each marker leads. Runs in the page. */
function readStepReferences({ S }) {
  const article = document.querySelector(S.SHOWN_STEP);
  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
  // What the reader sees: the creator's note is in every step, shown only in creator view.
  return [...article.querySelectorAll(S.SENTENCE_CLASS)].filter((s) => s.getClientRects().length > 0).map((s) => {
    const own = [...s.childNodes].filter((n) => !(n.nodeType === 1 && n.matches('sup'))).map((n) => n.textContent).join('');
    return {
      text: own.replace(/\s+/g, ' ').trim(),
      links: [...s.querySelectorAll(`sup a${S.REF_LINK_CLASS}`)].map((a) => {
        const target = document.getElementById(a.getAttribute('href').slice(1));
        return {
          number: text(a),
          aria: a.getAttribute('aria-label'),
          targetInStep: !!target && article.contains(target),
          targetIsQuote: !!target && target.matches(`figure${S.CITATION_CLASS}`),
          targetNumber: target ? text(target.querySelector(S.CITATION_NUMBER_CLASS)) : null,
          quote: target ? text(target.querySelector('blockquote')) : null,
          speaker: target ? text(target.querySelector(S.CITATION_SPEAKER_CLASS)) : null,
        };
      }),
    };
  });
}

let app;
before(async () => {
  app = await launch();
});
after(async () => app?.close());

test('every sentence of every step, in both views, names the right quotes of its own step', { timeout: TEST_TIMEOUT }, async (t) => {
  const page = await app.newPage();
  for (const creator of [false, true]) {
    for (const step of content.steps) {
      await t.test(`${step.id}${creator ? ' (creator)' : ''}`, async () => {
        await openApp(page, app.baseUrl, `/${creator ? '?view=creator' : ''}#step-${step.id}`);
        await openEvidence(page);
        const { quotes } = quoteNumbering(step.citations, stepTexts(step));
        const shown = await page.evaluate(readStepReferences, IN_PAGE);
        assert.ok(shown.length > 0, 'the step has sentences');
        for (const sentence of shown) {
          assert.ok(sentence.links.length > 0, `“${sentence.text}” carries a marker`);
          for (const link of sentence.links) {
            assert.ok(link.targetInStep && link.targetIsQuote, `marker ${link.number} of “${sentence.text}” leads to a quote of this step`);
            assert.equal(link.targetNumber, link.number, 'the quote shows the number of the marker');
            assert.equal(link.quote, norm(quotes[Number(link.number) - 1].quote), `quote ${link.number} is content.json's`);
            assert.equal(link.aria.trim(), `quote ${link.number}`, 'a screen reader hears “quote N” (the quote names its speaker)');
            const who = norm(quotes[Number(link.number) - 1].who);
            assert.ok(link.speaker.endsWith(`: ${who}`), `quote ${link.number} says whose words it reports (${link.speaker})`);
          }
        }
        const got = shown.map((s) => `${s.text} | ${s.links.map((l) => l.number).join(',')}`).sort();
        assert.deepEqual(got, expectedStepSentences(step, creator));
      });
    }
  }
  assertNoErrors(page);
  await page.close();
});

test('every sentence of the flow table names its own flow’s quotes', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  const rows = await page.$$eval(`table${S.FLOW_TABLE_CLASS} tbody tr`, (trs, { S, C }) =>
    trs.map((tr) => ({
      flow: tr.getAttribute(C.FLOW_ATTRIBUTE),
      sentences: [...tr.querySelectorAll(S.SENTENCE_CLASS)].map((s) => ({
        text: [...s.childNodes].filter((n) => !(n.nodeType === 1 && n.matches('sup'))).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim(),
        links: [...s.querySelectorAll(`a${S.REF_LINK_CLASS}`)].map((a) => {
          const target = document.getElementById(a.getAttribute('href').slice(1));
          return {
            number: a.textContent.trim(),
            inRow: !!target && tr.contains(target),
            targetNumber: target?.querySelector(S.CITATION_NUMBER_CLASS)?.textContent.trim() ?? null,
            quote: target?.querySelector('q')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
          };
        }),
      })),
    })), IN_PAGE,
  );
  assert.deepEqual(rows.map((r) => r.flow), content.flows.map((f) => f.id));
  for (const [i, flow] of content.flows.entries()) {
    // A flow's quotes are numbered in the order the flow lists them.
    const quotes = flow.citations;
    const numberOf = (id) => quotes.findIndex((c) => c.id === id) + 1;
    const expected = [flow.label, flow.detail, flow.attribution].flatMap(sentences)
      .map((s) => `${s.text} | ${[...new Set(s.ids.map(numberOf))].join(',')}`).sort();
    const got = rows[i].sentences.map((s) => `${s.text} | ${s.links.map((l) => l.number).join(',')}`).sort();
    assert.deepEqual(got, expected, `flow ${flow.id}`);
    for (const link of rows[i].sentences.flatMap((s) => s.links)) {
      assert.ok(link.inRow, `flow ${flow.id}: marker ${link.number} leads to its own row`);
      assert.equal(link.targetNumber, link.number);
      assert.equal(link.quote, norm(quotes[Number(link.number) - 1].quote));
    }
  }
  assertNoErrors(page);
  await page.close();
});

test('a marker moves focus to its quote and highlights it, by mouse and by keyboard', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const step = content.steps.find((s) => s.dispute) ?? content.steps[0];
  await openApp(page, app.baseUrl, `/#step-${step.id}`);
  // The markers a reader sees with the evidence folded: the lead's.
  const markers = await page.$$eval(`${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}`, (as) =>
    as.filter((a) => a.getClientRects().length > 0).map((a) => a.getAttribute('href')));
  assert.ok(new Set(markers).size >= 2, 'the step has markers to two quotes at least');
  const [first, second] = [...new Set(markers)];
  await followMarker(page, `${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}[href="${first}"] >> nth=0`, 'mouse');
  await followMarker(page, `${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS}[href="${second}"] >> nth=0`, 'keyboard');
  // The flow table's markers work the same way.
  await followMarker(page, `table${S.FLOW_TABLE_CLASS} a${S.REF_LINK_CLASS} >> nth=0`, 'mouse');
  assertNoErrors(page);
  await page.close();
});

test('without JavaScript every marker is a link to a quote that becomes the :target', { timeout: TEST_TIMEOUT }, async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  trackErrors(page);
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  const links = await page.$$eval(`a${S.REF_LINK_CLASS}`, (as, { S, C }) => {
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    return {
      duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      broken: as.filter((a) => !document.getElementById(a.getAttribute('href').slice(1))?.matches(`figure${S.CITATION_CLASS}, ${S.FLOW_EVIDENCE_CLASS}`))
        .map((a) => a.getAttribute('href')),
      count: as.length,
    };
  }, IN_PAGE);
  assert.deepEqual(links.duplicateIds, [], 'every id on the page is unique');
  assert.deepEqual(links.broken, [], 'every marker leads to a quote');
  const total = [content.answer.text, ...content.steps.flatMap(stepTexts),
    ...content.flows.flatMap((f) => [f.label, f.detail, f.attribution])].flatMap(sentences).length;
  assert.ok(links.count >= total, `at least one marker per sentence of the answer, the steps and the table (${links.count} for ${total})`);
  // Follow a marker in the last step (every step is on the page without scripts).
  const last = content.steps.at(-1);
  const selector = `article#step-${last.id} sup a${S.REF_LINK_CLASS} >> nth=0`;
  const href = await page.getAttribute(selector, 'href');
  await page.click(selector);
  await page.waitForFunction((h) => location.hash === h, href, { timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), href.slice(1), 'the quote is the :target');
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.querySelector(':target')).backgroundColor !== 'rgba(0, 0, 0, 0)'),
    true,
    'the :target quote is highlighted',
  );
  assertNoErrors(page);
  await context.close();
});

test('markers work in the single-file edition from file:// and inside a host page’s frame', { timeout: TEST_TIMEOUT }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'references-single-'));
  try {
    const file = path.join(dir, SINGLE_FILE);
    await copyFile(path.join(DIST, SINGLE_FILE), file);
    const page = await app.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
    await followMarker(page, `${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS} >> nth=0`, 'mouse');
    assertNoErrors(page);
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // A host page on another origin (localhost vs 127.0.0.1) frames the compact embed.
  const host = await app.newPage();
  const embedUrl = `${app.baseUrl.replace('127.0.0.1', 'localhost')}/?embed`;
  await host.setContent(`<!doctype html><title>Host</title><iframe src="${embedUrl}" title="Explainer" width="800" height="1500"></iframe>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
  const href = await frame.getAttribute(`${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS} >> nth=0`, 'href');
  await frame.click(`${S.SHOWN_STEP} sup a${S.REF_LINK_CLASS} >> nth=0`);
  await frame.waitForFunction((id) => document.activeElement?.id === id, href.slice(1), { timeout: TIMEOUT }).catch(() => {});
  assert.equal(await frame.evaluate(() => document.activeElement?.id), href.slice(1), 'focus moves to the quote inside the frame');
  assert.equal(await frame.evaluate(({ id, C }) => document.getElementById(id).classList.contains(C.HIGHLIGHT_CLASS), { id: href.slice(1), ...IN_PAGE }), true);
  assertNoErrors(host);
  await host.close();
});
