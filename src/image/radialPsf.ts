import { InputError } from '../errors.js';
import { interpolateLinear } from '../optics/interpolate.js';

const SUBSAMPLES = 8;

export interface RadialProfile {
  /** Radii in mm, strictly increasing (e.g. annulus centres). */
  rMm: number[];
  /** Density per unit area at each radius, >= 0. */
  density: number[];
}

/**
 * Renders a radially symmetric kernel (size x size, odd, centred on the middle pixel) from a radial
 * density profile: each pixel is the mean of 8x8 sub-pixel samples of the profile, linearly interpolated
 * in r, constant inside rMm[0] and zero beyond the last radius. The result sums to 1 (in float64 before
 * the cast to float32).
 */
export function radialKernelImage(profile: RadialProfile, size: number, pixelMm: number): Float32Array {
  const { rMm, density } = profile;
  if (!Number.isInteger(size) || size < 1 || size % 2 !== 1) throw new InputError(`kernel size must be an odd whole number (got ${size})`);
  if (!(pixelMm > 0) || !Number.isFinite(pixelMm)) throw new InputError(`kernel pixel size must be > 0 mm (got ${pixelMm})`);
  if (rMm.length !== density.length || rMm.length < 1)
    throw new InputError(`radial profile: rMm and density must have the same, non-zero length (got ${rMm.length} and ${density.length})`);
  for (let i = 0; i < rMm.length; i++) {
    if (!Number.isFinite(rMm[i]) || rMm[i] < 0 || (i > 0 && !(rMm[i] > rMm[i - 1])))
      throw new InputError(`radial profile: rMm must be finite, >= 0 and strictly increasing (rMm[${i}] = ${rMm[i]})`);
    if (!Number.isFinite(density[i]) || density[i] < 0)
      throw new InputError(`radial profile: density[${i}] = ${density[i]}; densities must be finite and >= 0`);
  }
  const half = (size - 1) / 2;
  const sums = new Float64Array(size * size);
  const n = rMm.length;
  const rLast = rMm[n - 1];
  const sample = (r: number): number => (r > rLast ? 0 : interpolateLinear(rMm, density, r));
  // The kernel is symmetric under x -> -x, y -> -y and x <-> y: compute one octant and mirror it.
  for (let j = 0; j <= half; j++) {
    for (let i = j; i <= half; i++) {
      let s = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        const y = (j - 0.5 + (sy + 0.5) / SUBSAMPLES) * pixelMm;
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (i - 0.5 + (sx + 0.5) / SUBSAMPLES) * pixelMm;
          s += sample(Math.sqrt(x * x + y * y));
        }
      }
      const v = s / (SUBSAMPLES * SUBSAMPLES);
      for (const [a, b] of [[i, j], [j, i]]) {
        sums[(half + b) * size + half + a] = v;
        sums[(half - b) * size + half + a] = v;
        sums[(half + b) * size + half - a] = v;
        sums[(half - b) * size + half - a] = v;
      }
    }
  }
  let total = 0;
  for (let k = 0; k < sums.length; k++) total += sums[k];
  if (!(total > 0)) throw new InputError('radial profile: the density is zero everywhere inside the kernel');
  const out = new Float32Array(size * size);
  for (let k = 0; k < sums.length; k++) out[k] = sums[k] / total;
  return out;
}

/**
 * Full width at half maximum (mm) of a centred kernel image (size x size). Uses the azimuthal mean in
 * 1-px rings (all pixels, not a single noisy line through the centre), a peak from a least-squares fit
 * a + b r^2 to the pixels near the centre, and linear interpolation at the first half-maximum crossing.
 * Equals the FWHM through the centre for radially symmetric kernels.
 */
export function kernelFwhmMm(img: Float32Array | ArrayLike<number>, size: number, pixelMm: number): number {
  if (!Number.isInteger(size) || size % 2 !== 1 || img.length !== size * size)
    throw new InputError(`kernel FWHM: expected an odd size and size*size pixels (size ${size}, ${img.length} pixels)`);
  const half = (size - 1) / 2;
  const rings = half + 1;
  const ringSum = new Float64Array(rings);
  const ringR = new Float64Array(rings);
  const ringN = new Float64Array(rings);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - half, y - half);
      const k = Math.round(r);
      if (k >= rings) continue;
      ringSum[k] += img[y * size + x];
      ringR[k] += r;
      ringN[k]++;
    }
  const mean = (k: number) => ringSum[k] / ringN[k];
  const radius = (k: number) => ringR[k] / ringN[k];
  const crossing = (peak: number): number => {
    for (let k = 1; k < rings; k++) {
      if (mean(k) < peak / 2) {
        const m0 = mean(k - 1);
        const m1 = mean(k);
        const t = m0 === m1 ? 0 : (m0 - peak / 2) / (m0 - m1);
        return radius(k - 1) + t * (radius(k) - radius(k - 1));
      }
    }
    return NaN;
  };
  let peak = Math.max(mean(0), rings > 1 ? mean(1) : -Infinity);
  let hwhm = crossing(peak);
  for (let pass = 0; pass < 2 && Number.isFinite(hwhm); pass++) {
    peak = centralPeak(img, size, Math.max(1, hwhm / 4));
    hwhm = crossing(peak);
  }
  if (!Number.isFinite(hwhm))
    throw new InputError(`kernel FWHM: the profile never falls to half its peak within the ${size}x${size} px kernel; make the kernel larger`);
  return 2 * hwhm * pixelMm;
}

function centralPeak(img: ArrayLike<number>, size: number, fitRadiusPx: number): number {
  const half = (size - 1) / 2;
  const reach = Math.min(half, Math.ceil(fitRadiusPx));
  let n = 0;
  let su = 0;
  let sv = 0;
  let suu = 0;
  let suv = 0;
  for (let y = -reach; y <= reach; y++)
    for (let x = -reach; x <= reach; x++) {
      const u = x * x + y * y;
      if (u > fitRadiusPx * fitRadiusPx) continue;
      const v = img[(y + half) * size + x + half];
      n++;
      su += u;
      sv += v;
      suu += u * u;
      suv += u * v;
    }
  const det = n * suu - su * su;
  if (n < 3 || det === 0) return img[half * size + half];
  return (sv * suu - su * suv) / det;
}
