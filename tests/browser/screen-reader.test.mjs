// What a blind reader hears, walked with a screen reader model: the Virtual
// Screen Reader (npm @guidepup/virtual-screen-reader, its browser build, in
// Chromium) and Chromium's own accessibility tree (CDP Accessibility), at
// 1280×800 and in the phone layout at 375×667.
//
// - One focus rule for every way of changing step (Next, Previous, the arrow
//   keys, the step list, the diagram, back and forward, a swipe): focus lands on
//   the new step's heading, which is heard once ("heading, <title>, Step N of M,
//   level 2"), with no announcement besides, and reading on gives the lead.
// - From a step's heading to Next: at most 40 phrases with the evidence folded,
//   in every step.
// - The first step sentence within 30 phrases of the start of the main content
//   (the page's header, with the short answer, comes before it); the diagram's
//   caption once; the arrow-key tip not heard; no announcement at load.
// - Reference markers: short names ("quote N", at most 6 words, nothing read
//   between them); the quote a marker leads to is named by its number and
//   speaker, and its "Back to the text" link returns to the marker.
// - The perspective switch is announced; each timeline event has a short heading
//   (its date), and Back into a timeline event focuses its entry.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, STEP_HEADING, launch, loadContent, openApp, assertNoErrors, expectStep,
  expectHeadingFocused, citedSentences, openEvidence, startScreenReader, drag, norm, timelineEvents, pagerCount, fillWord,
  wordPattern, escapeRegExp, openContext, inContext, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
const N = content.steps.length;
const SIZES = [
  { name: '1280×800', viewport: { width: 1280, height: 800 }, phone: false },
  { name: '375×667', viewport: { width: 375, height: 667 }, phone: true },
];
/** The figures. */
const MAX_HEADING_TO_NEXT = 40;
const MAX_TO_FIRST_STEP_SENTENCE = 30;
const MAX_MARKER_WORDS = 6;
/**
 * A place's or an arrow's name: its label, and for an arrow the places it joins
 * ("All US user traffic: from A US user’s phone to Oracle cloud", 11 words; the
 * Spanish edition's longest is 15). Who says so and the step it opens are its
 * description, not its name.
 */
const MAX_SHAPE_NAME_WORDS = 16;

let app;
before(async () => {
  app = await launch();
});
after(async () => app?.close());

const title = (i) => norm(content.steps[i].title);
const headingPhrase = (i) => `heading, ${title(i)}, ${pagerCount(i, N)}, level 2`;
/** The step's first lead sentence, as a pattern for the phrase that reads it. */
const firstSentence = (i) => `^${escapeRegExp(citedSentences(content.steps[i].lead)[0].text.slice(0, 40))}`;
const NEXT_PHRASE = `^link, ${wordPattern('pager', 'next')}\\b`;
/** A diagram link's description: the step it opens. */
const OPENS = new RegExp(wordPattern('diagram', 'opens', { n: '\\d+', title: '\\S' }));
/** A marker's name ("quote N"). */
const MARKER_NAME = wordPattern('quote', 'name', { n: '\\d+' });
const announcements = (phrases) => phrases.filter((p) => /^(polite|assertive):\s*\S/.test(p));

async function openReader(size, pathAndHash = '/') {
  const { context, page } = await openContext(app.browser, {
    viewport: size.viewport,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    hasTouch: size.phone,
    isMobile: size.phone,
  });
  await openApp(page, app.baseUrl, pathAndHash);
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`);
  const reader = await startScreenReader(page);
  return { context, page, reader };
}

/**
 * Runs `body({ context, page, reader })` on a fresh page of `size` at
 * `pathAndHash` with the screen reader started; then checks that the page logged
 * no errors, and closes it whatever happened.
 */
async function withReader(size, pathAndHash, body) {
  await inContext(openReader(size, pathAndHash), async ({ context, page, reader }) => {
    await body({ context, page, reader });
    assertNoErrors(page);
  });
}

/**
 * After a step change to step `i` (`how`): focus is on its heading; since the
 * change (`before`: the log's length then) the reader heard the heading once and
 * no announcement; reading on gives the first lead sentence, and Next within
 * MAX_HEADING_TO_NEXT phrases. Returns the phrases from the heading to Next.
 */
async function assertLandedOn(page, reader, i, how, before) {
  await expectStep(page, content, i);
  await expectHeadingFocused(page);
  const heard = (await reader.log()).slice(before);
  // A link the reader pressed (the step list's) is heard as it takes focus: that is theirs.
  const said = heard.filter((p) => p.includes(title(i)) && !p.startsWith('link, '));
  assert.deepEqual(said, [headingPhrase(i)],
    `${how}: the step's title is heard once, from its heading (heard: ${JSON.stringify(heard)})`);
  assert.deepEqual(announcements(heard), [], `${how}: nothing else is announced`);
  const read = await reader.readUntil(NEXT_PHRASE, 200);
  const lead = read.findIndex((p) => new RegExp(firstSentence(i)).test(p));
  assert.ok(lead >= 0 && lead <= 2, `${how}: reading on from the heading gives the lead first (${JSON.stringify(read.slice(0, 4))})`);
  assert.ok(read.length <= MAX_HEADING_TO_NEXT,
    `${how}: Next is ${read.length} phrases after step ${i + 1}'s heading (at most ${MAX_HEADING_TO_NEXT}): ${JSON.stringify(read)}`);
  return read;
}

for (const size of SIZES) {
  test(`${size.name}: every way of changing step lands on the new step's heading, heard once`, { timeout: TEST_TIMEOUT }, async (t) => {
    await withReader(size, '/', async ({ context, page, reader }) => {
      let at = 0;
      const change = async (how, to, act) => {
        const before = (await reader.log()).length;
        await act();
        await assertLandedOn(page, reader, to, how, before);
        at = to;
      };
      await change('Next', 1, () => page.click(S.PAGER_NEXT_CLASS));
      await change('Next again', 2, () => page.click(S.PAGER_NEXT_CLASS));
      await change('Previous', 1, () => page.click(S.PAGER_PREVIOUS_CLASS));
      await change('→ key', 2, () => page.keyboard.press('ArrowRight'));
      await change('← key', 1, () => page.keyboard.press('ArrowLeft'));
      await change('the step list', 5, () => page.click(`nav${S.STEP_LIST_CLASS} a[${C.GO_STEP_ATTRIBUTE}="5"]`));
      // A place or an arrow of the diagram that opens another step, by keyboard.
      const drawn = await page.evaluate(({ at, S, C }) => {
        const links = [...document.querySelectorAll(`${S.DIAGRAM_CLASS} svg [role="link"]${S.GO_STEP_ATTRIBUTE}`)]
          .filter((el) => el.getClientRects().length > 0 && Number(el.getAttribute(C.GO_STEP_ATTRIBUTE)) !== at);
        return links.length ? { step: Number(links[0].getAttribute(C.GO_STEP_ATTRIBUTE)), place: links[0].getAttribute(C.PLACE_ATTRIBUTE), flow: links[0].getAttribute(C.FLOW_ATTRIBUTE) } : null;
      }, { at, ...IN_PAGE });
      assert.ok(drawn, 'the diagram has a link to another step');
      const selector = drawn.place ? `${S.DIAGRAM_CLASS} svg [${C.PLACE_ATTRIBUTE}="${drawn.place}"]` : `${S.DIAGRAM_CLASS} svg [${C.FLOW_ATTRIBUTE}="${drawn.flow}"]`;
      await change('the diagram', drawn.step, async () => {
        await page.locator(selector).filter({ visible: true }).first().focus();
        await page.keyboard.press('Enter');
      });
      const fromDiagram = at;
      await change('Back', 5, () => page.goBack());
      await change('Forward', fromDiagram, () => page.goForward());
      if (size.phone) {
        const cdp = await context.newCDPSession(page);
        const y = Math.round(size.viewport.height * 0.6);
        const to = Math.min(at + 1, N - 1);
        await change('a swipe', to, () => drag(cdp, [320, y], [60, y + 12]));
      }
      t.diagnostic(`${size.name}: ${size.phone ? 9 : 8} kinds of step change, each heard as its heading alone`);
    });
  });

  test(`${size.name}: from each step's heading, Next is at most ${MAX_HEADING_TO_NEXT} phrases away`, { timeout: TEST_TIMEOUT }, async (t) => {
    await withReader(size, '/', async ({ page, reader }) => {
      const counts = [];
      // Step 1 as a reader reaches it: by its heading (the step list's first link).
      let before = (await reader.log()).length;
      await page.click(`nav${S.STEP_LIST_CLASS} a[${C.GO_STEP_ATTRIBUTE}="0"]`);
      counts.push((await assertLandedOn(page, reader, 0, 'step 1', before)).length);
      for (let i = 1; i < N; i++) {
        before = (await reader.log()).length;
        await page.click(S.PAGER_NEXT_CLASS);
        counts.push((await assertLandedOn(page, reader, i, `step ${i + 1}`, before)).length);
      }
      t.diagnostic(`${size.name}: phrases from heading to Next, step by step: ${counts.join(', ')} (max ${Math.max(...counts)})`);
    });
  });

  test(`${size.name}: read from the top, the step comes before the diagram, each thing once`, { timeout: TEST_TIMEOUT }, async (t) => {
    await withReader(size, '/', async ({ page, reader }) => {
      const all = await reader.readUntil('^end of document$', 4000);
      const log = await reader.log();
      assert.deepEqual(announcements(log), [], 'nothing is announced at load');
      const main = all.indexOf('main');
      const first = all.findIndex((p) => new RegExp(firstSentence(0)).test(p));
      assert.ok(main >= 0 && first > main, 'the first step sentence is in the main content');
      t.diagnostic(`${size.name}: first step sentence at phrase ${first - main} of the main content (${first + 1} from the top of the page, after the header and its short answer)`);
      assert.ok(first - main <= MAX_TO_FIRST_STEP_SENTENCE,
        `the first step sentence is ${first - main} phrases into the main content (at most ${MAX_TO_FIRST_STEP_SENTENCE}): ${JSON.stringify(all.slice(main, first + 1))}`);
      const diagramLink = all.findIndex((p) => p.startsWith('link, ') && OPENS.test(p));
      assert.ok(diagramLink > first, 'the diagram\'s links come after the step\'s text');
      const caption = await page.locator(S.DIAGRAM_CAPTION_CLASS).innerText();
      const captionHeard = all.filter((p) => p.includes(norm(caption).split('. ')[1] ?? norm(caption)));
      assert.equal(captionHeard.length, 1, `the diagram's caption is read once (${JSON.stringify(captionHeard)})`);
      assert.equal(all.filter((p) => p.includes('←') && p.includes('→')).length, 0, 'the arrow-key tip is not read to a screen reader');
      // Step titles: each step's title is read from the step list only, and the shown step's from its heading.
      assert.equal(all.filter((p) => p === headingPhrase(0)).length, 1, 'the step shown is heard once by its heading');
      const glyphs = all.filter((p) => /^(button|link), .*[▸▾→←]/.test(p));
      assert.deepEqual(glyphs, [], 'no control names a decorative glyph');
    });
  });
}

/** The accessible names (and descriptions) Chromium gives the elements `selector` finds, visible ones only. */
async function axNames(page, cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const names = [];
  for (const nodeId of nodeIds) {
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
    const ax = nodes[0];
    if (!ax || ax.ignored) continue;
    names.push({ role: ax.role?.value, name: ax.name?.value ?? '', description: ax.description?.value ?? '' });
  }
  return names;
}

test('1280×800: Chromium\'s tree: markers are "quote N" (at most 6 words) in every step and the timeline; places and arrows have short names and say the step they open', { timeout: TEST_TIMEOUT }, async (t) => {
  await withReader(SIZES[0], '/', async ({ context, page }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const markers = [];
    for (let i = 0; i < N; i++) {
      if (i > 0) {
        await page.click(S.PAGER_NEXT_CLASS);
        await expectStep(page, content, i);
      }
      await openEvidence(page);
      markers.push(...(await axNames(page, cdp, `${STEP_HEADING.replace(/ h2$/, '')} a[${C.REF_ATTRIBUTE}]`)));
    }
    await page.click(`[${C.PANEL_ATTRIBUTE}="timeline"]`);
    await page.waitForSelector(`${S.TIMELINE_ID}:not([hidden])`);
    markers.push(...(await axNames(page, cdp, `${S.TIMELINE_ID} a[${C.REF_ATTRIBUTE}]`)));
    assert.ok(markers.length > 50, `markers were read (${markers.length})`);
    // A marker's name starts with a space (see cited_text.rs), which a screen reader does not say.
    const long = markers.filter((m) => m.name.trim().split(/\s+/).length > MAX_MARKER_WORDS || !new RegExp(`^${MARKER_NAME}$`).test(m.name.trim()));
    assert.deepEqual(long, [], 'every marker is "quote N"');
    t.diagnostic(`${markers.length} markers, names of ${Math.max(...markers.map((m) => m.name.trim().split(/\s+/).length))} words at most`);

    await page.click(`[${C.PANEL_ATTRIBUTE}="steps"]`);
    // Where a name is made of content (the flow table's row headers), a marker's
    // name stays a word of its own.
    const rows = await axNames(page, cdp, `table${S.FLOW_TABLE_CLASS} tbody th`);
    assert.ok(rows.length > 0, 'the flow table has row headers');
    const runTogether = rows.filter((r) => new RegExp(`\\S${MARKER_NAME}`).test(r.name));
    assert.deepEqual(runTogether, [], 'no row header runs into its marker ("…trafficquote 1")');
    const drawn = await axNames(page, cdp, `${S.DIAGRAM_CLASS} svg [role="link"]`);
    assert.ok(drawn.length > 5, 'the diagram has links');
    for (const link of drawn) {
      assert.ok(link.name.split(/\s+/).length <= MAX_SHAPE_NAME_WORDS && !OPENS.test(link.name), `a short name: "${link.name}"`);
      assert.match(link.description, OPENS, `"${link.name}" says the step it opens in its description`);
    }
    const longest = Math.max(...drawn.map((l) => l.name.split(/\s+/).length));
    t.diagnostic(`${drawn.length} diagram links, names of ${longest} words at most`);
  });
});

test('1280×800: a marker leads to its quote, named by number and speaker, and back to the marker', { timeout: TEST_TIMEOUT }, async () => {
  await withReader(SIZES[0], '/', async ({ page, reader }) => {
    const marker = `${STEP_HEADING.replace(/ h2$/, '')} ${S.STEP_LEAD_CLASS} a[${C.REF_ATTRIBUTE}]`;
    const href = await page.locator(marker).first().getAttribute('href');
    const number = norm(await page.locator(marker).first().textContent());
    const before = (await reader.log()).length;
    await page.locator(marker).first().click();
    await page.waitForFunction((id) => document.activeElement?.id === id, href.slice(1));
    const heard = (await reader.log()).slice(before);
    const speaker = norm(await page.locator(`${href} ${S.CITATION_SPEAKER_CLASS}`).textContent());
    assert.ok(heard.some((p) => p.startsWith(`figure, ${fillWord('quote', 'label', { n: number, speaker: '' })}`) && speaker.startsWith(p.split(', ').slice(2).join(', '))),
      `the quote is heard by its number and speaker (${JSON.stringify(heard)}; speaker ${speaker})`);
    // Its link back returns focus to the marker the reader came from, by keyboard.
    await page.locator(`${href} a[${C.BACK_ATTRIBUTE}]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), marker);
    // Reached without a marker (a fresh page), it leads to the sentence the quote stands under.
    const sentence = (await page.locator(`${href} a[${C.BACK_ATTRIBUTE}]`).getAttribute('href')).slice(1);
    await page.reload();
    await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`);
    await openEvidence(page);
    await page.locator(`${href} a[${C.BACK_ATTRIBUTE}]`).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, sentence);
    assert.ok(await page.evaluate(({ id, S }) => document.getElementById(id).contains(document.querySelector(`a${S.REF_ATTRIBUTE}[href="#${id.replace(/^said-/, '')}"]`)), { id: sentence, ...IN_PAGE }),
      'the sentence it returns to carries the marker of that quote');
  });
});

test('1280×800: the perspective switch is announced, and the diagram\'s caption follows it; every timeline event has a heading', { timeout: TEST_TIMEOUT }, async () => {
  await withReader(SIZES[0], '/', async ({ page, reader }) => {
    const before = (await reader.log()).length;
    await page.click(`button[${C.PERSPECTIVE_ATTRIBUTE}="creator"]`);
    const want = `polite: ${fillWord('perspectives', 'announcement', { label: norm(content.perspectives.find((p) => p.id === 'creator').label) })}`;
    let heard = [];
    for (let tries = 0; tries < 50 && !heard.includes(want); tries++) {
      heard = (await reader.log()).slice(before);
      if (!heard.includes(want)) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    }
    assert.deepEqual(announcements(heard), [want], 'the switch is announced once');
    assert.ok(norm(await page.locator(S.DIAGRAM_CAPTION_CLASS).innerText()).startsWith(norm(content.perspectives.find((p) => p.id === 'creator').label)),
      'the caption names whose data the diagram follows');

    await page.click(`[${C.PANEL_ATTRIBUTE}="timeline"]`);
    await page.waitForSelector(`${S.TIMELINE_ID}:not([hidden])`);
    const events = timelineEvents(content);
    for (const event of events) {
      const headings = page.locator(`li[${C.EVENT_ATTRIBUTE}="${event.id}"]`).getByRole('heading');
      assert.equal(await headings.count(), 1, `event ${event.id} has a heading`);
      const name = norm(await headings.textContent());
      // Its date as the article gives it: a month, or a sentence where none is given.
      assert.ok(name.split(' ').length <= 20, `event ${event.id}'s heading is its date alone: "${name}"`);
    }
  });
});

test('1280×800: from the timeline, an event\'s step link lands on the step (heard once, nothing announced); Back returns focus to the event', { timeout: TEST_TIMEOUT }, async () => {
  await withReader(SIZES[0], '/?show=timeline', async ({ page, reader }) => {
    await page.waitForSelector(`${S.TIMELINE_ID}:not([hidden])`);
    const event = timelineEvents(content)[0];
    const step = content.steps.findIndex((s) => s.id === event.step);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => document.activeElement?.id === id, `event-${event.id}`);
    const before = (await reader.log()).length;
    await page.locator(`li[${C.EVENT_ATTRIBUTE}="${event.id}"] ${S.EVENT_STEP_CLASS} a`).click();
    await assertLandedOn(page, reader, step, 'the event\'s step link', before);
    await page.goBack();
    await page.waitForSelector(`${S.TIMELINE_ID}:not([hidden])`);
    await page.waitForFunction((id) => document.activeElement?.id === id, `event-${event.id}`);
  });
});
