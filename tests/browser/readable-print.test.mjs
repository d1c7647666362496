// Printing the live page gives the whole story: every step title and every
// claim's quote is in the PDF's text, and the on-screen controls are left out.
// Needs `pdftotext` (Debian package poppler-utils).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { launch, loadContent, assertNoErrors, norm, citedSentences, TIMEOUT, TEST_TIMEOUT, S, C, IN_PAGE } from './support.mjs';

const run = promisify(execFile);
const content = loadContent();
let app;
let dir;

before(async () => {
  await run('pdftotext', ['-v']).catch((error) => {
    throw new Error(`pdftotext is needed for the print test (apt-get install -y poppler-utils): ${error.message}`);
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'readable-print-'));
  app = await launch();
});
after(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Text as compared across a PDF: soft hyphens dropped and all whitespace
 * removed (pdftotext breaks long lines wherever a space was). `hyphenBreaks`
 * says what a hyphen at the end of a line is: "drop" (a hyphenation break) or
 * "keep" (a word like "e-mail" broken at its own hyphen).
 */
function squash(text, hyphenBreaks = 'keep') {
  let t = String(text).normalize('NFC').replace(/\u00ad/g, '');
  if (hyphenBreaks === 'drop') t = t.replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, '$1$2');
  return t.replace(/\s+/g, '');
}

test('the printed live page holds every step title and every quote of every step, without the controls', { timeout: TEST_TIMEOUT }, async () => {
  const page = await app.newPage();
  await page.goto(app.baseUrl + '/', { waitUntil: 'load' });
  await page.waitForSelector(`${S.ROOT_ID}[${C.LIVE_ATTRIBUTE}] ${S.SHOWN_STEP_HEADING}`, { timeout: TIMEOUT });
  await page.evaluate(() => document.fonts.ready);

  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(({ S, C }) =>
    Object.fromEntries(
      [S.PAGER_CLASS, S.SWITCH_CLASS, S.PAGER_NEXT_CLASS, `button${S.SWITCH_OPTION_CLASS}`].map((sel) => {
        const el = document.querySelector(sel);
        return [sel, el ? getComputedStyle(el).display === 'none' || el.getClientRects().length === 0 : 'missing'];
      }),
    ), IN_PAGE,
  );
  assert.deepEqual(
    hidden,
    { [S.PAGER_CLASS]: true, [S.SWITCH_CLASS]: true, [S.PAGER_NEXT_CLASS]: true, [`button${S.SWITCH_OPTION_CLASS}`]: true },
    'in print the pager and the perspective switch are not displayed',
  );
  assert.equal(
    await page.evaluate(({ S, C }) => getComputedStyle(document.querySelector(S.PAGER_CLASS)).display, IN_PAGE),
    'none',
    'the pager is display: none in print',
  );
  assert.equal(
    await page.evaluate(({ S }) => getComputedStyle(document.querySelector(S.SWITCH_CLASS)).display, IN_PAGE),
    'none',
    'the perspective switch is display: none in print',
  );

  const pdfPath = path.join(dir, 'explainer.pdf');
  await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: false, timeout: TIMEOUT * 3 }));
  const txtPath = path.join(dir, 'explainer.txt');
  // -raw keeps the PDF's drawing order (the DOM order): the default mode would
  // interleave the lines of the two side-by-side columns of a dispute.
  await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, txtPath], { timeout: TIMEOUT * 2 });
  const text = await readFile(txtPath, 'utf8');
  const printed = squash(text);
  const dehyphenated = squash(text, 'drop');
  assert.ok(printed.length > 1000, 'the PDF has text');

  const missing = (list) => list.filter((t) => !printed.includes(squash(t)) && !dehyphenated.includes(squash(t)));
  assert.deepEqual(missing(content.steps.map((s) => s.title)), [], 'step titles missing from the printout');
  // The live page prints every step with its evidence open (on screen it shows one, folded).
  const quotes = content.steps.flatMap((s) => s.citations.map((cit) => cit.quote));
  assert.ok(quotes.length > 0, 'content.json has step quotes');
  assert.deepEqual(missing(quotes).map(norm), [], 'step quotes missing from the printout');
  // Each step's title is printed, the steps in order.
  const headings = content.steps.map((s) => printed.indexOf(squash(s.title)));
  assert.ok(headings.every((at) => at >= 0), 'every step title is printed');
  assert.deepEqual([...headings].sort((a, b) => a - b), headings, 'the steps are printed in order');
  // Reference markers print as numbers right after their sentences.
  const unnumbered = content.steps
    .map((s) => citedSentences(s.lead)[0].text)
    .filter((sentence) => {
      const at = printed.indexOf(squash(sentence));
      return at < 0 || !/^\d/.test(printed.slice(at + squash(sentence).length));
    });
  assert.deepEqual(unnumbered, [], 'each step’s first sentence is printed with its reference number');
  assertNoErrors(page);
  await page.close();
});
