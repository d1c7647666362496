// The timeline: every event of content.json in its order, each with who, when
// (with the precision its data gives), one cited line, its quotes and its step;
// the subject's on one side and everyone else's on the other; walked by keyboard;
// events open steps and steps open events, with the URL saying which, through
// reload and back/forward; present without JavaScript, in the single-file
// edition, embedded and in print.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, loadContent, openApp, waitTrue, assertNoErrors, trackErrors, expectStep, norm, plainCited,
  printedText, squashPrinted, citedSentences, timelineEvents, openEvidence, DIST, TIMEOUT, TEST_TIMEOUT, SINGLE_FILE, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const events = timelineEvents(content);

/** The precision a dating's fields give, computed here from content.json. */
function precision(d) {
  if (d.end_year != null || d.end_month != null) return 'range';
  if (d.year != null) return d.month != null ? 'month-year' : 'year';
  return d.month != null ? 'month' : 'relative';
}

/** What the timeline shows, read from the page. Runs in the page. */
function readTimeline({ S, C }) {
  const t = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = (el) => {
    if (!el) return '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll(`sup${S.REF_CLASS}`).forEach((s) => s.remove());
    return t(copy);
  };
  const section = document.querySelector(`section${S.TIMELINE_ID}`);
  return {
    visible: !!section && section.getClientRects().length > 0,
    stageVisible: document.querySelector(S.STAGE_CLASS)?.getClientRects().length > 0,
    events: [...document.querySelectorAll(`ol${S.TIMELINE_LIST_CLASS} > li${S.EVENT_CLASS}`)].map((li) => ({
      id: li.id,
      side: li.classList.contains(C.EVENT_SUBJECT_CLASS) ? 'subject' : li.classList.contains(C.EVENT_OTHERS_CLASS) ? 'others' : null,
      left: Math.round(li.getBoundingClientRect().left),
      badge: t(li.querySelector(S.BADGE_CLASS)),
      dates: [...li.querySelectorAll(S.EVENT_DATE_CLASS)].map((d) => ({
        label: t(d.querySelector(`${S.EVENT_DATE_LABEL_CLASS}, strong`)),
        precision: [...d.classList].find((c) => c.startsWith('event-date--'))?.slice('event-date--'.length) ?? null,
        evidenceIsQuote: [...d.querySelectorAll(`a${S.REF_LINK_CLASS}`)].every((a) => li.contains(document.getElementById(a.getAttribute('href').slice(1)))),
      })),
      text: words(li.querySelector(S.EVENT_TEXT_CLASS)),
      quotes: [...li.querySelectorAll('blockquote')].map(t),
      step: li.querySelector(`${S.EVENT_STEP_CLASS} a`)?.getAttribute('href') ?? null,
      open: li.getAttribute('aria-current') === 'true',
    })),
    focused: document.activeElement?.id ?? null,
    hash: location.hash,
    show: new URLSearchParams(location.search).get('show'),
    announcer: t(document.querySelector(S.ANNOUNCER_ATTRIBUTE)),
  };
}

let app;
before(async () => {
  assert.ok(events.length > 0, 'content.json has a timeline');
  app = await launch();
});
after(async () => app?.close());

function expectedEvents() {
  return events.map((e) => ({
    id: `event-${e.id}`,
    side: e.speaker === 'subject' ? 'subject' : 'others',
    dates: e.when.map((d) => ({ label: norm(d.label), precision: precision(d), evidenceIsQuote: true })),
    text: plainCited(e.text),
    quotes: e.citations.map((c) => norm(c.quote)),
    step: `#step-${e.step}`,
  }));
}

const shape = (shown) => shown.events.map(({ id, side, dates, text, quotes, step }) => ({ id, side, dates, text, quotes, step }));

test('the timeline shows every event in order with who, when, its line, its quotes and its step', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/?show=timeline');
  await waitTrue(page, ({ S }) => document.querySelector(`section${S.TIMELINE_ID}`)?.getClientRects().length > 0, IN_PAGE, 'the timeline is shown');
  const shown = await page.evaluate(readTimeline, IN_PAGE);
  assert.equal(shown.stageVisible, false, 'the step-by-step stage is hidden in the timeline view');
  assert.deepEqual(shape(shown), expectedEvents());
  // Each event says who speaks: one badge per speaker, a different one for each.
  const badgeOf = new Map();
  for (const [i, e] of events.entries()) {
    assert.ok(shown.events[i].badge.length > 0, `event ${e.id} says who speaks`);
    assert.equal(badgeOf.get(e.speaker) ?? shown.events[i].badge, shown.events[i].badge, `one badge for ${e.speaker}`);
    badgeOf.set(e.speaker, shown.events[i].badge);
  }
  assert.equal(new Set(badgeOf.values()).size, badgeOf.size, 'each speaker has its own badge');
  // The subject's events on one side, everyone else's on the other (at 1280px).
  const lefts = (side) => shown.events.filter((e) => e.side === side).map((e) => e.left);
  if (lefts('subject').length && lefts('others').length) {
    assert.ok(Math.max(...lefts('subject')) < Math.min(...lefts('others')), 'the subject’s events sit left of the others');
  }
  assertNoErrors(page);
  await page.close();
});

test('walking the timeline by keyboard opens and focuses each event in turn', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/?show=timeline');
  await page.waitForSelector(`section${S.TIMELINE_ID}:not([hidden])`);
  for (let i = 0; i < events.length; i++) {
    await page.keyboard.press('ArrowRight');
    const id = `event-${events[i].id}`;
    await waitTrue(page, (id) => document.activeElement?.id === id && location.hash === `#${id}`, id, `→ opens and focuses ${id}`);
    const shown = await page.evaluate(readTimeline, IN_PAGE);
    assert.deepEqual(shown.events.filter((e) => e.open).map((e) => e.id), [id], 'exactly one event is open');
    assert.equal(shown.show, 'timeline');
    assert.equal(shown.announcer, '', 'the event is heard from its entry, which has focus: nothing is announced besides');
  }
  await page.keyboard.press('ArrowLeft');
  const back = `event-${events[events.length - 2].id}`;
  await waitTrue(page, (id) => document.activeElement?.id === id, back, '← opens the previous event');
  assertNoErrors(page);
  await page.close();
});

test('an event opens its step, back returns to the event, and a step opens its events', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  const event = events[Math.floor(events.length / 2)];
  const stepIndex = content.steps.findIndex((s) => s.id === event.step);
  await openApp(page, app.baseUrl, `/?show=timeline#event-${event.id}`);
  await page.waitForSelector(`li#event-${event.id}[aria-current="true"]`);
  // Reload keeps the view and the event.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] li#event-${event.id}[aria-current="true"]`);
  assert.equal((await page.evaluate(readTimeline, IN_PAGE)).visible, true, 'after reload the timeline is still shown');

  await page.click(`li#event-${event.id} ${S.EVENT_STEP_CLASS} a`);
  await expectStep(page, content, stepIndex);
  let shown = await page.evaluate(readTimeline, IN_PAGE);
  assert.deepEqual({ visible: shown.visible, stage: shown.stageVisible, show: shown.show }, { visible: false, stage: true, show: null },
    'the step-by-step view replaces the timeline and the URL names the step');

  await page.goBack();
  await waitTrue(page, ({ id, S }) => location.hash === `#event-${id}` && document.querySelector(`section${S.TIMELINE_ID}`)?.getClientRects().length > 0, { id: event.id, ...IN_PAGE },
    'back returns to the timeline at the event');
  shown = await page.evaluate(readTimeline, IN_PAGE);
  assert.deepEqual(shown.events.filter((e) => e.open).map((e) => e.id), [`event-${event.id}`]);
  await page.goForward();
  await expectStep(page, content, stepIndex);

  // From the step, its "On the timeline" links open its events.
  const own = events.filter((e) => e.step === event.step);
  const links = await page.$$eval(`${S.SHOWN_STEP} ${S.STEP_TIMELINE_CLASS} a`, (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, own.map((e) => `?show=timeline#event-${e.id}`), 'the step links to each of its events');
  await openEvidence(page); // the step's events are listed in its evidence layer
  await page.click(`${S.SHOWN_STEP} ${S.STEP_TIMELINE_CLASS} a >> nth=0`);
  await waitTrue(page, (id) => document.activeElement?.id === `event-${id}`, own[0].id, 'the event is focused');
  shown = await page.evaluate(readTimeline, IN_PAGE);
  assert.equal(shown.visible && shown.show === 'timeline' && shown.hash === `#event-${own[0].id}`, true, 'the URL names the timeline and the event');
  assertNoErrors(page);
  await page.close();
});

test('the view switch moves between the two ways in, keeping the step', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, `/#step-${content.steps[2].id}`);
  await page.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}="timeline"]`);
  await waitTrue(page, ({ S }) => document.querySelector(`section${S.TIMELINE_ID}`)?.getClientRects().length > 0, IN_PAGE, 'timeline shown');
  assert.equal(await page.getAttribute(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}="timeline"]`, 'aria-pressed'), 'true');
  await page.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}="steps"]`);
  await expectStep(page, content, 2);
  assertNoErrors(page);
  await page.close();
});

test('without JavaScript, embedded and in the single file the timeline is there', { timeout: TEST_TIMEOUT }, async () => {
  // No JavaScript: every event in order, and a step's timeline link lands on its event.
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  trackErrors(page);
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  let shown = await page.evaluate(readTimeline, IN_PAGE);
  assert.equal(shown.visible, true, 'the timeline is on the page');
  assert.deepEqual(shape(shown), expectedEvents());
  const event = events.find((e) => content.steps.findIndex((s) => s.id === e.step) === 0) ?? events[0];
  await page.goto(`${app.baseUrl}/?show=timeline#event-${event.id}`, { waitUntil: 'load' });
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), `event-${event.id}`, 'the event is the :target');
  assertNoErrors(page);
  await context.close();

  // Embedded: ?embed&show=timeline opens the timeline.
  const embedded = await app.newPage();
  await openApp(embedded, app.baseUrl, '/?embed&show=timeline');
  shown = await embedded.evaluate(readTimeline, IN_PAGE);
  assert.deepEqual({ visible: shown.visible, stage: shown.stageVisible }, { visible: true, stage: false });
  assertNoErrors(embedded);
  await embedded.close();

  // The single-file edition from file://.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'timeline-single-'));
  try {
    const file = path.join(dir, SINGLE_FILE);
    await copyFile(path.join(DIST, SINGLE_FILE), file);
    const single = await app.newPage();
    await single.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await single.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`);
    await single.click(`${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}="timeline"]`);
    await waitTrue(single, ({ S }) => document.querySelector(`section${S.TIMELINE_ID}`)?.getClientRects().length > 0, IN_PAGE, 'timeline shown from file://');
    assert.deepEqual(shape(await single.evaluate(readTimeline, IN_PAGE)), expectedEvents());
    assertNoErrors(single);
    await single.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('printing the timeline view prints every event in order, and the steps', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/?show=timeline');
  const printed = await printedText(page);
  // Each event's first sentence (its markers print as numbers after it), found
  // after the one before it.
  let from = 0;
  const missing = [];
  for (const event of events) {
    const at = printed.indexOf(squashPrinted(citedSentences(event.text)[0].text), from);
    if (at < 0) missing.push(event.id);
    else from = at;
  }
  assert.deepEqual(missing, [], 'every event is printed, in order');
  assert.ok(printed.includes(squashPrinted(content.steps[0].title)), 'the steps are printed too');
  assertNoErrors(page);
  await page.close();
});

test('the timeline shows its groups apart: each with its title, its note and its own events, in content.json’s order', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/?show=timeline');
  const groups = await page.$$eval(`section${S.TIMELINE_ID} section${S.TIMELINE_GROUP_CLASS}`, (sections, { S, C }) =>
    sections.map((s) => ({
      title: s.querySelector('h3')?.textContent.replace(/\s+/g, ' ').trim(),
      note: s.querySelector(S.TIMELINE_GROUP_NOTE_CLASS)?.textContent.replace(/\s+/g, ' ').trim() ?? null,
      events: [...s.querySelectorAll(`li[${C.EVENT_ATTRIBUTE}]`)].map((li) => li.getAttribute(C.EVENT_ATTRIBUTE)),
      labelled: s.getAttribute('aria-labelledby') === s.querySelector('h3')?.id,
    })), IN_PAGE);
  assert.deepEqual(groups, content.timeline.map((g) => ({
    title: norm(g.title),
    note: g.note ? norm(g.note) : null,
    events: g.events.map((e) => e.id),
    labelled: true,
  })));
  assert.ok(groups.length > 1, 'the threads whose order no text gives are groups of their own');
  assertNoErrors(page);
  await page.close();
});
