import type { FloatImage } from '../../src/image/floatImage.js';
import type { VesselLayout } from './synthetic.js';

/** Dip-to-peak ratio of two Airy discs at the Rayleigh separation; at or below it a pair counts as resolved. */
export const RAYLEIGH_DIP_RATIO = 0.735;

/** Mean over rows y0..y1-1 of each column, minus an optional constant offset. */
export function columnProfile(img: FloatImage, y0: number, y1: number, offset = 0): Float64Array {
  const p = new Float64Array(img.width);
  for (let y = y0; y < y1; y++) for (let x = 0; x < img.width; x++) p[x] += img.data[y * img.width + x];
  for (let x = 0; x < img.width; x++) p[x] = p[x] / (y1 - y0) - offset;
  return p;
}

/**
 * FWHM (mm) of the peak nearest centrePx: the maximum within +-searchPx, half maximum above the minimum
 * within +-windowPx, linear interpolation at both crossings. NaN when a side never crosses in the window.
 */
export function peakFwhmMm(profile: Float64Array, centrePx: number, searchPx: number, windowPx: number, pixelMm: number): number {
  const lo = Math.max(0, Math.floor(centrePx - windowPx));
  const hi = Math.min(profile.length - 1, Math.ceil(centrePx + windowPx));
  let peakAt = -1;
  for (let i = Math.max(lo, Math.floor(centrePx - searchPx)); i <= Math.min(hi, Math.ceil(centrePx + searchPx)); i++)
    if (peakAt < 0 || profile[i] > profile[peakAt]) peakAt = i;
  let base = Infinity;
  for (let i = lo; i <= hi; i++) base = Math.min(base, profile[i]);
  const half = base + (profile[peakAt] - base) / 2;
  let left = NaN;
  for (let i = peakAt; i > lo; i--)
    if (profile[i - 1] < half) {
      left = i - 1 + (half - profile[i - 1]) / (profile[i] - profile[i - 1]);
      break;
    }
  let right = NaN;
  for (let i = peakAt; i < hi; i++)
    if (profile[i + 1] < half) {
      right = i + (profile[i] - half) / (profile[i] - profile[i + 1]);
      break;
    }
  return (right - left) * pixelMm;
}

/**
 * Separability of two peaks expected at c1Px < c2Px: the lowest value between the two maxima divided by
 * the smaller maximum (1 = merged into one peak; a profile with zero baseline is expected).
 */
export function dipRatio(profile: Float64Array, c1Px: number, c2Px: number): number {
  const sep = c2Px - c1Px;
  const mid = (c1Px + c2Px) / 2;
  const argmax = (from: number, to: number): number => {
    let best = Math.max(0, Math.round(from));
    for (let i = best; i <= Math.min(profile.length - 1, Math.round(to)); i++) if (profile[i] > profile[best]) best = i;
    return best;
  };
  const a1 = argmax(c1Px - sep / 2, mid);
  const a2 = argmax(mid, c2Px + sep / 2);
  let dip = Infinity;
  for (let i = a1; i <= a2; i++) dip = Math.min(dip, profile[i]);
  return dip / Math.min(profile[a1], profile[a2]);
}

export interface VesselAssessment {
  /** FWHM (mm) of each vessel that is not part of a close pair, in layout order. */
  singleFwhmMm: number[];
  /** dipRatio of each close pair, in layout order. */
  pairDipRatios: number[];
}

/**
 * Profiles across the vertical vessels of a layout, averaged over the middle half of the rows (away from
 * the top and bottom borders), with offset subtracted (e.g. the background of an unrestored image).
 */
export function assessVessels(img: FloatImage, layout: VesselLayout, pixelMm: number, offset = 0): VesselAssessment {
  const profile = columnProfile(img, Math.floor(img.height / 4), Math.ceil((3 * img.height) / 4), offset);
  const centre = (i: number) => layout.vessels[i].xMm / pixelMm - 0.5;
  const paired = new Set(layout.pairs.flat());
  const positions = layout.vessels.map((_, i) => centre(i));
  const singleFwhmMm: number[] = [];
  layout.vessels.forEach((_, i) => {
    if (paired.has(i)) return;
    const gaps = positions.filter((_, j) => j !== i).map((p) => Math.abs(p - positions[i]));
    const window = Math.max(3, Math.min(...gaps) / 2);
    singleFwhmMm.push(peakFwhmMm(profile, positions[i], Math.max(2, window / 4), window, pixelMm));
  });
  const pairDipRatios = layout.pairs.map(([a, b]) => dipRatio(profile, positions[a], positions[b]));
  return { singleFwhmMm, pairDipRatios };
}
