import { describe, expect, it } from 'vitest';
import { explicitPhantom, runExit } from '../support/engine.js';

/** Farrell, Patterson & Wilson 1992 (Med. Phys. 19:879) dipole diffuse reflectance R(ρ) per mm². */
function farrellRd(rhoMm: number, muaPerMm: number, musPrimePerMm: number, nRel: number): number {
  const mutp = muaPerMm + musPrimePerMm;
  const mueff = Math.sqrt(3 * muaPerMm * mutp);
  const z0 = 1 / mutp;
  const rd = -1.44 / (nRel * nRel) + 0.71 / nRel + 0.668 + 0.0636 * nRel; // Groenhuis et al. 1983
  const A = (1 + rd) / (1 - rd);
  const zb = (2 * A) / (3 * mutp);
  const r1 = Math.hypot(z0, rhoMm);
  const r2 = Math.hypot(z0 + 2 * zb, rhoMm);
  return (
    (z0 * (mueff + 1 / r1) * Math.exp(-mueff * r1)) / (r1 * r1) + ((z0 + 2 * zb) * (mueff + 1 / r2) * Math.exp(-mueff * r2)) / (r2 * r2)
  ) / (4 * Math.PI);
}

describe('Rd(r) against diffusion theory far from the source (reference-values item 4)', () => {
  it('agrees within 10% + 4σ for 3–8 transport mean free paths (semi-infinite, matched index)', async () => {
    const muaPerMm = 0.05;
    const musPerMm = 10;
    const g = 0.9;
    const phantom = explicitPhantom([[null, muaPerMm, musPerMm, g, 1]]);
    const spec = { radialBinMm: 0.5, radialBins: 20, imagePixels: 11, imagePixelMm: 0.5, pathBinMm: 1, pathBins: 10 };
    // Standard errors per bin from 10 independent groups of photons (different seeds).
    const groups: number[][] = [];
    for (let gIdx = 0; gIdx < 10; gIdx++) {
      const { tally } = await runExit(phantom, { photons: 3000, seed: 100 + gIdx, spec });
      groups.push(tally.radialReflectancePerMm2().perMm2);
    }
    const { rMm } = (await runExit(phantom, { photons: 10, seed: 1, spec })).tally.radialReflectancePerMm2();
    for (let i = 6; i < 16; i++) {
      const values = groups.map((gv) => gv[i]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      const se = sd / Math.sqrt(values.length);
      // Average the model over the bin (it curves strongly), as the tally does.
      let model = 0;
      const a = rMm[i] - 0.25;
      for (let k = 0; k < 50; k++) {
        const r = a + (k + 0.5) * 0.01;
        model += farrellRd(r, muaPerMm, musPerMm * (1 - g), 1) * r;
      }
      model = (model * 0.01) / (0.5 * rMm[i]);
      expect(Math.abs(mean - model)).toBeLessThan(0.1 * model + 4 * se);
    }
  });
});
