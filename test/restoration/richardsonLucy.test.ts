import { describe, expect, it } from 'vitest';
import { unscatteredProfile } from '../../bench/support/analyticPsf.js';
import { estimateBackground } from '../../src/restoration/background.js';
import { createImage, type FloatImage } from '../../src/image/floatImage.js';
import { psnr } from '../../bench/support/imageMetrics.js';
import { radialKernelImage } from '../../src/image/radialPsf.js';
import { restore } from '../../src/restoration/richardsonLucy.js';
import { defaultVesselLayout, synthesize } from '../../bench/support/synthetic.js';
import { assessVessels, columnProfile } from '../../bench/support/vesselProfile.js';

const W = 256;
const PIXEL_MM = 0.05;
const KERNEL_PX = 161;
const BACKGROUND = 10;
const kernel = (depthMm: number): FloatImage =>
  createImage(KERNEL_PX, KERNEL_PX, radialKernelImage(unscatteredProfile(depthMm, KERNEL_PX * PIXEL_MM), KERNEL_PX, PIXEL_MM));
const layout = defaultVesselLayout(W * PIXEL_MM);
const scene = synthesize([{ layout, kernel: kernel(1) }], W, W, PIXEL_MM, { peakCounts: 2000, backgroundCounts: BACKGROUND, seed: 1 });
const blurred = createImage(W, W, scene.noisy.data.map((v) => v - BACKGROUND));

function totalVariation(img: FloatImage): number {
  let s = 0;
  for (let y = 0; y + 1 < img.height; y++)
    for (let x = 0; x + 1 < img.width; x++) {
      const p = y * img.width + x;
      s += Math.hypot(img.data[p + 1] - img.data[p], img.data[p + img.width] - img.data[p]);
    }
  return s;
}

describe('Richardson-Lucy on a synthetic vessel image (vessels 1 mm deep, unscattered PSF, Poisson noise)', () => {
  const right = restore(scene.noisy, kernel(1), { iterations: 100, background: BACKGROUND }).restored;

  it('improves PSNR against the ground truth and narrows a blurred vessel', () => {
    const before = assessVessels(blurred, layout, PIXEL_MM);
    const after = assessVessels(right, layout, PIXEL_MM);
    expect(psnr(scene.truth, right)).toBeGreaterThan(psnr(scene.truth, blurred) + 0.3);
    // The 0.2 mm vessel: about 1.3 mm FWHM blurred.
    expect(before.singleFwhmMm[1]).toBeGreaterThan(1.2);
    expect(after.singleFwhmMm[1]).toBeLessThan(0.65 * before.singleFwhmMm[1]);
    expect(right.data.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  });

  it('restores worse with a wrong-depth kernel, too shallow or too deep', () => {
    const best = psnr(scene.truth, right);
    for (const depthMm of [0.5, 1.5]) {
      const wrong = restore(scene.noisy, kernel(depthMm), { iterations: 100, background: BACKGROUND }).restored;
      expect(psnr(scene.truth, wrong), `${depthMm} mm`).toBeLessThan(best - 0.1);
    }
  });

  it('explains light from a vessel just outside the field without a false vessel or ringing at the border', () => {
    const k = createImage(81, 81, radialKernelImage(unscatteredProfile(0.5, 81 * PIXEL_MM), 81, PIXEL_MM));
    const outside = { vessels: [{ xMm: -0.5, widthMm: 0.1, intensity: 1 }, { xMm: 3.2, widthMm: 0.1, intensity: 1 }], pairs: [] as [number, number][] };
    const s = synthesize([{ layout: outside, kernel: k }], 128, 128, PIXEL_MM, { peakCounts: 2000, backgroundCounts: BACKGROUND, seed: 3 });
    const r = restore(s.noisy, k, { iterations: 100, background: BACKGROUND }).restored;
    const p = columnProfile(r, 0, 128);
    const inner = Math.max(...p.subarray(58, 70));
    expect(Math.max(...p.subarray(0, 10))).toBeLessThan(0.15 * inner);
    for (let x = 1; x < 20; x++) expect(p[x], `column ${x}`).toBeLessThan(p[x - 1]);
  });

  it('TV regularization gives a smoother, still non-negative estimate', () => {
    const tv = restore(scene.noisy, kernel(1), { iterations: 100, background: BACKGROUND, tvLambda: 0.005 }).restored;
    expect(tv.data.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    expect(totalVariation(tv)).toBeLessThan(totalVariation(right));
  });
});

describe('Richardson-Lucy details', () => {
  it('restores a flat image to the same flat level right up to the edges', () => {
    const flat = createImage(64, 48, new Float32Array(64 * 48).fill(100));
    const k = createImage(31, 31, radialKernelImage(unscatteredProfile(0.3, 2), 31, 0.05));
    const r = restore(flat, k, { iterations: 30 }).restored;
    for (const v of r.data) expect(Math.abs(v / 100 - 1)).toBeLessThan(0.02);
  });

  it('auto background: a low percentile of the smoothed image', () => {
    const b = estimateBackground(scene.noisy);
    expect(b).toBeGreaterThan(BACKGROUND);
    // One shallow vessel at the side of the field leaves most of it dark: background 20 counts.
    const k = kernel(0.2);
    const sparse = synthesize([{ layout: { vessels: [{ xMm: 1, widthMm: 0.1, intensity: 1 }], pairs: [] }, kernel: k }], 192, 192, PIXEL_MM, {
      peakCounts: 500,
      backgroundCounts: 20,
      seed: 2,
    }).noisy;
    const b0 = estimateBackground(sparse);
    expect(b0).toBeGreaterThan(18.5);
    expect(b0).toBeLessThan(21);
    expect(restore(sparse, k, { iterations: 2, background: 'auto' }).background).toBe(b0);
  });

  it('rejects bad arguments with clear errors', () => {
    const img = createImage(32, 32, new Float32Array(32 * 32).fill(1));
    const k = createImage(5, 5, new Float32Array(25).fill(1));
    expect(() => restore(img, k, { iterations: -1 })).toThrow(/iterations: must be a whole number >= 1 \(got -1\)/);
    expect(() => restore(img, k, { iterations: 2.5 })).toThrow(/iterations: must be a whole number/);
    expect(() => restore(img, k, { iterations: 5, tvLambda: -0.1 })).toThrow(/TV regularization weight/);
    expect(() => restore(img, createImage(4, 5, new Float32Array(20).fill(1)), { iterations: 5 })).toThrow(/odd width and height/);
    expect(() => restore(img, createImage(33, 33, new Float32Array(33 * 33).fill(1)), { iterations: 5 })).toThrow(
      /kernel \(33x33 px\) is larger than the image \(32x32 px\)/,
    );
    expect(() => restore(img, createImage(3, 3, new Float32Array(9)), { iterations: 5 })).toThrow(/all pixels are zero/);
  });
});
