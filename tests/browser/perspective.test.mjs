// The perspective switch: an ordinary user's data or a paid creator's (the
// shipped story's two perspectives, `user` and `creator`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, loadContent, openApp, expectStep, assertNoErrors, waitTrue, norm, citedSentences, openEvidence, TEST_TIMEOUT, waitForExplainer, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const creatorOnly = content.flows.filter(
  (f) => Array.isArray(f.perspectives) && f.perspectives.length === 1 && f.perspectives[0] === 'creator',
);
const note = (step) => step.perspective_notes?.creator;
const noteIndex = content.steps.findIndex(note);
const noteStep = content.steps[noteIndex];
const device = content.places.find((p) => p.id === 'device');
const deviceCreatorLabel = device?.perspective_labels?.creator;
let app;

before(async () => {
  assert.ok(creatorOnly.length > 0, 'content.json has at least one creator-only flow');
  assert.ok(noteIndex >= 0, 'content.json has a step with a note for creators');
  assert.ok(deviceCreatorLabel, 'the "device" place has a label for creators');
  assert.notEqual(norm(deviceCreatorLabel), norm(device.label));
});
before(async () => {
  app = await launch();
});
after(async () => app?.close());

/** What the perspective controls on screen. */
function readView({ S, C }) {
  // Both orientations are drawn; CSS shows the one that suits the width.
  const svg = [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)].find((el) => el.getClientRects().length > 0);
  const flows = [...svg.querySelectorAll(`g${S.FLOW_CLASS}${S.FLOW_ATTRIBUTE}`)].map((g) => g.getAttribute(C.FLOW_ATTRIBUTE));
  const note = document.querySelector(`${S.SHOWN_STEP} ${S.PERSPECTIVE_NOTE_CLASS}[${C.PERSPECTIVE_PART_ATTRIBUTE}="creator"]`);
  // The note's words, without its reference markers.
  const words = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll(`sup${S.REF_CLASS}`).forEach((sup) => sup.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    user: document.querySelector(`button[${C.PERSPECTIVE_ATTRIBUTE}="user"]`)?.getAttribute('aria-pressed') ?? null,
    creator: document.querySelector(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`)?.getAttribute('aria-pressed') ?? null,
    flows,
    deviceLabel: svg
      .querySelector(`g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="device"] text${S.PLACE_LABEL_CLASS}`)
      ?.textContent.replace(/\s+/g, ' ')
      .trim() ?? null,
    view: new URLSearchParams(location.search).get('view'),
    note: note ? { visible: visible(note), text: words(note) } : null,
  };
}

async function expectView(page, perspective) {
  const creator = perspective === 'creator';
  const step = await page.$eval(S.SHOWN_STEP, (a, { S, C }) => a.getAttribute(C.STEP_ATTRIBUTE), IN_PAGE);
  const stepData = content.steps.find((s) => s.id === step);
  // The creator's note is in the step's evidence layer.
  await openEvidence(page);
  // Wait for the switch to settle before asserting each part.
  await page
    .waitForFunction(
      ({ p, label, S, C }) =>
        document.querySelector(`button[${C.PERSPECTIVE_ATTRIBUTE}="${p}"]`)?.getAttribute('aria-pressed') === 'true' &&
        [...document.querySelectorAll(`svg${S.DIAGRAM_SVG_CLASS}`)]
          .find((svg) => svg.getClientRects().length > 0)
          ?.querySelector(`g${S.PLACE_CLASS}[${C.PLACE_ATTRIBUTE}="device"] text${S.PLACE_LABEL_CLASS}`)
          ?.textContent.replace(/\s+/g, ' ').trim() === label,
      { p: perspective, label: norm(creator ? deviceCreatorLabel : device.label), ...IN_PAGE },
    )
    .catch(() => {});
  const v = await page.evaluate(readView, IN_PAGE);
  assert.equal(v.creator, String(creator), 'creator button aria-pressed');
  assert.equal(v.user, String(!creator), 'user button aria-pressed');
  for (const flow of creatorOnly) {
    assert.equal(v.flows.includes(flow.id), creator, `creator-only flow ${flow.id} ${creator ? 'is drawn' : 'is absent'}`);
  }
  const shared = content.flows.filter((f) => !f.perspectives || f.perspectives.length === 0);
  for (const flow of shared) assert.ok(v.flows.includes(flow.id), `flow ${flow.id} is drawn in both views`);
  assert.equal(v.deviceLabel, norm(creator ? deviceCreatorLabel : device.label), 'label of the "device" place');
  assert.equal(v.view, creator ? 'creator' : null, 'the URL query says view=creator only in creator view');
  if (creator && note(stepData)) {
    assert.ok(v.note, `the creator's note is shown on step "${step}"`);
    assert.ok(v.note.visible, "the creator’s note is visible");
    for (const sentence of citedSentences(note(stepData))) {
      assert.ok(v.note.text.includes(sentence.text), `the creator’s note has the step’s note: ${sentence.text}`);
    }
  } else {
    // Every step's note is in the page (rendered once, at build time); only the creator view shows it.
    assert.ok(!v.note?.visible, `no creator’s note shown on step "${step}" in ${perspective} view`);
  }
}

test('switching to creator view and back', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, `/#step-${noteStep.id}`);
  await expectStep(page, content, noteIndex);
  await expectView(page, 'user');
  const historyLength = await page.evaluate(() => history.length);

  await page.click(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
  await expectView(page, 'creator');
  await expectStep(page, content, noteIndex); // same step, hash kept
  assert.equal(await page.evaluate(() => history.length), historyLength, 'switching adds no history entry');

  await page.reload({ waitUntil: 'load' });
  await waitForExplainer(page);
  await expectStep(page, content, noteIndex);
  await expectView(page, 'creator');

  // The note follows the step: none on a step without one, back on return.
  const plain = content.steps.findIndex((s) => !note(s));
  await page.click(`nav${S.STEP_LIST_CLASS} a[href="#step-${content.steps[plain].id}"]`);
  await expectStep(page, content, plain);
  await expectView(page, 'creator');
  await page.goBack();
  await expectStep(page, content, noteIndex);
  await expectView(page, 'creator');

  await page.click(`button[${C.PERSPECTIVE_ATTRIBUTE}="user"]`);
  await expectView(page, 'user');
  await expectStep(page, content, noteIndex);
  assertNoErrors(page);
  await page.close();
});

test('every creator note appears in creator view only', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/?view=creator');
  for (let i = 0; i < content.steps.length; i++) {
    if (i > 0) await page.click(S.PAGER_NEXT_CLASS);
    await expectStep(page, content, i, { hash: i > 0 });
    await expectView(page, 'creator');
  }
  await page.click(`button[${C.PERSPECTIVE_ATTRIBUTE}="user"]`);
  for (let i = content.steps.length - 1; i >= 0; i--) {
    if (i < content.steps.length - 1) await page.click(S.PAGER_PREVIOUS_CLASS);
    await expectStep(page, content, i);
    await expectView(page, 'user');
  }
  assertNoErrors(page);
  await page.close();
});

test('the pressed button is the only pressed one, and keyboard toggles it', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await openApp(page, app.baseUrl, '/');
  await page.focus(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
  await page.keyboard.press('Enter');
  await expectView(page, 'creator');
  await page.focus(`button[${C.PERSPECTIVE_ATTRIBUTE}="user"]`);
  await page.keyboard.press('Space');
  await expectView(page, 'user');
  await waitTrue(page, ({ S }) => document.querySelectorAll(`button${S.PERSPECTIVE_ATTRIBUTE}[aria-pressed="true"]`).length === 1, IN_PAGE,
    'exactly one perspective is pressed');
  assertNoErrors(page);
  await page.close();
});
