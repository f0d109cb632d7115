import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src/engine/backends/registry.js';
import { excitationFluence } from '../../src/imaging/emitter.js';
import { explicitPhantom, opticsOf, runExit } from '../support/engine.js';

const K = 4;

describe('camera model', () => {
  it('detects only exit rays inside the objective NA: (1 − cos θmax)/2 of an unscattered source', async () => {
    const phantom = explicitPhantom([[null, 0, 0, 0, 1]], { source: { type: 'isotropic', positionMm: [0, 0, 1] } });
    const N = 40_000;
    const na = 0.5;
    const { tally } = await runExit(phantom, { photons: N, seed: 12, problem: { camera: { numericalAperture: na, focusDepthMm: 0 } } });
    const expected = (1 - Math.cos(Math.asin(na))) / 2;
    const s = tally.summary();
    expect(Math.abs(s.detected - expected)).toBeLessThan(K * Math.sqrt((expected * (1 - expected)) / N));
    // All escaping light is still counted in the diffuse reflectance; the rest is outside the cone.
    expect(s.diffuseReflectance).toBeCloseTo(s.detected + s.outsideAcceptance, 12);
  });

  it('back-projects exit rays to the focal plane: focused on an unscattered source, the image is a point', async () => {
    const depthMm = 1.5;
    const phantom = explicitPhantom([[null, 0, 0, 0, 1.4]], { source: { type: 'isotropic', positionMm: [0.3, -0.2, depthMm] } });
    const { tally } = await runExit(phantom, {
      photons: 3000,
      seed: 2,
      problem: { camera: { numericalAperture: 0.1, focusDepthMm: depthMm } },
      spec: { radialBinMm: 0.01, radialBins: 10, imagePixels: 101, imagePixelMm: 0.01, pathBinMm: 1, pathBins: 4 },
    });
    // Paraxial rays (NA 0.1) through a flat n = 1.4 surface land within a few µm of the source:
    // the detected image (which holds only rays inside the NA) is the source's pixel and its neighbours.
    const px = (mm: number) => Math.floor(mm / 0.01 + 101 / 2);
    let total = 0;
    let near = 0;
    tally.image.forEach((w, i) => {
      total += w;
      const x = i % 101;
      const y = Math.floor(i / 101);
      if (Math.abs(x - px(0.3)) <= 1 && Math.abs(y - px(-0.2)) <= 1) near += w;
    });
    expect(total).toBeCloseTo(tally.detectedSum, 9);
    expect(total).toBeGreaterThan(0);
    expect(near / total).toBeGreaterThan(0.99);
  });
});

describe('pencil beam with a clear first layer (MCML glass layer)', () => {
  it('counts the glass multiple reflections as specular (MCML Rspecular) and starts below the glass', async () => {
    const phantom = explicitPhantom([
      [1, 0, 0, 0, 1.5],
      [null, 0.1, 5, 0.8, 1.33],
    ]);
    const { tally, info } = await runExit(phantom, { photons: 5000, seed: 1 });
    const r1 = (0.5 / 2.5) ** 2;
    const r2 = (0.17 / 2.83) ** 2;
    expect(info.launch.specular).toBeCloseTo(r1 + ((1 - r1) ** 2 * r2) / (1 - r1 * r2), 12);
    const s = tally.summary();
    expect(s.diffuseReflectance).toBeGreaterThan(0.05);
  });
});

describe('excitation fluence (tally mode 1, track-length estimator)', () => {
  it('equals (1 − Rs)·exp(−μa z) for a broad beam into a non-scattering absorber', async () => {
    const muaPerMm = 0.3;
    const n = 1.4;
    const phantom = explicitPhantom([[null, muaPerMm, 0, 0, n]]);
    const backend = await createBackend('cpu', 2);
    try {
      const depths = [0.5, 1, 2, 3];
      const { fluence, stdErr } = await excitationFluence(depths, { phantom, opticsByBin: [opticsOf(phantom)], photons: 4000, seed: 1, backend, settingKey: 'test' });
      const rs = ((n - 1) / (n + 1)) ** 2;
      depths.forEach((z, i) => {
        const expected = (1 - rs) * Math.exp(-muaPerMm * z);
        // Straight photons: the estimator is exact up to the slab average of exp(−μa z).
        expect(Math.abs(fluence[i] - expected)).toBeLessThan(K * stdErr[i] + 2e-3 * expected);
      });
    } finally {
      await backend.close();
    }
  });
});
