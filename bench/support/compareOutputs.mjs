// node bench/support/compareOutputs.mjs BEFORE AFTER (after npm run build): numbers in JSON/CSV must be identical; binary files byte-identical
// (TIFF: except the ImageDescription text, which holds paths and the version).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
const [A, B] = process.argv.slice(2);
const IGNORE = new Set(['elapsedMs', 'photonsPerSecond', 'nirwalk', 'version', 'backendDescription', 'backend', 'inputDigest']);
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
let failures = 0, compared = 0, numbers = 0;
const diffs = [];
function cmp(a, b, path) {
  if (typeof a === 'number' || typeof b === 'number') {
    numbers++;
    if (!(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)))) diffs.push(`${path}: ${a} vs ${b}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b && typeof a === 'string' && !/\/tmp\/baseline/.test(a + b)) diffs.push(`${path}: "${a}" vs "${b}"`);
    return;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (IGNORE.has(k)) continue;
    if (!(k in a)) { diffs.push(`${path}.${k}: only after`); continue; }
    if (!(k in b)) { diffs.push(`${path}.${k}: only before`); continue; }
    cmp(a[k], b[k], `${path}.${k}`);
  }
}
for (const fa of walk(A)) {
  const rel = relative(A, fa);
  const fb = join(B, rel);
  let bb;
  try { bb = readFileSync(fb); } catch { diffs.push(`${rel}: missing after`); continue; }
  const ab = readFileSync(fa);
  compared++;
  const before = diffs.length;
  if (rel.endsWith('.json')) cmp(JSON.parse(ab), JSON.parse(bb), rel);
  else if (rel.endsWith('.csv')) { if (!ab.equals(bb)) diffs.push(`${rel}: differs`); }
  else if (/\.(npy|png)$/.test(rel)) { if (!ab.equals(bb)) diffs.push(`${rel}: bytes differ`); }
  else if (/\.tiff?$/.test(rel) && !ab.equals(bb)) {
    // Paths in the ImageDescription shift the offsets: compare the decoded float pixels and pixel size.
    const { readImage } = await import(new URL('../../dist/index.js', import.meta.url).href);
    const [ia, ib] = [await readImage(fa), await readImage(fb)];
    const same = ia.width === ib.width && ia.height === ib.height && ia.pixelMm === ib.pixelMm && Buffer.from(ia.data.buffer).equals(Buffer.from(ib.data.buffer));
    if (!same) diffs.push(`${rel}: pixels differ`);
  } else if (false) {
    // Compare the float raster: same length files with identical bytes outside the description.
    const n = Math.min(ab.length, bb.length); let d = 0;
    for (let i = 0; i < n; i++) if (ab[i] !== bb[i]) d++;
    if (ab.equals(bb)) {} else if (ab.length === bb.length && d === 0) {} else diffs.push(`${rel}: ${d} bytes differ, sizes ${ab.length}/${bb.length}${ab.length === bb.length ? '' : ''}`);
  } else if (/\.(svg|html)$/.test(rel)) {
    const strip = (t) => t.toString().replace(/\/tmp\/baseline\/[^"'<\s]*/g, '').replace(/nirwalk [0-9.]+/g, '').replace(/\d+(\.\d+)? s\b/g, '');
    if (strip(ab) !== strip(bb)) diffs.push(`${rel}: text differs (beyond paths/timing)`);
  }
  console.log(`${diffs.length === before ? 'same' : 'DIFF'}  ${rel}`);
}
for (const fb of walk(B)) if (!statSync(join(A, relative(B, fb)), { throwIfNoEntry: false })) diffs.push(`${relative(B, fb)}: only after`);
console.log(`\n${compared} files, ${numbers} JSON numbers compared; ${diffs.length} differences`);
for (const d of diffs.slice(0, 40)) console.log('  ' + d);
process.exitCode = diffs.length ? 1 : 0;
