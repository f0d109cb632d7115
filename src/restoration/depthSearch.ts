import { InputError } from '../errors.js';
import { binImage, binKernel } from '../image/binImage.js';
import { cropImage, type FloatImage } from '../image/floatImage.js';
import { poissonDeviance } from './poissonDeviance.js';
import { kernelFwhmMm } from '../image/radialPsf.js';
import { checkIterations, resolveBackground, RichardsonLucy } from './richardsonLucy.js';
import { makeTileGrid, type TileGrid } from './tileBlend.js';

export interface DepthKernel {
  depthMm: number;
  kernel: FloatImage;
}

export interface DepthSearchOptions {
  /** Most accelerated Richardson-Lucy iterations per candidate and fold (default 400). */
  maxIterations?: number;
  background?: number | 'auto';
  /** Pixel binning for the search (1, 2, 4 or 8); default: the largest keeping the narrowest kernel >= 6 px FWHM. */
  bin?: number;
  /** Called after each candidate fit, for progress reports. */
  onProgress?: (done: number, total: number) => void;
}

export interface DepthScore {
  depthMm: number;
  /** Mean held-out Poisson deviance per (binned) pixel. */
  deviancePerPixel: number;
  /** deviancePerPixel minus the best candidate's, and its standard error from independent blocks. */
  excess: number;
  excessStdErr: number;
  iterations: number;
}

export interface DepthChoice {
  depthMm: number;
  /** Index of the chosen candidate. */
  index: number;
  scores: DepthScore[];
  /** Depths whose excess is within two standard errors of the best: the data cannot tell them apart. */
  consistentDepthsMm: number[];
}

export interface DepthSearchResult extends DepthChoice {
  /** Background used (image units). */
  background: number;
  bin: number;
}

export interface TileChoice extends DepthChoice {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

export interface TileSearchResult {
  grid: TileGrid;
  /** Row-major over the grid. */
  tiles: TileChoice[];
  background: number;
  bin: number;
}

const CHUNK = 25;
const REL_TOL = 0.005;
const MIN_FWHM_PX_AFTER_BIN = 6;
const MIN_IMAGE_PX_AFTER_BIN = 48;

/**
 * Picks the kernel depth that best predicts pixels it was not fitted to. The pixels are split into the
 * two colours of a checkerboard; for each candidate, Richardson-Lucy (Biggs-Andrews accelerated) is fitted
 * to one colour with the other masked out, and the re-blurred estimate b + k (*) x is scored by its Poisson
 * deviance on the other colour, and vice versa. The in-sample residual always favours the narrowest
 * kernel: any narrower kernel explains the data with a blurrier, still positive object and fits the noise
 * too. Held out, noise fitted at one pixel does not carry over to its neighbours, so a too-narrow kernel
 * pays for it, while a too-wide kernel cannot reproduce the sharpest structure with a non-negative object.
 * Each candidate is iterated until its held-out score stops improving (0.5% per 25 iterations), because
 * the correct kernel is the slowest to converge and a fixed short budget would favour narrow ones.
 */
export function searchDepth(image: FloatImage, candidates: DepthKernel[], options: DepthSearchOptions = {}): DepthSearchResult {
  const setup = prepare(image, candidates, options);
  const choice = searchCore(image, candidates, setup, options.onProgress);
  return { ...choice, background: setup.background, bin: setup.bin };
}

/**
 * The same search done independently on each tile of about tilePx x tilePx pixels (the tile's own data,
 * with the Bertero-Boccacci boundary handling for light from outside it), for vessels at varying depth.
 * The background estimate and the binning come from the whole image.
 */
export function searchDepthTiles(image: FloatImage, candidates: DepthKernel[], tilePx: number, options: DepthSearchOptions = {}): TileSearchResult {
  if (!Number.isInteger(tilePx) || tilePx < 16) throw new InputError(`tile: must be a whole number of pixels >= 16 (got ${tilePx})`);
  if (tilePx > Math.max(image.width, image.height))
    throw new InputError(`tile: ${tilePx} px is larger than the image (${image.width}x${image.height} px)`);
  const setup = prepare(image, candidates, options);
  const grid = makeTileGrid(image.width, image.height, tilePx);
  const nTiles = (grid.xEdges.length - 1) * (grid.yEdges.length - 1);
  const tiles: TileChoice[] = [];
  for (let j = 0; j + 1 < grid.yEdges.length; j++)
    for (let i = 0; i + 1 < grid.xEdges.length; i++) {
      const x0 = grid.xEdges[i];
      const y0 = grid.yEdges[j];
      const width = grid.xEdges[i + 1] - x0;
      const height = grid.yEdges[j + 1] - y0;
      const tileIndex = tiles.length;
      const progress = options.onProgress
        ? (done: number, total: number) => options.onProgress!(tileIndex * total + done, nTiles * total)
        : undefined;
      const choice = searchCore(cropImage(image, x0, y0, width, height), candidates, setup, progress);
      tiles.push({ ...choice, x0, y0, width, height });
    }
  return { grid, tiles, background: setup.background, bin: setup.bin };
}

interface SearchSetup {
  background: number;
  bin: number;
  maxIterations: number;
}

function prepare(image: FloatImage, candidates: DepthKernel[], options: DepthSearchOptions): SearchSetup {
  if (candidates.length === 0) throw new InputError('depth search: no candidate kernels');
  const maxIterations = options.maxIterations ?? 400;
  checkIterations(maxIterations, 'depth search iterations');
  const background = resolveBackground(image, options.background);
  const bin = options.bin ?? autoBin(image, candidates);
  if (![1, 2, 4, 8].includes(bin)) throw new InputError(`depth search: bin must be 1, 2, 4 or 8 (got ${bin})`);
  if (image.width < 2 * bin || image.height < 2 * bin) throw new InputError(`depth search: image too small for ${bin}x${bin} binning`);
  return { background, bin, maxIterations };
}

function searchCore(
  image: FloatImage,
  candidates: DepthKernel[],
  setup: SearchSetup,
  onProgress?: (done: number, total: number) => void,
): DepthChoice {
  const { bin, maxIterations } = setup;
  const data = binImage(image, bin);
  const n = data.width * data.height;
  const masks = [0, 1].map((parity) => {
    const m = new Uint8Array(n);
    for (let y = 0; y < data.height; y++) for (let x = 0; x < data.width; x++) m[y * data.width + x] = (x + y) % 2 === parity ? 1 : 0;
    return m;
  });
  const perPixel: Float64Array[] = [];
  const iterations: number[] = [];
  for (const c of candidates) {
    const kernel = binKernel(c.kernel, bin);
    const folds = masks.map(
      (mask) => new RichardsonLucy(data, kernel, { background: setup.background * bin * bin, mask }),
    );
    let dev: Float64Array = new Float64Array(n);
    let score = Infinity;
    let done = 0;
    while (done < maxIterations) {
      const step = Math.min(CHUNK, maxIterations - done);
      for (const f of folds) f.iterate(step, 0, true);
      done += step;
      dev = heldOutDeviance(data, folds, masks);
      const previous = score;
      score = dev.reduce((s, v) => s + v, 0) / n;
      if (Number.isFinite(previous) && previous - score < REL_TOL * previous) break;
    }
    perPixel.push(dev);
    iterations.push(done);
    onProgress?.(perPixel.length, candidates.length);
  }
  const means = perPixel.map((d) => d.reduce((s, v) => s + v, 0) / n);
  let best = 0;
  for (let k = 1; k < means.length; k++) if (means[k] < means[best]) best = k;
  const block = Math.max(2, Math.floor(Math.min(data.width, data.height) / 8));
  const scores: DepthScore[] = candidates.map((c, k) => {
    const { mean, stdErr } = blockMeanDifference(perPixel[k], perPixel[best], data.width, data.height, block);
    return { depthMm: c.depthMm, deviancePerPixel: means[k], excess: mean, excessStdErr: stdErr, iterations: iterations[k] };
  });
  const consistentDepthsMm = scores.filter((s) => s.excess <= 2 * s.excessStdErr).map((s) => s.depthMm);
  return { depthMm: candidates[best].depthMm, index: best, scores, consistentDepthsMm };
}

function heldOutDeviance(data: FloatImage, folds: RichardsonLucy[], masks: Uint8Array[]): Float64Array {
  const dev = new Float64Array(data.width * data.height);
  folds.forEach((fold, f) => {
    const mu = fold.model();
    const mask = masks[f];
    for (let i = 0; i < dev.length; i++) if (!mask[i]) dev[i] = poissonDeviance(data.data[i], mu[i]);
  });
  return dev;
}

function autoBin(image: FloatImage, candidates: DepthKernel[]): number {
  let minFwhmPx = Infinity;
  for (const c of candidates)
    if (c.kernel.width === c.kernel.height) minFwhmPx = Math.min(minFwhmPx, kernelFwhmMm(c.kernel.data, c.kernel.width, 1));
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
