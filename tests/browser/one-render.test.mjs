// One render: the build renders everything a reader can see, once, and the live
// app only switches state on that page. This file proves it three ways:
//
// 1. No rebuild. A MutationObserver installed before the first byte is parsed
//    records every DOM change. For several start URLs, from the moment the
//    page starts until the app is live (#app[data-live], then one frame): no
//    node inside #app or #app-status was ever removed, and once the parser had
//    finished nothing was added (nor any text changed) inside #app, except the
//    live region p#announcer's text and the pager's "Step N of M", which change
//    after start-up (the app announces nothing at load).
// 2. The live page is the pre-rendered page. #app and #app-status, walked
//    canonically (tag, sorted attributes, text, comments), are identical with
//    JavaScript off and with the app live, except for a short explicit list of
//    documented start-up differences (ALLOWED below). Any other difference
//    fails, and so does a listed one that no longer happens.
// 3. A change touches only what changes. Next changes attributes only on the
//    two step articles, the diagram's [data-lit] elements and svgs, the
//    progress bar, the pager links, the step list items and the flow table's
//    rows, and nothing in the timeline, the full text, the table's cells or
//    the sources; no node is added or removed except the announcer's text and
//    the pager's count.
//    Switching perspective changes no step article and no [data-lit] element.
//
// Every wait is on a condition; each test (and each start URL) gets a fresh context.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT, TIMEOUT, launch, loadContent, assertNoErrors, expectStep, norm,
  settle, timelineEvents,
  openContext, inContext, S, C, IN_PAGE
} from './support.mjs';

const content = loadContent();
let app;

before(async () => {
  app = await launch();
});
after(async () => app?.close());

/**
 * Runs in the page before anything of it is parsed (an init script): records
 * every mutation of the document in window.__oneRender, with whether the
 * parser was still running (document.readyState "loading") and whether
 * #app[data-live] had been set yet. Nodes are kept as references and only
 * described when report() is asked, so recording stays cheap.
 */
function installRecorder({ S, C }) {
  const state = { records: [], parsing: true, live: false };
  const handle = (list) => {
    // The value after each attribute/text record: the next record's old value
    // for the same node and attribute in this batch, else the current value.
    const after = new Map();
    const valueAfter = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i];
      if (r.type === 'childList') continue;
      let perNode = after.get(r.target);
      if (!perNode) after.set(r.target, (perNode = new Map()));
      const key = r.type === 'attributes' ? r.attributeName : '#data';
      const now = perNode.has(key)
        ? perNode.get(key)
        : r.type === 'attributes' ? r.target.getAttribute(r.attributeName) : r.target.data;
      valueAfter[i] = now;
      perNode.set(key, r.oldValue);
    }
    list.forEach((r, i) => {
      if (r.type === 'attributes' && r.attributeName === C.LIVE_ATTRIBUTE && r.target.id === C.ROOT_ID && valueAfter[i] !== null) {
        state.live = true;
      }
      state.records.push({
        type: r.type,
        target: r.target,
        attr: r.attributeName,
        old: r.oldValue,
        now: r.type === 'childList' ? null : valueAfter[i],
        added: [...r.addedNodes],
        removed: [...r.removedNodes],
        parsing: state.parsing,
        live: state.live,
      });
    });
  };
  const observer = new MutationObserver(handle);
  observer.observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
    attributeOldValue: true, characterDataOldValue: true,
  });
  // Everything queued before readyState leaves "loading" is the parser's (and
  // the head's inline script's); takeRecords() keeps that boundary exact.
  document.addEventListener('readystatechange', () => {
    handle(observer.takeRecords());
    if (document.readyState !== 'loading') state.parsing = false;
  });
  const flush = () => handle(observer.takeRecords());
  const element = (n) => (n && n.nodeType === 1 ? n : n?.parentElement ?? null);
  const label = (n) => {
    if (!n) return '(none)';
    if (n.nodeType === 3) return `#text ${JSON.stringify(n.data.replace(/\s+/g, ' ').slice(0, 50))}`;
    if (n.nodeType === 8) return '#comment';
    if (n.nodeType !== 1) return n.nodeName;
    let s = n.localName;
    if (n.id) s += '#' + n.id;
    const cls = n.getAttribute('class');
    if (cls) s += '.' + cls.trim().split(/\s+/).join('.');
    for (const a of [C.STEP_ATTRIBUTE, C.PANEL_ATTRIBUTE, C.PERSPECTIVE_ATTRIBUTE, C.FLOW_ATTRIBUTE, C.PLACE_ATTRIBUTE, C.EVENT_ATTRIBUTE]) {
      if (n.hasAttribute(a)) s += `[${a}=${n.getAttribute(a)}]`;
    }
    return s;
  };
  // Up to the nearest ancestor with an id (or three levels), e.g.
  // "div#explainer-stage › div.stage-text › article.step[data-step=backups]".
  const path = (n) => {
    const parts = [label(n)];
    let e = n?.nodeType === 1 ? n : null;
    for (let p = n?.parentElement, i = 0; p && !(e && e.id) && i < 3; e = p, p = p.parentElement, i++) {
      parts.unshift(label(p));
      if (p.id) break;
    }
    return parts.join(' › ');
  };
  window.__oneRender = {
    flush,
    clear() {
      flush();
      state.records.length = 0;
    },
    /** The records, described; `regions`: name → selector, reported per record as matches/within. */
    report(regions = {}) {
      flush();
      const appRoots = `${S.ROOT_ID}, ${S.STATUS_ID}`;
      const holdsApp = (n) => n.nodeType === 1 && (n.matches(appRoots) || n.querySelector(appRoots) !== null);
      return state.records.map((r, seq) => {
        const el = element(r.target);
        const textOnly = (nodes) => nodes.every((n) => n.nodeType === 3);
        return {
          seq,
          type: r.type,
          parsing: r.parsing,
          live: r.live,
          target: path(r.target),
          attr: r.attr,
          old: r.old,
          now: r.now,
          added: r.added.map(label),
          removed: r.removed.map(label),
          inApp: Boolean(el?.closest(appRoots)) || [...r.added, ...r.removed].some(holdsApp),
          // The live region's own text, or the pager's "Step N of M": a text child
          // replaced, or its data changed.
          liveText:
            Boolean(el?.closest(`p${S.ANNOUNCER_ID}, span${S.PAGER_COUNT_CLASS}`)) &&
            (r.type === 'characterData' || (textOnly(r.added) && textOnly(r.removed))),
          matches: el ? Object.keys(regions).filter((k) => r.type === 'attributes' && el.matches(regions[k])) : [],
          within: el ? Object.keys(regions).filter((k) => el.closest(regions[k]) !== null) : [],
          node: el ? nodeId(el) : null,
          step: el?.getAttribute(C.STEP_ATTRIBUTE) ?? null,
        };
      });
    },
  };
  const ids = new WeakMap();
  let nextId = 1;
  function nodeId(n) {
    if (!ids.has(n)) ids.set(n, nextId++);
    return ids.get(n);
  }
}

async function freshPage({ javaScriptEnabled = true } = {}) {
  const { context, page } = await openContext(app.browser, {
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  if (javaScriptEnabled) await page.addInitScript(installRecorder, IN_PAGE);
  return { context, page };
}

/** Opens `pathAndHash` and waits until the app is live, then one animation frame. */
async function openLive(page, pathAndHash) {
  await page.goto(app.baseUrl + pathAndHash, { waitUntil: 'load' });
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`, { state: 'attached', timeout: TIMEOUT });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

const report = (page, regions) => page.evaluate((r) => window.__oneRender.report(r), regions);
const clearRecords = (page) => page.evaluate(() => window.__oneRender.clear());

/** Asserts that `records` is empty, listing them one a line if not. */
function assertNone(records, message) {
  assert.ok(records.length === 0, `${message} (${records.length}):\n${show(records)}`);
}

/** One line per record, for failure messages. */
function show(records) {
  return records
    .map((r) => {
      const phase = r.parsing ? 'parsing' : r.live ? 'live' : 'starting';
      if (r.type === 'attributes') return `  [${phase}] ${r.target} @${r.attr}: ${JSON.stringify(r.old)} → ${JSON.stringify(r.now)}`;
      if (r.type === 'characterData') return `  [${phase}] ${r.target}: text ${JSON.stringify(r.old)} → ${JSON.stringify(r.now)}`;
      return `  [${phase}] ${r.target}: ${r.removed.length ? `removed ${r.removed.join(', ')}` : ''}${
        r.removed.length && r.added.length ? '; ' : ''}${r.added.length ? `added ${r.added.join(', ')}` : ''}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------
// 1. No rebuild, recorded from the first byte.

const firstStep = content.steps[1].id;
const creatorStep = content.steps.filter((s) => s.perspective_notes?.creator).at(-1)?.id;
const firstEvent = timelineEvents(content)[0].id;
const START_URLS = [
  '/',
  `/#step-${firstStep}`,
  `/?view=creator#step-${creatorStep}`,
  `/?show=timeline#event-${firstEvent}`,
  '/?embed',
];

test(`no rebuild: from the first byte to live, nothing in ${S.ROOT_ID} is removed, and nothing is added after the parser`, { timeout: TEST_TIMEOUT }, async (t) => {
  assert.ok(creatorStep, 'content has a step with a creator note');
  for (const url of START_URLS) {
    await t.test(url, async () => {
      await inContext(freshPage(), async ({ context, page }) => {
        await openLive(page, url);
        const records = await report(page);

        // The recorder did see the page being parsed, and the app going live.
        assert.ok(
          records.some((r) => r.parsing && r.type === 'childList' && r.added.includes(`div${S.ROOT_ID}`)),
          `the recorder saw the parser insert div${S.ROOT_ID} (it was installed before the page was parsed)`,
        );
        assert.ok(
          records.some((r) => !r.parsing && r.type === 'attributes' && r.attr === C.LIVE_ATTRIBUTE && r.target === `div${S.ROOT_ID}`),
          `the recorder saw the app set ${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`,
        );

        const removed = records.filter((r) => r.type === 'childList' && r.removed.length > 0 && r.inApp && !r.liveText);
        assertNone(removed, `${url}: nodes removed inside ${S.ROOT_ID}/${S.STATUS_ID} (the parser never removes one)`);

        const added = records.filter(
          (r) => !r.parsing && r.inApp && !r.liveText &&
            ((r.type === 'childList' && r.added.length > 0) || r.type === 'characterData'),
        );
        assertNone(added, `${url}: nodes added or text changed inside ${S.ROOT_ID}/${S.STATUS_ID} after the parser finished`);
        assertNoErrors(page);
      });
    });
  }
});

// ---------------------------------------------------------------------------
// 2. The live page is the pre-rendered page.

/** Runs in the page: #app and #app-status as trees of {tag, attrs (sorted), kids} / {text} / {comment}. */
function serializeApp({ C }) {
  const walk = (n) => {
    if (n.nodeType === 1) {
      return {
        tag: n.localName,
        attrs: [...n.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        kids: [...n.childNodes].map(walk),
      };
    }
    if (n.nodeType === 3) return { text: n.data };
    if (n.nodeType === 8) return { comment: n.data };
    return { other: n.nodeName };
  };
  return [C.STATUS_ID, C.ROOT_ID].map((id) => {
    const el = document.getElementById(id);
    return el ? walk(el) : { missing: id };
  });
}

/**
 * The documented start-up differences for `/` (step 1, the user's perspective,
 * the walk-through shown): each is where (tag, #id, .class, one [attr=value]),
 * what (an attribute, or `text` for an element's whole text) and its value
 * before → after (null: absent). Nothing else may differ, and each of these must.
 */
const ALLOWED = [
  { where: `div${S.ROOT_ID}`, attr: C.LIVE_ATTRIBUTE, from: null, to: '' },
  { where: `a${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=steps]`, attr: 'role', from: null, to: 'button' },
  { where: `a${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=steps]`, attr: 'aria-pressed', from: null, to: 'true' },
  { where: `a${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=timeline]`, attr: 'role', from: null, to: 'button' },
  { where: `a${S.VIEW_OPTION_CLASS}[${C.PANEL_ATTRIBUTE}=timeline]`, attr: 'aria-pressed', from: null, to: 'false' },
  { where: `section${S.TIMELINE_ID}`, attr: 'hidden', from: null, to: '' },
  // Every step is in the page for readers without scripts; the app hides all but the first.
  ...content.steps.slice(1).map((step) => ({ where: `article${S.STEP_CLASS}[${C.STEP_ATTRIBUTE}=${step.id}]`, attr: 'hidden', from: null, to: '' })),
];

const allowedLabel = (a) => `${a.where} ${a.text ? 'text' : '@' + a.attr}: ${JSON.stringify(a.from)} → ${JSON.stringify(a.to)}`;

/** Whether a serialized element is `where` ("tag#id.class[attr=value]", each part optional but the tag). */
function isAt(node, where) {
  const m = /^([\w-]+)(?:#([\w-]+))?((?:\.[\w-]+)*)(?:\[([\w-]+)=([^\]]*)\])?$/.exec(where);
  assert.ok(m, `bad place in ALLOWED: ${where}`);
  const [, tag, id, classes, attr, value] = m;
  const attrs = Object.fromEntries(node.attrs);
  const own = (attrs.class ?? '').split(/\s+/);
  return node.tag === tag &&
    (!id || attrs.id === id) &&
    classes.split('.').filter(Boolean).every((c) => own.includes(c)) &&
    (!attr || attrs[attr] === value);
}

const describeNode = (n) => {
  if (!n.tag) return n.text !== undefined ? '#text' : n.comment !== undefined ? '#comment' : String(n.other ?? n.missing);
  const a = Object.fromEntries(n.attrs);
  return n.tag + (a.id ? '#' + a.id : '') + (a.class ? '.' + a.class.trim().split(/\s+/).join('.') : '') +
    (a[C.STEP_ATTRIBUTE] ? `[${C.STEP_ATTRIBUTE}=${a[C.STEP_ATTRIBUTE]}]` : '') + (a[C.PANEL_ATTRIBUTE] ? `[${C.PANEL_ATTRIBUTE}=${a[C.PANEL_ATTRIBUTE]}]` : '');
};
const textOf = (n) => (n.text !== undefined ? n.text : n.kids ? n.kids.map(textOf).join('') : '');
const shape = (kids) => kids.map((k) => (k.tag ? `<${k.tag}>` : k.text !== undefined ? '#text' : '#comment')).join(' ');

/** Every difference between two serialized trees, as {path, node, attr | text | structure, from, to}. */
function differences(a, b, path, out = []) {
  const here = `${path}${path ? ' › ' : ''}${describeNode(a)}`;
  if (a.tag === undefined || b.tag === undefined || a.tag !== b.tag) {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ path: here, node: a, what: 'node', from: a.text ?? a.comment ?? describeNode(a), to: b.text ?? b.comment ?? describeNode(b) });
    }
    return out;
  }
  const from = Object.fromEntries(a.attrs);
  const to = Object.fromEntries(b.attrs);
  for (const name of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    if (from[name] !== to[name]) out.push({ path: here, node: a, what: 'attr', attr: name, from: from[name] ?? null, to: to[name] ?? null });
  }
  // An element whose whole text may change (the live region) is compared as text.
  if (ALLOWED.some((x) => x.text && isAt(a, x.where))) {
    const onlyText = (n) => n.kids.every((k) => k.text !== undefined);
    if (!onlyText(a) || !onlyText(b)) out.push({ path: here, node: a, what: 'children', from: shape(a.kids), to: shape(b.kids) });
    else if (textOf(a) !== textOf(b)) out.push({ path: here, node: a, what: 'text', from: norm(textOf(a)), to: norm(textOf(b)) });
    return out;
  }
  if (a.kids.length !== b.kids.length) {
    out.push({ path: here, node: a, what: 'children', from: shape(a.kids), to: shape(b.kids) });
    return out;
  }
  a.kids.forEach((k, i) => differences(k, b.kids[i], here, out));
  return out;
}

test('the live page is the pre-rendered page, but for the documented start-up differences', { timeout: TEST_TIMEOUT }, async () => {
  const pre = await freshPage({ javaScriptEnabled: false });
  let staticTree;
  try {
    await pre.page.goto(app.baseUrl + '/', { waitUntil: 'load' });
    assert.equal(await pre.page.evaluate(({ S, C }) => document.querySelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}]`), IN_PAGE), null, 'no script ran in the static page');
    staticTree = await pre.page.evaluate(serializeApp, IN_PAGE);
  } finally {
    await pre.context.close();
  }

  await inContext(freshPage(), async ({ context, page }) => {
    await openLive(page, '/');
    const liveTree = await page.evaluate(serializeApp, IN_PAGE);

    const found = staticTree.flatMap((root, i) => differences(root, liveTree[i], ''));
    const matched = [];
    const unexpected = [];
    for (const d of found) {
      const ok = ALLOWED.find((x) =>
        isAt(d.node, x.where) &&
        (x.text ? d.what === 'text' : d.what === 'attr' && d.attr === x.attr) &&
        d.from === x.from && d.to === x.to);
      if (ok) matched.push(allowedLabel(ok));
      else unexpected.push(`  ${d.path} ${d.what === 'attr' ? '@' + d.attr : d.what}: ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}`);
    }
    assert.ok(
      unexpected.length === 0,
      `differences between the pre-rendered and the live ${S.ROOT_ID}/${S.STATUS_ID} that are not documented (${unexpected.length}):\n${unexpected.join('\n')}`,
    );
    assert.deepEqual(matched.sort(), ALLOWED.map(allowedLabel).sort(), 'each documented start-up difference happens, once');
    assertNoErrors(page);
  });
});

// ---------------------------------------------------------------------------
// 3. A change touches only what changes.

/** What may change when the step changes: selector, the attributes, and for `class` the one token that may toggle. */
const STEP_CHANGE = {
  'step article': { selector: `${S.STAGE_ID} article${S.STEP_CLASS}[${C.STEP_ATTRIBUTE}]`, attrs: ['hidden'] },
  [`diagram ${S.LIT_ATTRIBUTE}`]: { selector: `figure${S.DIAGRAM_CLASS} svg${S.DIAGRAM_SVG_CLASS} [${C.LIT_ATTRIBUTE}]`, attrs: ['class'], token: C.ACTIVE_CLASS },
  'diagram svg': { selector: `figure${S.DIAGRAM_CLASS} svg${S.DIAGRAM_SVG_CLASS}`, attrs: ['class'], token: C.CROWDED_CLASS },
  'progress fill': { selector: `svg${S.PROGRESS_CLASS} ${S.PROGRESS_FILL_CLASS}`, attrs: ['width'] },
  'pager link': { selector: `nav${S.PAGER_CLASS} a${S.PAGER_PREVIOUS_CLASS}, nav${S.PAGER_CLASS} a${S.PAGER_NEXT_CLASS}`, attrs: ['href', 'aria-disabled'] },
  'step list item': { selector: `nav${S.STEP_LIST_CLASS} li`, attrs: ['class', 'aria-current'], token: C.CURRENT_CLASS },
  'flow table row': { selector: `section${S.FLOWS_CLASS} table${S.FLOW_TABLE_CLASS} tbody tr[${C.LIT_ATTRIBUTE}]`, attrs: ['class'], token: C.CURRENT_CLASS },
  // The links to the story's other editions keep the step being read.
  'edition link': { selector: `header${S.MASTHEAD_CLASS} a[${C.EDITION_ATTRIBUTE}]`, attrs: ['href'] },
};
/** Where nothing may change at all (the flow table but for its rows' class, checked above). */
const UNTOUCHED = {
  timeline: `section${S.TIMELINE_ID}`,
  'flow table cells': `section${S.FLOWS_CLASS} table${S.FLOW_TABLE_CLASS} :is(caption, thead, th, td)`,
  sources: `section${S.SOURCES_CLASS}`,
};
const REGIONS = {
  ...Object.fromEntries(Object.entries(STEP_CHANGE).map(([k, v]) => [k, v.selector])),
  ...UNTOUCHED,
  [`any ${S.LIT_ATTRIBUTE}`]: S.LIT_ATTRIBUTE,
};

const tokens = (s) => new Set((s ?? '').split(/\s+/).filter(Boolean));
/** The class tokens that differ between two class values. */
function toggled(from, to) {
  const a = tokens(from);
  const b = tokens(to);
  return [...new Set([...a, ...b])].filter((t) => a.has(t) !== b.has(t));
}

test('a change touches only what changes: Next and the perspective switch', { timeout: TEST_TIMEOUT }, async (t) => {
  await inContext(freshPage(), async ({ context, page }) => {
    await openLive(page, '/');
    await expectStep(page, content, 0, { hash: false });
    await clearRecords(page);

    // --- Next ---
    await page.click(`nav${S.PAGER_CLASS} a${S.PAGER_NEXT_CLASS}`);
    await expectStep(page, content, 1);
    await settle(page);
    let records = await report(page, REGIONS);
    assert.ok(records.length > 0, 'the recorder saw the step change');

    const rewritten = records.filter((r) => r.type !== 'attributes' && !r.liveText);
    assertNone(rewritten, `Next added, removed or rewrote nodes (only the announcer's and the pager count's text may change)`);

    for (const [name] of Object.entries(UNTOUCHED)) {
      const inside = records.filter((r) => r.within.includes(name));
      assertNone(inside, `Next touched the ${name}`);
    }

    const attrs = records.filter((r) => r.type === 'attributes');
    const stray = attrs.filter((r) => {
      const kind = Object.entries(STEP_CHANGE).find(([k, v]) => r.matches.includes(k) && v.attrs.includes(r.attr));
      if (!kind) return true;
      // A class may only gain or lose its one state token.
      return r.attr === 'class' && kind[1].token && toggled(r.old, r.now).some((t) => t !== kind[1].token);
    });
    assertNone(stray, `Next changed attributes outside what a step change may touch`);

    // Exactly two step articles: the old one hidden, the new one shown.
    const articleNet = new Map();
    for (const r of attrs.filter((r) => r.matches.includes('step article'))) {
      const first = articleNet.get(r.node);
      articleNet.set(r.node, { step: r.step, from: first ? first.from : r.old, to: r.now });
    }
    assert.deepEqual(
      [...articleNet.values()].sort((a, b) => (a.step < b.step ? -1 : 1)),
      [
        { step: content.steps[0].id, from: null, to: '' },
        { step: content.steps[1].id, from: '', to: null },
      ].sort((a, b) => (a.step < b.step ? -1 : 1)),
      'Next hides the old step article and shows the new one (net `hidden` change), and touches no other',
    );

    // Every diagram element written to really changed (lit ↔ unlit), none was rewritten as it was.
    const litNet = new Map();
    for (const r of attrs.filter((r) => r.matches.includes(`diagram [${C.LIT_ATTRIBUTE}]`))) {
      const first = litNet.get(r.node);
      litNet.set(r.node, { target: r.target, from: first ? first.from : r.old, to: r.now });
    }
    const unchanged = [...litNet.values()].filter((x) => toggled(x.from, x.to).length === 0);
    assert.ok(
      unchanged.length === 0,
      `Next wrote [${C.LIT_ATTRIBUTE}] elements whose state did not change (${unchanged.length}):\n${unchanged
        .map((x) => `  ${x.target} @class: ${JSON.stringify(x.from)} → ${JSON.stringify(x.to)}`).join('\n')}`,
    );

    t.diagnostic(`Next: ${attrs.length} attribute writes on ${new Set(attrs.map((r) => r.node)).size} elements, ${records.length - attrs.length} announcer text changes`);

    // --- Perspective switch ---
    await clearRecords(page);
    await page.click(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=creator]`);
    await page.waitForFunction(
      ({ S, C }) => document.querySelector(`main${S.MAIN_ID}`)?.getAttribute(C.PERSPECTIVE_ATTRIBUTE) === 'creator' &&
        document.querySelector(`button${S.SWITCH_OPTION_CLASS}[${C.PERSPECTIVE_ATTRIBUTE}=creator]`)?.getAttribute('aria-pressed') === 'true',
      IN_PAGE,
      { timeout: TIMEOUT },
    );
    await settle(page);
    records = await report(page, REGIONS);
    assert.ok(records.length > 0, 'the recorder saw the perspective change');
    t.diagnostic(`perspective switch: ${records.length} mutations (${records.filter((r) => r.type === 'attributes').map((r) => r.attr).filter((a, i, all) => all.indexOf(a) === i).join(', ')})`);
    const stepTouched = records.filter((r) => r.matches.includes('step article'));
    assertNone(stepTouched, `switching perspective touched a step article`);
    const litTouched = records.filter((r) => r.matches.includes(`any [${C.LIT_ATTRIBUTE}]`));
    assertNone(litTouched, `switching perspective touched [${C.LIT_ATTRIBUTE}] elements`);
    const nodes = records.filter((r) => r.type !== 'attributes' && !r.liveText);
    assertNone(nodes, `switching perspective added, removed or rewrote nodes`);
    await expectStep(page, content, 1);
    assertNoErrors(page);
  });
});
