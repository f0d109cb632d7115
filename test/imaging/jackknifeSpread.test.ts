import { afterAll, describe, expect, it } from 'vitest';
import { CpuBackend } from '../../src/engine/backends/cpu.js';
import { simulatePointEmitter } from '../../src/imaging/emitter.js';
import { explicitPhantom, opticsOf } from '../support/engine.js';

/**
 * The PSF FWHM's jackknife standard error (16 batch groups) against the spread of the FWHM over
 * independent runs (different seeds). With R runs the sample standard deviation s of a normal
 * estimate scatters as σ·√(χ²_{R−1}/(R−1)); for R = 24 its 0.5 % and 99.5 % points are 0.61σ and
 * 1.41σ. The tolerance [0.55, 1.5] on s / mean(jackknife SE) is that interval with a margin for
 * the jackknife's own scatter — a wrong error (e.g. missing √((G−1)/G·…), or per-group instead of
 * per-run) falls outside it by a factor ≥ 2.
 */
describe('jackknife FWHM errors match the spread of independent runs', () => {
  const backend = new CpuBackend(1);
  afterAll(() => backend.close());

  it('s(FWHM over 24 seeds) / mean(jackknife SE) lies in [0.55, 1.5]', async () => {
    const phantom = explicitPhantom([[null, 0.05, 5, 0.9, 1.0]]);
    const runs = 24;
    const fwhm: number[] = [];
    const stdErr: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      const r = await simulatePointEmitter(0.3, {
        phantom,
        opticsByBin: [opticsOf(phantom)],
        binProbabilities: [1],
        camera: { numericalAperture: 1, focusDepthMm: 0 },
        photons: 16_000,
        seed,
        backend,
        settingKey: 'jackknife-test',
      });
      fwhm.push(r.fwhmMm);
      stdErr.push(r.fwhmStdErr);
    }
    expect(fwhm.every(Number.isFinite)).toBe(true);
    const mean = fwhm.reduce((a, b) => a + b, 0) / runs;
    const s = Math.sqrt(fwhm.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs - 1));
    const meanSe = stdErr.reduce((a, b) => a + b, 0) / runs;
    const ratio = s / meanSe;
    expect(ratio, `spread ${s.toPrecision(3)} mm vs jackknife ${meanSe.toPrecision(3)} mm`).toBeGreaterThan(0.55);
    expect(ratio).toBeLessThan(1.5);
  });
});
