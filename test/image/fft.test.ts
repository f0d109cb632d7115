import { describe, expect, it } from 'vitest';
import { scatteringProfile, unscatteredProfile } from '../../bench/support/analyticPsf.js';
import { binImage, binKernel } from '../../src/image/binImage.js';
import { FftConvolver, fftConvolve, fftCorrelate } from '../../src/image/fftConvolve.js';
import { createImage, type FloatImage } from '../../src/image/floatImage.js';
import { seededRng } from '../../bench/support/poisson.js';
import { kernelFwhmMm, radialKernelImage } from '../../src/image/radialPsf.js';
import { resampleKernel } from '../../src/restoration/resamplePsf.js';

function random(width: number, height: number, seed: number): FloatImage {
  const rng = seededRng(seed);
  const img = createImage(width, height);
  for (let i = 0; i < img.data.length; i++) img.data[i] = rng();
  return img;
}

function direct(image: FloatImage, kernel: FloatImage, flip: boolean): Float64Array {
  const out = new Float64Array(image.width * image.height);
  const hx = (kernel.width - 1) / 2;
  const hy = (kernel.height - 1) / 2;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      let s = 0;
      for (let j = -hy; j <= hy; j++)
        for (let i = -hx; i <= hx; i++) {
          const xs = flip ? x + i : x - i;
          const ys = flip ? y + j : y - j;
          if (xs < 0 || ys < 0 || xs >= image.width || ys >= image.height) continue;
          s += kernel.data[(j + hy) * kernel.width + i + hx] * image.data[ys * image.width + xs];
        }
      out[y * image.width + x] = s;
    }
  return out;
}

describe('FFT convolution', () => {
  it('matches direct convolution and correlation (odd, non-square kernel; sizes not powers of two)', () => {
    const image = random(37, 22, 1);
    const kernel = random(9, 5, 2);
    const conv = fftConvolve(image, kernel);
    const corr = fftCorrelate(image, kernel);
    const dc = direct(image, kernel, false);
    const dr = direct(image, kernel, true);
    let errConv = 0;
    let errCorr = 0;
    for (let i = 0; i < dc.length; i++) {
      errConv = Math.max(errConv, Math.abs(conv.data[i] - dc[i]));
      errCorr = Math.max(errCorr, Math.abs(corr.data[i] - dr[i]));
    }
    expect(errConv).toBeLessThan(1e-5);
    expect(errCorr).toBeLessThan(1e-5);
  });

  it('correlation is the adjoint of convolution on the FFT grid', () => {
    const c = new FftConvolver(random(7, 11, 3), 32, 64);
    const rng = seededRng(4);
    const x = Float64Array.from({ length: 32 * 64 }, () => rng());
    const y = Float64Array.from({ length: 32 * 64 }, () => rng());
    const kx = new Float64Array(x.length);
    const kty = new Float64Array(x.length);
    c.convolve(x, kx);
    c.correlate(y, kty);
    let a = 0;
    let b = 0;
    for (let i = 0; i < x.length; i++) {
      a += kx[i] * y[i];
      b += x[i] * kty[i];
    }
    expect(Math.abs(a - b) / Math.abs(a)).toBeLessThan(1e-12);
  });
});

describe('radial kernels', () => {
  it('renders a unit-sum kernel whose FWHM matches the unscattered point source (1.5328 d)', () => {
    for (const depthMm of [0.5, 1]) {
      const size = 201;
      const pixelMm = 0.02;
      const k = radialKernelImage(unscatteredProfile(depthMm, 4), size, pixelMm);
      let sum = 0;
      for (const v of k) sum += v;
      expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
      expect(k[100 * size + 100]).toBe(Math.max(...k));
      expect(k[100 * size + 130]).toBeCloseTo(k[130 * size + 100], 9);
      expect(kernelFwhmMm(k, size, pixelMm) / (1.5328 * depthMm)).toBeCloseTo(1, 2);
    }
  });

  it('estimates the FWHM of a noisy Monte Carlo-like kernel within a few percent', () => {
    const size = 129;
    const pixelMm = 0.05;
    const clean = radialKernelImage(scatteringProfile(1, 4), size, pixelMm);
    const truth = kernelFwhmMm(clean, size, pixelMm);
    const rng = seededRng(7);
    const peak = Math.max(...clean);
    const noisy = clean.map((v) => v + 0.05 * peak * (rng() - 0.5) * 2);
    expect(Math.abs(kernelFwhmMm(noisy, size, pixelMm) / truth - 1)).toBeLessThan(0.03);
  });

  it('rejects bad profiles and sizes with clear messages', () => {
    expect(() => radialKernelImage({ rMm: [0, 1], density: [1, 0] }, 10, 0.1)).toThrow(/odd/);
    expect(() => radialKernelImage({ rMm: [1, 0.5], density: [1, 1] }, 11, 0.1)).toThrow(/strictly increasing/);
    expect(() => radialKernelImage({ rMm: [0, 1], density: [-1, 1] }, 11, 0.1)).toThrow(/density\[0\]/);
    expect(() => radialKernelImage({ rMm: [5, 6], density: [0, 1] }, 11, 0.1)).toThrow(/zero everywhere/);
  });

  it('binning and resampling keep the kernel normalised and its physical width', () => {
    const size = 161;
    const k = createImage(size, size, radialKernelImage(unscatteredProfile(1, 5), size, 0.05));
    const fwhm = kernelFwhmMm(k.data, size, 0.05);
    const b = binKernel(k, 4);
    expect(b.width % 2).toBe(1);
    expect(b.data.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(kernelFwhmMm(b.data, b.width, 0.2) / fwhm).toBeCloseTo(1, 1);
    const r = resampleKernel(k, 0.05, 0.08);
    expect(r.data.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(kernelFwhmMm(r.data, r.width, 0.08) / fwhm).toBeCloseTo(1, 1);
    const img = createImage(5, 3, Float32Array.from({ length: 15 }, (_, i) => i));
    expect(Array.from(binImage(img, 2).data)).toEqual([0 + 1 + 5 + 6, 2 + 3 + 7 + 8]);
  });
});
