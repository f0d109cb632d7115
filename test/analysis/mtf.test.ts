import { describe, expect, it } from 'vitest';
import { mtfCrossing, mtfFromFoldedLsf } from '../../src/analysis/mtf.js';

describe('MTF of a folded line spread function', () => {
  it('Gaussian LSF of σ: MTF(f) = exp(−2π²σ²f²)', () => {
    const sigma = 0.2;
    const binMm = 0.002;
    const positionsMm = Array.from({ length: 1000 }, (_, i) => (i + 0.5) * binMm);
    const density = positionsMm.map((x) => Math.exp(-(x * x) / (2 * sigma * sigma)));
    const freqs = [0, 0.5, 1, 2, 3];
    const mtf = mtfFromFoldedLsf(positionsMm, density, binMm, freqs);
    freqs.forEach((f, i) => expect(mtf[i]).toBeCloseTo(Math.exp(-2 * Math.PI ** 2 * sigma ** 2 * f ** 2), 5));
    // MTF50 of a Gaussian: f = √(ln 2 / 2) / (π σ).
    const fine = Array.from({ length: 401 }, (_, i) => i * 0.01);
    const f50 = mtfCrossing(fine, mtfFromFoldedLsf(positionsMm, density, binMm, fine), 0.5);
    expect(f50).toBeCloseTo(Math.sqrt(Math.LN2 / 2) / (Math.PI * sigma), 3);
  });

  it('crossing is linearly interpolated, NaN when the level is never reached', () => {
    expect(mtfCrossing([0, 1, 2], [1, 0.6, 0.2], 0.5)).toBeCloseTo(1.25, 14);
    expect(mtfCrossing([0, 1, 2], [1, 0.9, 0.8], 0.5)).toBeNaN();
    expect(mtfFromFoldedLsf([0.5], [0], 1, [0])[0]).toBeNaN();
  });
});
