import { InputError } from '../errors.js';
import { binImage } from './binImage.js';
import type { FloatImage } from './floatImage.js';
import { kernelFwhmMm } from './radialKernel.js';
import { resampleKernel } from './resampleKernel.js';
import { checkIterations, resolveBackground, RichardsonLucy } from './richardsonLucy.js';
import { poissonDeviance } from './poissonDeviance.js';

export interface DepthKernel {
  depthMm: number;
  kernel: FloatImage;
}

export interface DepthSearchOptions {
  /** Richardson-Lucy iterations per candidate and fold (the same budget for every candidate). */
  iterations: number;
  background?: number | 'auto';
  /** Pixel binning for the search (1, 2, 4 or 8); default: the largest that keeps the narrowest kernel >= 8 px FWHM. */
  bin?: number;
}

export interface DepthScore {
  depthMm: number;
  /** Mean held-out Poisson deviance per (binned) pixel. */
  deviancePerPixel: number;
  /** deviancePerPixel minus the best candidate's, and its standard error from block resampling. */
  excess: number;
  excessStdErr: number;
}

export interface DepthSearchResult {
  depthMm: number;
  scores: DepthScore[];
  /** Depths whose excess is within two standard errors of the best: the data cannot tell them apart. */
  consistentDepthsMm: number[];
  background: number;
  bin: number;
}

const MIN_FWHM_PX_AFTER_BIN = 8;
const MIN_IMAGE_PX_AFTER_BIN = 48;

/**
 * Picks the kernel depth that best predicts data it was not fitted to. The pixels are split into the two
 * colours of a checkerboard; for each candidate, Richardson-Lucy is run on one colour (the other masked
 * out, Bertero-Boccacci weights) and the re-blurred estimate b + k (*) x is scored by its Poisson deviance
 * on the other colour, and vice versa. A too-narrow kernel lets the estimate follow the noise of the
 * fitted pixels, which does not carry over to their neighbours; a too-wide kernel cannot reproduce the
 * sharpest structure with a non-negative object. Both raise the held-out deviance, so no extra penalty
 * has to be tuned, unlike the in-sample residual, which keeps falling as the kernel narrows.
 */
export function searchDepth(image: FloatImage, candidates: DepthKernel[], options: DepthSearchOptions): DepthSearchResult {
  if (candidates.length === 0) throw new InputError('depth search: no candidate kernels');
  checkIterations(options.iterations);
  const background = resolveBackground(image, options.background);
  const bin = options.bin ?? autoBin(image, candidates);
  if (![1, 2, 4, 8].includes(bin)) throw new InputError(`depth search: bin must be 1, 2, 4 or 8 (got ${bin})`);
  const data = binImage(image, bin);
  const b = background * bin * bin;
  const n = data.width * data.height;
  const masks = [0, 1].map((parity) => {
    const m = new Uint8Array(n);
    for (let y = 0; y < data.height; y++) for (let x = 0; x < data.width; x++) m[y * data.width + x] = (x + y) % 2 === parity ? 1 : 0;
    return m;
  });
  const perPixel: Float64Array[] = [];
  for (const c of candidates) {
    const kernel = bin === 1 ? c.kernel : resampleKernel(c.kernel, 1, bin);
    const dev = new Float64Array(n);
    for (const mask of masks) {
      const rl = new RichardsonLucy(data, kernel, { background: b, mask });
      rl.iterate(options.iterations);
      const mu = rl.model();
      for (let i = 0; i < n; i++) if (!mask[i]) dev[i] = poissonDeviance(data.data[i], mu[i]);
    }
    perPixel.push(dev);
  }
  const means = perPixel.map((d) => d.reduce((s, v) => s + v, 0) / n);
  let best = 0;
  for (let k = 1; k < means.length; k++) if (means[k] < means[best]) best = k;
  const block = Math.max(4, Math.floor(Math.min(data.width, data.height) / 8));
  const scores: DepthScore[] = candidates.map((c, k) => {
    const { mean, stdErr } = blockMeanDifference(perPixel[k], perPixel[best], data.width, data.height, block);
    return { depthMm: c.depthMm, deviancePerPixel: means[k], excess: mean, excessStdErr: stdErr };
  });
  const consistentDepthsMm = scores.filter((s) => s.excess <= 2 * s.excessStdErr).map((s) => s.depthMm);
  return { depthMm: candidates[best].depthMm, scores, consistentDepthsMm, background, bin };
}

function autoBin(image: FloatImage, candidates: DepthKernel[]): number {
  let minFwhmPx = Infinity;
  for (const c of candidates) {
    if (c.kernel.width !== c.kernel.height) continue;
    minFwhmPx = Math.min(minFwhmPx, kernelFwhmMm(c.kernel.data, c.kernel.width, 1));
  }
  let bin = 1;
  while (
    bin < 8 &&
    Number.isFinite(minFwhmPx) &&
    minFwhmPx / (2 * bin) >= MIN_FWHM_PX_AFTER_BIN &&
    Math.min(image.width, image.height) / (2 * bin) >= MIN_IMAGE_PX_AFTER_BIN
  )
    bin *= 2;
  return bin;
}

/** Mean of a - b per pixel and its standard error, treating square blocks as independent samples. */
function blockMeanDifference(a: Float64Array, b: Float64Array, width: number, height: number, block: number) {
  const bx = Math.ceil(width / block);
  const by = Math.ceil(height / block);
  const sums = new Float64Array(bx * by);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) sums[Math.floor(y / block) * bx + Math.floor(x / block)] += a[y * width + x] - b[y * width + x];
  const n = width * height;
  const total = sums.reduce((s, v) => s + v, 0);
  const m = total / sums.length;
  const variance = sums.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(sums.length - 1, 1);
  return { mean: total / n, stdErr: Math.sqrt(sums.length * variance) / n };
}
