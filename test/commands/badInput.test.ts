import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nirwalk } from '../support/cli.js';

const good = {
  name: 'bad-input-case',
  layers: [
    { name: 'skin', thicknessMm: 1, muaPerMm: 0.09, musPerMm: 6, g: 0.9, n: 1.4 },
    { name: 'muscle', thicknessMm: null, muaPerMm: 0.12, musPerMm: 5, g: 0.9, n: 1.37 },
  ],
  source: { type: 'pencil' },
};

function withLayer(i: number, patch: Record<string, unknown>) {
  const p = structuredClone(good) as any;
  Object.assign(p.layers[i], patch);
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete p.layers[i][k];
  return p;
}

const cases: [string, unknown, RegExp][] = [
  ['negative thickness', withLayer(0, { thicknessMm: -1 }), /layers\[0\]\.thicknessMm: must be > 0/],
  ['g ≥ 1', withLayer(1, { g: 1 }), /layers\[1\]\.g: .*-1 < g < 1/],
  ['n < 1', withLayer(0, { n: 0.8 }), /layers\[0\]\.n: refractive index must be ≥ 1/],
  ['missing layer field', withLayer(0, { musPerMm: undefined }), /layers\[0\]\.musPerMm: is required/],
  ['source outside the tissue', { ...good, layers: [good.layers[0]], source: { type: 'isotropic', positionMm: [0, 0, 2] } }, /source\.positionMm\[2\]: .*outside the tissue/],
  ['semi-infinite layer not last', { ...good, layers: [good.layers[1], good.layers[0]] }, /layers\[0\]\.thicknessMm: only the last layer/],
];

describe('simulate rejects bad phantoms with one clear error and no output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nirwalk-bad-'));
  for (const [label, phantom, message] of cases) {
    it(label, async () => {
      const file = join(dir, `${label.replace(/\W+/g, '_')}.json`);
      writeFileSync(file, JSON.stringify(phantom));
      const out = join(dir, `out_${label.replace(/\W+/g, '_')}`);
      const r = await nirwalk(['simulate', file, '--photons', '100', '--out', out]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('wrong JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "name": "x", "layers": [ }');
    const out = join(dir, 'out_broken');
    const r = await nirwalk(['simulate', file, '--photons', '100', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/broken\.json is not valid JSON/);
    expect(existsSync(out)).toBe(false);
  });

  it('bad numbers on the command line name the option', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(good));
    const r = await nirwalk(['simulate', file, '--photons', '-5', '--out', join(dir, 'o')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--photons must be a whole number/);
  });
});
