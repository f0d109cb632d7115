import { describe, expect, it } from 'vitest';
import { foldedLineProfile, halfMax, radialProfile } from '../../src/analysis/halfMax.js';

/** Exact annulus weights of a radial density given by its cumulative weight inside r. */
function annuli(cumulative: (r: number) => number, binMm: number, bins: number): Float64Array {
  const w = new Float64Array(bins);
  for (let i = 0; i < bins - 1; i++) w[i] = cumulative((i + 1) * binMm) - cumulative(i * binMm);
  w[bins - 1] = cumulative(Infinity) - cumulative((bins - 1) * binMm);
  return w;
}

describe('halfMax (ln-density core fit)', () => {
  it('Gaussian PSF: HWHM = σ·√(2 ln 2)', () => {
    const sigma = 0.4;
    const w = annuli((r) => 1 - Math.exp(-(r * r) / (2 * sigma * sigma)), 0.01, 300);
    const h = halfMax(radialProfile(w, 0.01));
    expect(h.halfWidthMm / (sigma * Math.sqrt(2 * Math.LN2))).toBeCloseTo(1, 3);
    expect(h.peak / (1 / (2 * Math.PI * sigma * sigma))).toBeCloseTo(1, 2);
  });

  it('unscattered point at depth d (density ∝ d/(d² + r²)^{3/2}): FWHM = 2d·√(2^{2/3} − 1) ≈ 1.533·d', () => {
    const d = 0.5;
    // Weight inside r of the flux through a plane from an isotropic point at depth d: 1 − d/√(d² + r²).
    const w = annuli((r) => (r === Infinity ? 1 : 1 - d / Math.sqrt(d * d + r * r)), d / 40, 600);
    const h = halfMax(radialProfile(w, d / 40));
    expect((2 * h.halfWidthMm) / (2 * d * Math.sqrt(2 ** (2 / 3) - 1))).toBeCloseTo(1, 2);
  });

  it('Gaussian line spread function folded about 0: FWHM = 2.3548·σ', () => {
    const sigma = 0.3;
    const binMm = 0.01;
    const erf = (x: number) => {
      // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7).
      const t = 1 / (1 + 0.3275911 * Math.abs(x));
      const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
      return Math.sign(x) * y;
    };
    const folded = new Float64Array(400);
    for (let i = 0; i < folded.length; i++) folded[i] = erf(((i + 1) * binMm) / (sigma * Math.SQRT2)) - erf((i * binMm) / (sigma * Math.SQRT2));
    const h = halfMax(foldedLineProfile(folded, binMm));
    expect((2 * h.halfWidthMm) / (2 * Math.sqrt(2 * Math.LN2) * sigma)).toBeCloseTo(1, 3);
  });

  it('gives NaN for a profile narrower than three bins (no width can be measured)', () => {
    const w = annuli((r) => 1 - Math.exp(-(r * r) / (2 * 0.01 * 0.01)), 0.01, 100);
    expect(halfMax(radialProfile(w, 0.01)).halfWidthMm).toBeNaN();
  });

  it('with a fixed window it is one fit, a smooth function of the data (as the jackknife needs)', () => {
    const sigma = 0.4;
    const w = annuli((r) => 1 - Math.exp(-(r * r) / (2 * sigma * sigma)), 0.01, 300);
    const free = halfMax(radialProfile(w, 0.01)).halfWidthMm;
    const fixed = halfMax(radialProfile(w, 0.01), free).halfWidthMm;
    expect(fixed).toBeCloseTo(free, 6);
    const scaled = halfMax(radialProfile(w.map((v) => 3 * v), 0.01), free).halfWidthMm;
    expect(scaled).toBeCloseTo(fixed, 12);
  });
});
