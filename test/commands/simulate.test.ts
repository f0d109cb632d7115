import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nirwalk } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nirwalk-sim-'));
const TIMING = new Set(['elapsedMs', 'photonsPerSecond', 'threads', 'backendDescription']);
const withoutTiming = (json: Record<string, unknown>) => Object.fromEntries(Object.entries(json).filter(([k]) => !TIMING.has(k)));

describe('nirwalk simulate', () => {
  const phantom = join(dir, 'three-layer.json');
  writeFileSync(
    phantom,
    JSON.stringify({
      name: 'three-layer-demo',
      ambient: { n: 1.0 },
      below: { n: 1.0 },
      layers: [
        { name: 'skin', thicknessMm: 1.0, muaPerMm: 0.09, musPerMm: 6.0, g: 0.9, n: 1.4 },
        { name: 'fat', thicknessMm: 2.0, muaPerMm: 0.1, musPerMm: 7.0, g: 0.9, n: 1.44 },
        { name: 'muscle', thicknessMm: null, muaPerMm: 0.12, musPerMm: 5.0, g: 0.9, n: 1.37 },
      ],
      source: { type: 'pencil' },
    }),
  );

  it('writes the same numbers with --threads 1 and --threads 2 (timing fields aside)', async () => {
    const a = await nirwalk(['simulate', phantom, '--photons', '6000', '--seed', '5', '--threads', '1', '--backend', 'cpu', '--out', join(dir, 't1'), '--by-layer']);
    const b = await nirwalk(['simulate', phantom, '--photons', '6000', '--seed', '5', '--threads', '2', '--backend', 'cpu', '--out', join(dir, 't2'), '--by-layer']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const ra = JSON.parse(readFileSync(join(dir, 't1', 'result.json'), 'utf8'));
    const rb = JSON.parse(readFileSync(join(dir, 't2', 'result.json'), 'utf8'));
    expect(JSON.stringify(withoutTiming(ra))).toBe(JSON.stringify(withoutTiming(rb)));
    expect(readFileSync(join(dir, 't1', 'exit-image.npy'))).toEqual(readFileSync(join(dir, 't2', 'exit-image.npy')));
  });

  it('has the contract fields, balanced energy and MCML-style Rd(r)', async () => {
    const r = JSON.parse(readFileSync(join(dir, 't1', 'result.json'), 'utf8'));
    for (const field of ['photons', 'seed', 'backend', 'threads', 'elapsedMs', 'photonsPerSecond', 'specularReflectance', 'diffuseReflectance', 'transmittance', 'absorbed', 'absorbedByLayer', 'steppedOut']) {
      expect(r, field).toHaveProperty(field);
    }
    expect(r.stdErr.diffuseReflectance).toBeGreaterThan(0);
    expect(r.radialReflectance.rMm).toHaveLength(200);
    expect(r.radialReflectance.perMm2).toHaveLength(200);
    expect(r.radialReflectance.binMm).toBe(0.1);
    // Rd(r) integrates (Σ Rd(r)·annulus area) to the total diffuse reflectance.
    const integral = r.radialReflectance.perMm2.reduce((s: number, v: number, i: number) => s + v * Math.PI * (2 * i + 1) * 0.01, 0);
    expect(integral).toBeCloseTo(r.diffuseReflectance, 10);
    // Layers replayed with the same seeds: absorption by layer sums to the absorbed fraction.
    const sumLayers = r.absorbedByLayer.reduce((a: number, b: number) => a + b, 0);
    expect(Math.abs(sumLayers - r.absorbed)).toBeLessThan(1e-5);
    expect(Math.abs(r.specularReflectance + r.diffuseReflectance + r.transmittance + r.absorbed - 1)).toBeLessThan(1e-9);
    expect(r.specularReflectance).toBeCloseTo(((1.4 - 1) / 2.4) ** 2, 12);
  });
});
