// Minifies the stylesheet (csso) and the wasm-bindgen JavaScript glue (terser) of a
// Trunk build, in place, before the build step (src/bin/postbuild.rs) reads them for
// the single file, the service worker's list and the compressed copies. Run by
// scripts/postbuild.sh, Trunk's post_build hook, on Trunk's staging folder.
//
// Not Trunk's own minification: it minifies the page template too (the build step
// finds its markers in it) and its JavaScript minifier gives up on the glue. Trunk
// has written each file's Subresource Integrity digest into the page already: a
// digest of the old text is replaced by the new text's.
//
//   node scripts/minify.mjs <folder>

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { minify as minifyCss } from 'csso';
import { minify as minifyJs } from 'terser';

// The single file appends a call to the glue's init function by this name
// (src/prerender/single_file.rs): terser must not rename it.
const GLUE_INIT = '__wbg_init';
// Written by the build step after this runs; not the glue.
const SERVICE_WORKER = 'sw.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/minify.mjs <folder>');
  process.exit(2);
}

const names = readdirSync(folder);
const stylesheets = names.filter((n) => n.endsWith('.css'));
const glue = names.filter((n) => n.endsWith('.js') && n !== SERVICE_WORKER && !n.endsWith('_bg.js'));
if (stylesheets.length === 0 || glue.length !== 1) {
  console.error(
    `minify: expected stylesheets and one wasm-bindgen glue file in ${folder}; found ${stylesheets.length} and ${glue.length}`,
  );
  process.exit(1);
}

const PAGE = path.join(folder, 'index.html');
let page = readFileSync(PAGE, 'utf8');
// Trunk's digests are SHA-384 (`integrity="sha384-…"`).
const digest = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

const shrink = async (name, transform) => {
  const file = path.join(folder, name);
  const text = readFileSync(file, 'utf8');
  const out = await transform(text);
  writeFileSync(file, out);
  page = page.replaceAll(`integrity="${digest(text)}"`, `integrity="${digest(out)}"`);
  console.log(`minify: ${name} ${text.length} -> ${out.length} bytes`);
};

for (const name of stylesheets) {
  await shrink(name, (text) => minifyCss(text).css);
}
await shrink(glue[0], async (text) => {
  // The build step checks the function is there before it writes the single file.
  const result = await minifyJs(text, {
    module: true,
    compress: true,
    mangle: { reserved: [GLUE_INIT] },
  });
  return result.code;
});
writeFileSync(PAGE, page);
