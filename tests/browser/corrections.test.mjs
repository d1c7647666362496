// Corrections and updates: the log at the foot of the page lists every entry of
// content.json newest first, each changed step carries an "Updated" mark that
// links to its entry, the JSON-LD says when the page last changed, and the log
// is there without JavaScript, in the single-file edition and in print.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  launch, loadContent, openApp, expectStep, assertNoErrors, trackErrors, norm, printedText, squashPrinted, DIST, TIMEOUT,
  TEST_TIMEOUT, SINGLE_FILE, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const updates = content.updates ?? [];
const newestFirst = [...updates].map((u, i) => ({ u, i }))
  .sort((a, b) => (a.u.date === b.u.date ? a.i - b.i : a.u.date < b.u.date ? 1 : -1)).map(({ u }) => u);

function readLog({ S }) {
  const t = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll(`section#corrections li${S.UPDATE_CLASS}`)].map((li) => ({
    id: li.id,
    date: li.querySelector('time')?.getAttribute('datetime') ?? null,
    text: t(li.querySelector(S.UPDATE_TEXT_CLASS)),
    steps: [...li.querySelectorAll(`${S.UPDATE_STEPS_CLASS} a`)].map((a) => a.getAttribute('href')),
  }));
}

const expectedLog = () => newestFirst.map((u) => ({
  id: `update-${u.id}`, date: u.date, text: norm(u.text), steps: u.steps.map((s) => `#step-${s}`),
}));

let app;
before(async () => {
  assert.ok(updates.length > 0, 'content.json has at least one correction or update');
  app = await launch();
});
after(async () => app?.close());

test('the log lists every entry newest first, and each changed step links to it', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  assert.deepEqual(await page.evaluate(readLog, IN_PAGE), expectedLog());
  for (const [i, step] of content.steps.entries()) {
    const own = newestFirst.filter((u) => u.steps.includes(step.id)).map((u) => `#update-${u.id}`);
    await openApp(page, app.baseUrl, `/#step-${step.id}`);
    await expectStep(page, content, i);
    const marks = await page.$$eval(`${S.SHOWN_STEP} ${S.STEP_UPDATED_CLASS} a`, (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(marks, own, `step ${step.id} marks the entries that changed it`);
  }
  // A mark leads to its entry; the entry's step link leads back.
  const step = content.steps.find((s) => updates.some((u) => u.steps.includes(s.id)));
  await openApp(page, app.baseUrl, `/#step-${step.id}`);
  const href = await page.getAttribute(`${S.SHOWN_STEP} ${S.STEP_UPDATED_CLASS} a >> nth=0`, 'href');
  await page.click(`${S.SHOWN_STEP} ${S.STEP_UPDATED_CLASS} a >> nth=0`);
  await page.waitForFunction((h) => location.hash === h, href, { timeout: TIMEOUT });
  assert.equal(await page.evaluate(({ S }) => document.querySelector(':target')?.matches(`li${S.UPDATE_CLASS}`), IN_PAGE), true, 'the entry is the target');
  await page.click(`${href} ${S.UPDATE_STEPS_CLASS} a[href="#step-${step.id}"]`);
  await expectStep(page, content, content.steps.indexOf(step));
  assertNoErrors(page);
  await page.close();
});

test('the page says when it last changed, and the log is there without JavaScript, in the single file and in print', { timeout: TEST_TIMEOUT }, async () => {
  const latest = updates.map((u) => u.date).sort().at(-1);
  for (const file of ['index.html', SINGLE_FILE]) {
    const html = await readFile(path.join(DIST, file), 'utf8');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
    assert.ok(ld, `${file} has JSON-LD`);
    assert.equal(JSON.parse(ld[1]).dateModified, latest, `${file}: dateModified is the latest entry's date`);
  }
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  trackErrors(page);
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  assert.deepEqual(await page.evaluate(readLog, IN_PAGE), expectedLog(), 'without JavaScript');
  await context.close();

  const single = await app.newPage();
  await single.goto(`${app.baseUrl}/${SINGLE_FILE}`, { waitUntil: 'load' });
  await single.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`);
  assert.deepEqual(await single.evaluate(readLog, IN_PAGE), expectedLog(), 'in the single file');
  await single.close();

  const live = await app.newPage();
  await openApp(live, app.baseUrl, '/');
  const printed = await printedText(live);
  for (const u of updates) {
    assert.ok(printed.includes(squashPrinted(u.text)), `entry ${u.id} is printed`);
  }
  assertNoErrors(live);
  await live.close();
});
