import { interpolateLinear } from '../optics/interpolate.js';

/** A curve sampled at ascending wavelengths; values in the curve's own units. */
export interface Spectrum {
  wavelengthsNm: number[];
  values: number[];
}

/** Linear interpolation inside the sampled range, `outside` beyond it. */
export function interpolate(spectrum: Spectrum, wavelengthNm: number, outside = 0): number {
  const xs = spectrum.wavelengthsNm;
  const n = xs.length;
  if (n === 0 || !(wavelengthNm >= xs[0]) || !(wavelengthNm <= xs[n - 1])) return outside;
  return interpolateLinear(xs, spectrum.values, wavelengthNm);
}

/** Trapezoid weights: Σ weights[i]·f(x[i]) is the trapezoid-rule integral of f over the grid. */
export function trapezoidWeights(wavelengthsNm: number[]): number[] {
  const n = wavelengthsNm.length;
  const w = new Array<number>(n).fill(0);
  for (let i = 0; i + 1 < n; i++) {
    const half = (wavelengthsNm[i + 1] - wavelengthsNm[i]) / 2;
    w[i] += half;
    w[i + 1] += half;
  }
  return w;
}

export function integrate(wavelengthsNm: number[], values: number[]): number {
  const w = trapezoidWeights(wavelengthsNm);
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * values[i];
  return sum;
}

/**
 * Grid from loNm to hiNm: both ends, the multiples of stepNm between them, and the given
 * breakpoints inside the range (so step edges fall on grid points and the trapezoid rule stays
 * exact for piecewise-linear curves).
 */
export function makeGrid(loNm: number, hiNm: number, stepNm: number, breakpointsNm: number[] = []): number[] {
  if (!(hiNm >= loNm)) return [];
  const points: number[] = [loNm, hiNm];
  for (let k = Math.ceil(loNm / stepNm); k * stepNm <= hiNm; k++) points.push(k * stepNm);
  for (const b of breakpointsNm) if (b > loNm && b < hiNm) points.push(b);
  points.sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of points) if (out.length === 0 || p - out[out.length - 1] > 1e-9) out.push(p);
  return out;
}
