import { describe, expect, it } from 'vitest';
import { depthAtThreshold, fitAttenuation } from '../../src/analysis/attenuation.js';

describe('fitAttenuation (weighted least squares of ln S on depth)', () => {
  it('recovers μ and S0 of an exact exponential', () => {
    const depths = [0.5, 1, 2, 3];
    const signal = depths.map((d) => 0.3 * Math.exp(-1.7 * d));
    const r = fitAttenuation(depths, signal, signal.map((s) => 0.05 * s));
    expect(r.muEffPerMm).toBeCloseTo(1.7, 12);
    expect(r.signalAtZero).toBeCloseTo(0.3, 12);
    expect(r.oneOverEDepthMm).toBeCloseTo(1 / 1.7, 12);
  });

  it('its standard error is the textbook slope error for equal relative errors: σ / √Σ(d − d̄)²', () => {
    const depths = [0.5, 1, 2, 3];
    const rel = 0.04;
    const signal = depths.map((d, i) => Math.exp(-d) * (1 + (i % 2 ? rel : -rel)));
    const r = fitAttenuation(depths, signal, signal.map((s) => rel * s));
    const mean = depths.reduce((a, b) => a + b, 0) / depths.length;
    expect(r.muEffStdErr).toBeCloseTo(rel / Math.sqrt(depths.reduce((a, d) => a + (d - mean) ** 2, 0)), 12);
  });

  it('needs two depths with signal', () => {
    expect(fitAttenuation([1, 2], [0.1, 0], [0.01, 0]).muEffPerMm).toBeNaN();
  });
});

describe('depthAtThreshold (log-linear interpolation)', () => {
  it('is exact for an exponential fall, whatever the order of the depths', () => {
    const depths = [3, 1, 2];
    const values = depths.map((d) => 10 * Math.exp(-1.2 * d));
    const r = depthAtThreshold(depths, values, 1);
    expect(r.depthMm).toBeCloseTo(Math.log(10) / 1.2, 12);
  });

  it('is null (with a note) when the threshold is outside the simulated range', () => {
    expect(depthAtThreshold([1, 2], [5, 3], 1)).toMatchObject({ depthMm: null, note: expect.stringMatching(/still above/) });
    expect(depthAtThreshold([1, 2], [0.5, 0.3], 1)).toMatchObject({ depthMm: null, note: expect.stringMatching(/already below/) });
  });
});
