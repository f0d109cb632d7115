import { describe, expect, it } from 'vitest';
import { ExitTally, type ExitTallySpec } from '../../src/tallies/exitTally.js';
import { standardError } from '../../src/tallies/stats.js';

const spec: ExitTallySpec = { radialBinMm: 0.5, radialBins: 4, imagePixels: 5, imagePixelMm: 0.5, pathBinMm: 1, pathBins: 3 };

// [x, y, signedWeight, pathCode] per photon, one of each outcome (kernels/transport.js's exit mode).
const batch = Float32Array.from([
  ...[0.1, 0.1, 0.5, 1.5], // detected at r ≈ 0.14 mm, path 1.5 mm
  ...[0.6, 0.8, 0.25, -2 - 2.5], // top, outside the cone, r = 1 mm
  ...[0.3, 0.4, -0.125, 4], // transmitted at r = 0.5 mm
  ...[9, 9, 0.0625, -1], // step cap
  ...[0, 0, 0, 3], // absorbed
  ...[5, 0, 0.25, 10], // detected at r = 5 mm (beyond the grids), path 10 mm
]);

describe('ExitTally', () => {
  it('sorts each outcome into its sums and histograms', () => {
    const t = new ExitTally(spec, 0.9);
    t.add(batch, 6);
    expect(t.photons).toBe(6);
    expect(t.rdSum).toBeCloseTo(0.5 + 0.25 + 0.25, 15);
    expect(t.detectedSum).toBeCloseTo(0.75, 15);
    expect(t.rejectedSum).toBeCloseTo(0.25, 15);
    expect(t.ttSum).toBeCloseTo(0.125, 15);
    expect(t.steppedOut).toBe(1);
    expect(t.steppedOutWeight).toBeCloseTo(0.0625, 15);
    // Absorbed = launch weight − what left − what the step cap stopped, per photon.
    expect(t.absorbedSum).toBeCloseTo(6 * 0.9 - 1 - 0.125 - 0.0625, 12);
    expect(Array.from(t.radial)).toEqual([0.5, 0, 0.25, 0.25]); // the last bin collects all beyond the grid
    expect(Array.from(t.transmittedRadial)).toEqual([0, 0.125, 0, 0]);
    expect(Array.from(t.pathLength)).toEqual([0, 0.5, 0.25]);
    // Only detected photons inside the field reach the image: (0.1, 0.1) → pixel (2, 2).
    expect(t.image[2 * 5 + 2]).toBeCloseTo(0.5, 15);
    expect(t.image.reduce((a, b) => a + b, 0)).toBeCloseTo(0.5, 15);
  });

  it('standard errors are those of the per-photon values', () => {
    const t = new ExitTally(spec, 1);
    t.add(batch, 6);
    const top = [0.5, 0.25, 0, 0, 0, 0.25];
    const sum = top.reduce((a, b) => a + b, 0);
    const sq = top.reduce((a, b) => a + b * b, 0);
    const mean = sum / 6;
    const sd = Math.sqrt(top.reduce((a, b) => a + (b - mean) ** 2, 0) / 5);
    expect(t.summary().diffuseReflectanceStdErr).toBeCloseTo(sd / Math.sqrt(6), 12);
    expect(standardError(sum, sq, 6)).toBeCloseTo(sd / Math.sqrt(6), 12);
    expect(standardError(1, 1, 1)).toBeNaN();
  });

  it('merges by addition: two halves give the sums of the whole, and JSON round-trips exactly', () => {
    const whole = new ExitTally(spec, 0.9);
    whole.add(batch, 6);
    const a = new ExitTally(spec, 0.9);
    const b = new ExitTally(spec, 0.9);
    a.add(batch.subarray(0, 12), 3);
    b.add(batch.subarray(12), 3);
    a.merge(b);
    // Sums of the same numbers in another order: equal to rounding.
    const rounded = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(12)) : x)));
    expect(rounded(a.toJSON())).toEqual(rounded(whole.toJSON()));
    expect(ExitTally.fromJSON(JSON.parse(JSON.stringify(whole.toJSON()))).toJSON()).toEqual(whole.toJSON());
  });

  it("Rd(r) is weight per annulus area per launched photon (MCML's convention)", () => {
    const t = new ExitTally(spec, 1);
    t.add(batch, 6);
    const { rMm, perMm2 } = t.radialReflectancePerMm2();
    expect(rMm).toEqual([0.25, 0.75, 1.25, 1.75]);
    expect(perMm2[0]).toBeCloseTo(0.5 / (6 * Math.PI * 0.5 ** 2), 12);
    expect(perMm2[2]).toBeCloseTo(0.25 / (6 * Math.PI * (1.5 ** 2 - 1)), 12);
  });
});
