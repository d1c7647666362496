// Valid HTML: every .html file the build writes (the pre-rendered page, the
// single-file edition, and any other) passes the W3C Nu Html Checker with no
// errors. No browser: runs vnu.jar (npm's vnu-jar) with Java, offline. The
// single-file edition inlines the stylesheet, so its CSS is checked there too.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, DIST, TEST_TIMEOUT, SINGLE_FILE } from './support.mjs';

const JAR = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
/** Messages shown in full per file; the rest are counted. */
const SHOWN = 40;

/** Every .html file under `dir`, as paths relative to it. */
function htmlFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = path.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(dir, name);
    return entry.isFile() && entry.name.endsWith('.html') ? [name] : [];
  });
}

const files = existsSync(path.join(DIST, 'index.html')) ? htmlFiles(DIST) : [];

/** The checker's messages for each file (relative path -> messages), from one run. */
let byFile;
/** Why the checker could not run, if it could not. */
let failure;

before(() => {
  try {
    byFile = check(files);
  } catch (error) {
    failure = error;
  }
});

/** Runs vnu.jar on the files (errors only, JSON) and groups its messages by file. */
function check(names) {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) {
    throw new Error(`cannot run java (${java.error.code ?? java.error.message}): the Nu Html Checker needs a Java runtime; bash scripts/setup.sh installs Debian's default-jre-headless`);
  }
  if (!existsSync(JAR)) {
    throw new Error(`${JAR} is missing: run npm ci (package.json has vnu-jar as a devDependency)`);
  }
  if (names.length === 0) return new Map();
  const run = spawnSync(
    'java',
    ['-jar', JAR, '--errors-only', '--format', 'json', '--stdout', ...names.map((n) => path.join(DIST, n))],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) throw new Error(`running the Nu Html Checker failed: ${run.error.message}`);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`the Nu Html Checker gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  const grouped = new Map(names.map((n) => [n, []]));
  for (const message of report.messages) {
    const file = message.url ? path.relative(DIST, fileURLToPath(message.url)) : '(no file)';
    if (!grouped.has(file)) grouped.set(file, []);
    grouped.get(file).push(message);
  }
  // Anything reported for a file we did not ask about (or for none) is a failure too.
  for (const file of grouped.keys()) {
    if (!names.includes(file)) throw new Error(`the checker reported on ${file}: ${describe(file, grouped.get(file))}`);
  }
  if (run.status !== 0 && report.messages.length === 0) {
    throw new Error(`the Nu Html Checker exited with ${run.status} and no messages:\n${run.stderr}`);
  }
  return grouped;
}

/** "dist/FILE:LINE:COLUMN: [type] message", one a line, with a count per kind first. */
function describe(file, messages) {
  const kinds = new Map();
  for (const m of messages) kinds.set(m.message, (kinds.get(m.message) ?? 0) + 1);
  const summary = [...kinds].map(([text, n]) => `  ${n} × ${text}`).join('\n');
  const lines = messages.slice(0, SHOWN).map((m) => {
    const where = m.lastLine === undefined ? '' : `:${m.firstLine ?? m.lastLine}:${m.firstColumn ?? m.lastColumn}`;
    const kind = m.type === 'error' ? '' : ` [${m.type}${m.subType ? ` ${m.subType}` : ''}]`;
    const extract = m.extract ? `\n      near: ${JSON.stringify(m.extract)}` : '';
    return `  ${path.join(path.basename(DIST), file)}${where}:${kind} ${m.message}${extract}`;
  });
  const more = messages.length > SHOWN ? `\n  … and ${messages.length - SHOWN} more` : '';
  return `${messages.length} error(s) from the Nu Html Checker:\n${summary}\n${lines.join('\n')}${more}`;
}

test('the build wrote the pages the checker is run on', () => {
  assert.ok(files.length > 0, `${DIST}/index.html is missing: build the app first (trunk build --release --offline)`);
  for (const page of ['index.html', SINGLE_FILE]) {
    assert.ok(files.includes(page), `${page} is not among the built HTML files: ${files.join(', ')}`);
  }
});

for (const file of files) {
  test(`${file} passes the Nu Html Checker with no errors`, { timeout: TEST_TIMEOUT }, () => {
    if (failure) throw failure;
    const messages = byFile.get(file) ?? [];
    assert.ok(messages.length === 0, describe(file, messages));
  });
}
