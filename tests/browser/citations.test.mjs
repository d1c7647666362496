// Every quote points at its source entry, every quote is verbatim from
// content.json, and the sources section links back to the steps citing it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, openApp, expectStep, expectHeadingFocused, assertNoErrors, norm, allCitations, TEST_TIMEOUT, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const sourceIds = new Set(content.sources.map((s) => s.id));

/** Every quote content.json attributes to each source (the answer, steps, flows and timeline events). */
const quotesBySource = new Map(content.sources.map((s) => [s.id, new Set()]));
for (const c of allCitations(content)) {
  quotesBySource.get(c.source)?.add(norm(c.quote));
}
const key = (source, quote) => `${source} | ${norm(quote)}`;
const stepCitations = (step) => step.citations.map((c) => key(c.source, c.quote)).sort();
const flowCitations = content.flows.flatMap((f) => f.citations).map((c) => key(c.source, c.quote)).sort();
const citingSteps = (id) =>
  content.steps.filter((s) => s.citations.some((cit) => cit.source === id));

let app;

before(async () => {
  assert.equal(content.sources.length, 5, 'content.json lists five sources');
  app = await launch();
});
after(async () => app?.close());

/** Every blockquote[cite] and q[cite] on the page, with what its cite points at. */
function readQuotes({ S, C }) {
  return [...document.querySelectorAll('blockquote[cite], q[cite]')].map((el) => {
    const cite = el.getAttribute('cite');
    const id = cite.startsWith('#') ? cite.slice(1) : null;
    const target = id ? document.getElementById(id) : null;
    return {
      tag: el.tagName.toLowerCase(),
      cite,
      text: (el.tagName === 'BLOCKQUOTE' ? [...el.querySelectorAll('p')].map((p) => p.textContent).join(' ') : el.textContent)
        .replace(/\s+/g, ' ')
        .trim(),
      targetIsSource: !!target && target.matches(`li${S.SOURCE_CLASS}`),
      targetFile: target?.getAttribute(C.SOURCE_FILE_ATTRIBUTE) ?? null,
      inStep: !!el.closest(S.SHOWN_STEP),
      inTable: !!el.closest(`table${S.FLOW_TABLE_CLASS}`),
    };
  });
}

function checkQuote(q) {
  const m = /^#source-(.+)$/.exec(q.cite);
  assert.ok(m, `${q.tag} cite "${q.cite}" has the form #source-<id>`);
  const id = m[1];
  assert.ok(sourceIds.has(id), `${q.tag} cites a source in content.json: ${id}`);
  assert.ok(q.targetIsSource, `${q.cite} points at an li${S.SOURCE_CLASS} element`);
  assert.equal(q.targetFile, `${id}.txt`, `${q.cite} has data-file="${id}.txt"`);
  assert.ok(q.text.length > 0, `${q.tag} citing ${id} has text`);
  assert.ok(quotesBySource.get(id).has(q.text), `quote is one content.json attributes to ${id}: "${q.text}"`);
  return key(id, q.text);
}

test('every quote cites an existing source entry and is verbatim from content.json', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  for (let i = 0; i < N; i++) {
    if (i > 0) await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, i, { hash: i > 0 });
    const quotes = await page.evaluate(readQuotes, IN_PAGE);
    const inStep = quotes.filter((q) => q.inStep && q.tag === 'blockquote').map(checkQuote).sort();
    assert.deepEqual(inStep, stepCitations(content.steps[i]), `step "${content.steps[i].id}" quotes all its citations`);
    const inTable = quotes.filter((q) => q.inTable && q.tag === 'q').map(checkQuote).sort();
    assert.deepEqual(inTable, flowCitations, 'the flow table quotes every flow citation');
    // Any other quote on the page must be just as sound.
    quotes.filter((q) => !q.inStep && !q.inTable).forEach(checkQuote);
  }
  assertNoErrors(page);
  await page.close();
});

test('the sources section lists all five sources with their titles', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  const listed = await page.$$eval(`li${S.SOURCE_CLASS}`, (lis, { S, C }) =>
    lis.map((li) => ({
      id: li.id,
      file: li.getAttribute(C.SOURCE_FILE_ATTRIBUTE),
      title: li.querySelector(S.SOURCE_TITLE_CLASS)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    })),
    IN_PAGE,
  );
  assert.deepEqual(
    listed,
    content.sources.map((s) => ({ id: `source-${s.id}`, file: `${s.id}.txt`, title: norm(s.title) })),
  );
  assertNoErrors(page);
  await page.close();
});

test('"Cited in" links go to exactly the steps citing each source, and open them', { timeout: TEST_TIMEOUT }, async (t) => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  for (const source of content.sources) {
    await t.test(`source ${source.id}`, async () => {
      const hrefs = await page.$$eval(`li${S.SOURCE_CLASS}[id="source-${source.id}"] ul${S.SOURCE_CITED_CLASS} a`, (as) =>
        as.map((a) => a.getAttribute('href')),
      );
      const expected = citingSteps(source.id).map((s) => `#step-${s.id}`);
      assert.deepEqual(hrefs, expected, `"Cited in" of ${source.id}`);
      if (expected.length === 0) return;
      // Open the last citing step that is not the one shown, so the click moves.
      const current = await page.$eval(S.SHOWN_STEP, (a, step) => a.getAttribute(step), C.STEP_ATTRIBUTE);
      const target = [...citingSteps(source.id)].reverse().find((s) => s.id !== current) ?? citingSteps(source.id)[0];
      await page.click(`li${S.SOURCE_CLASS}[id="source-${source.id}"] ul${S.SOURCE_CITED_CLASS} a[href="#step-${target.id}"]`);
      await expectStep(page, content, content.steps.indexOf(target));
      await expectHeadingFocused(page);
    });
  }
  assertNoErrors(page);
  await page.close();
});
