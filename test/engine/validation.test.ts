import { describe, expect, it } from 'vitest';
import { explicitPhantom, runExit } from '../support/engine.js';

// Every Monte Carlo check uses a fixed seed and a tolerance of 4 standard errors of the estimate.
const K = 4;

describe('van de Hulst slab (Prahl et al. 1989; MCML paper Table 2)', () => {
  it('reproduces Rd = 0.09739 and Tt = 0.66096 within 4σ', async () => {
    // mua 10/cm, mus 90/cm, g 0.75, 0.02 cm, n = 1 everywhere → per mm.
    const phantom = explicitPhantom([[0.2, 1, 9, 0.75, 1]]);
    const { tally } = await runExit(phantom, { photons: 200_000, seed: 11 });
    const s = tally.summary();
    expect(Math.abs(s.diffuseReflectance - 0.09739)).toBeLessThan(K * s.diffuseReflectanceStdErr);
    expect(Math.abs(s.transmittance - 0.66096)).toBeLessThan(K * s.transmittanceStdErr);
    expect(s.diffuseReflectanceStdErr).toBeLessThan(0.001);
  });
});

describe('clear slab with index mismatch (Fresnel at normal incidence, multiple internal reflections)', () => {
  it('matches the geometric-series solution', async () => {
    // Non-scattering slab n = 1.5 in air, mua = 0.5/mm, 1 mm thick, pencil beam.
    const n = 1.5;
    const muaPerMm = 0.5;
    const dMm = 1;
    const phantom = explicitPhantom([[dMm, muaPerMm, 0, 0, n]]);
    const { tally, info } = await runExit(phantom, { photons: 40_000, seed: 3 });
    const rs = ((n - 1) / (n + 1)) ** 2;
    const a = Math.exp(-muaPerMm * dMm);
    const rdExpected = ((1 - rs) * rs * (1 - rs) * a * a) / (1 - rs * rs * a * a);
    const ttExpected = ((1 - rs) * (1 - rs) * a) / (1 - rs * rs * a * a);
    const s = tally.summary();
    expect(info.launch.specular).toBeCloseTo(rs, 12);
    expect(Math.abs(s.diffuseReflectance - rdExpected)).toBeLessThan(K * s.diffuseReflectanceStdErr);
    expect(Math.abs(s.transmittance - ttExpected)).toBeLessThan(K * s.transmittanceStdErr);
  });
});

/** Unpolarised Fresnel transmittance from n1 into n2 at incidence cosine mu (independent of the kernel). */
function fresnelT(n1: number, n2: number, mu: number): number {
  const sinT = (n1 / n2) * Math.sqrt(1 - mu * mu);
  if (sinT >= 1) return 0;
  const cosT = Math.sqrt(1 - sinT * sinT);
  const rs = (n1 * mu - n2 * cosT) / (n1 * mu + n2 * cosT);
  const rp = (n1 * cosT - n2 * mu) / (n1 * cosT + n2 * mu);
  return 1 - 0.5 * (rs * rs + rp * rp);
}

describe('unscattered isotropic point source (reference-values item 3)', () => {
  it('half of the photons escape through the top when mua = 0 and n is matched', async () => {
    const phantom = explicitPhantom([[null, 0, 0, 0, 1]], { source: { type: 'isotropic', positionMm: [0, 0, 2] } });
    const N = 40_000;
    const { tally } = await runExit(phantom, { photons: N, seed: 5 });
    const s = tally.summary();
    expect(Math.abs(s.diffuseReflectance - 0.5)).toBeLessThan(K * Math.sqrt(0.25 / N));
  });

  it('escaping flux per area follows (1/4π)·d/r³·exp(−mua·r) bin by bin', async () => {
    const dMm = 1;
    const muaPerMm = 0.2;
    const spec = { radialBinMm: 0.25, radialBins: 16, imagePixels: 11, imagePixelMm: 0.25, pathBinMm: 1, pathBins: 10 };
    const phantom = explicitPhantom([[null, muaPerMm, 0, 0, 1]], { source: { type: 'isotropic', positionMm: [0, 0, dMm] } });
    const N = 100_000;
    const { tally } = await runExit(phantom, { photons: N, seed: 9, spec });
    // Expected weight in annulus [a, b): ∫ (1/4π) d/r³ e^{−μa r} 2πρ dρ, by Simpson's rule.
    const flux = (rho: number) => {
      const r = Math.hypot(dMm, rho);
      return ((dMm / (r * r * r)) * Math.exp(-muaPerMm * r) * 2 * Math.PI * rho) / (4 * Math.PI);
    };
    const integrate = (a: number, b: number) => {
      const m = 200;
      const h = (b - a) / m;
      let sum = flux(a) + flux(b);
      for (let i = 1; i < m; i++) sum += flux(a + i * h) * (i % 2 ? 4 : 2);
      return (sum * h) / 3;
    };
    for (let i = 0; i < spec.radialBins - 1; i++) {
      const p = integrate(i * spec.radialBinMm, (i + 1) * spec.radialBinMm);
      const observed = tally.radial[i] / N;
      // Each photon lands in the bin with weight e^{−μa r}≤1: binomial σ bounds the standard error.
      const sigma = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(observed - p)).toBeLessThan(K * sigma + 1e-12);
    }
  });

  it('escape through an index step follows the Fresnel law, total internal reflection included', async () => {
    // n = 1.4 tissue under air, no scattering or absorption, semi-infinite: reflected photons never return.
    const nTissue = 1.4;
    const phantom = explicitPhantom([[null, 0, 0, 0, nTissue]], { source: { type: 'isotropic', positionMm: [0, 0, 1] } });
    const N = 60_000;
    const { tally } = await runExit(phantom, { photons: N, seed: 21 });
    // Expected escape fraction: ½∫₀¹ T(μ) dμ over upward cosines (isotropic emission: μ uniform).
    let expected = 0;
    const m = 20_000;
    for (let i = 0; i < m; i++) expected += fresnelT(nTissue, 1, (i + 0.5) / m) / m;
    expected *= 0.5;
    const s = tally.summary();
    expect(Math.abs(s.diffuseReflectance - expected)).toBeLessThan(K * Math.sqrt((expected * (1 - expected)) / N));
  });
});
