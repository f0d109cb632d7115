import { describe, expect, it } from 'vitest';
import { jackknife } from '../../src/analysis/jackknife.js';

describe('jackknife (delete-one-group)', () => {
  it('of a mean equals the classical standard error of the group means (an exact identity)', () => {
    // Each group: [sum of values, count]; the estimate is the mean = sum / count.
    const means = [1.3, 0.7, 1.1, 0.9, 1.6, 0.4, 1.2, 0.8];
    const n = 50;
    const groups = means.map((m) => Float64Array.from([m * n, n]));
    const r = jackknife(groups, (s) => s[0] / s[1]);
    const G = means.length;
    const mean = means.reduce((a, b) => a + b, 0) / G;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / (G - 1));
    expect(r.value).toBeCloseTo(mean, 14);
    expect(r.stdErr).toBeCloseTo(sd / Math.sqrt(G), 14);
  });

  it('of a ratio matches the delta-method error for small spread', () => {
    const groups = [
      [10.2, 5.0],
      [9.8, 5.1],
      [10.5, 4.9],
      [9.9, 5.0],
      [10.1, 5.2],
      [10.0, 4.8],
    ].map((g) => Float64Array.from(g));
    const r = jackknife(groups, (s) => s[0] / s[1]);
    const G = groups.length;
    const X = groups.reduce((a, g) => a + g[0], 0);
    const Y = groups.reduce((a, g) => a + g[1], 0);
    const R = X / Y;
    // Linearised: residuals d_i = x_i − R·y_i; SE² = G/(G−1) Σ d_i² / Y².
    const se = Math.sqrt((G / (G - 1)) * groups.reduce((a, g) => a + (g[0] - R * g[1]) ** 2, 0)) / Y;
    expect(r.value).toBeCloseTo(R, 14);
    expect(r.stdErr / se).toBeCloseTo(1, 1);
  });

  it('is NaN with one group or when a replicate fails', () => {
    expect(jackknife([Float64Array.from([1, 2])], (s) => s[0]).stdErr).toBeNaN();
    const groups = [Float64Array.from([1]), Float64Array.from([2]), Float64Array.from([3])];
    expect(jackknife(groups, (s) => (s[0] === 4 ? NaN : s[0])).stdErr).toBeNaN();
  });
});
