import { fftConvolve } from '../../src/image/fftConvolve.js';
import { createImage, cropImage, imageMax, type FloatImage } from '../../src/image/floatImage.js';
import { normaliseKernel } from '../../src/restoration/normalisePsf.js';
import { poissonSample, seededRng } from './poisson.js';

/** A straight vertical vessel crossing the whole field: centre x, width and emission per unit area. */
export interface Vessel {
  xMm: number;
  widthMm: number;
  intensity: number;
}

export interface VesselLayout {
  vessels: Vessel[];
  /** Index pairs into vessels that form close pairs (for separability). */
  pairs: [number, number][];
}

/**
 * Single vessels 0.1 and 0.2 mm wide and two close pairs of 0.1 mm vessels, 0.6 and 1.0 mm apart
 * (centre to centre), laid out across a field fovMm wide.
 */
export function defaultVesselLayout(fovMm: number): VesselLayout {
  const s = fovMm / 10.24;
  const v = (xMm: number, widthMm: number): Vessel => ({ xMm: xMm * s, widthMm, intensity: 1 });
  return {
    vessels: [v(1.4, 0.1), v(3.4, 0.2), v(5.3, 0.1), v(5.9, 0.1), v(7.8, 0.1), v(8.8, 0.1)],
    pairs: [
      [2, 3],
      [4, 5],
    ],
  };
}

/** Renders vessels as anti-aliased vertical bands (pixel value = covered fraction x intensity). */
export function renderVessels(widthPx: number, heightPx: number, pixelMm: number, vessels: Vessel[], offsetXMm = 0): FloatImage {
  const img = createImage(widthPx, heightPx);
  const row = new Float32Array(widthPx);
  for (const v of vessels) {
    const left = v.xMm + offsetXMm - v.widthMm / 2;
    const right = v.xMm + offsetXMm + v.widthMm / 2;
    for (let i = 0; i < widthPx; i++) {
      const covered = Math.min(right, (i + 1) * pixelMm) - Math.max(left, i * pixelMm);
      if (covered > 0) row[i] += (v.intensity * covered) / pixelMm;
    }
  }
  for (let y = 0; y < heightPx; y++) img.data.set(row, y * widthPx);
  return img;
}

export interface SyntheticImage {
  /** Ground-truth object in the same units as the restored image (counts per pixel before blurring). */
  truth: FloatImage;
  /** Expected image without noise: background + sum of kernel (*) truth over the components. */
  clean: FloatImage;
  /** One Poisson realisation of clean. */
  noisy: FloatImage;
  backgroundCounts: number;
}

export interface SyntheticComponent {
  layout: VesselLayout;
  kernel: FloatImage;
}

export interface SynthesisOptions {
  /** Expected counts above background at the brightest pixel of the noise-free image. */
  peakCounts: number;
  backgroundCounts: number;
  seed: number | string;
}

/**
 * Blurs vessel layouts, each with its own kernel (vessels at different depths), sums them and adds
 * Poisson noise. Each object is rendered on a field grown by its kernel half-size and cropped after
 * blurring, so light from vessels outside the field of view enters it as it would in a real image.
 */
export function synthesize(
  components: SyntheticComponent[],
  widthPx: number,
  heightPx: number,
  pixelMm: number,
  opts: SynthesisOptions,
): SyntheticImage {
  const truth = createImage(widthPx, heightPx);
  const blurred = createImage(widthPx, heightPx);
  for (const c of components) {
    const k = normaliseKernel(c.kernel);
    const mx = (k.width - 1) / 2;
    const my = (k.height - 1) / 2;
    const big = renderVessels(widthPx + 2 * mx, heightPx + 2 * my, pixelMm, c.layout.vessels, mx * pixelMm);
    const b = cropImage(fftConvolve(big, k), mx, my, widthPx, heightPx);
    const t = cropImage(big, mx, my, widthPx, heightPx);
    for (let i = 0; i < truth.data.length; i++) {
      truth.data[i] += t.data[i];
      blurred.data[i] += b.data[i];
    }
  }
  const scale = opts.peakCounts / imageMax(blurred);
  const clean = createImage(widthPx, heightPx);
  const noisy = createImage(widthPx, heightPx);
  const rng = seededRng(opts.seed);
  for (let i = 0; i < clean.data.length; i++) {
    truth.data[i] *= scale;
    clean.data[i] = opts.backgroundCounts + scale * blurred.data[i];
    noisy.data[i] = poissonSample(clean.data[i], rng);
  }
  return { truth, clean, noisy, backgroundCounts: opts.backgroundCounts };
}
