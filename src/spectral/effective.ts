import { InputError } from '../errors.js';
import type { Detector } from './detectors.js';
import type { Filter } from './filters.js';
import { flatProbe, type Probe } from './probes.js';
import { integrate, makeGrid, trapezoidWeights } from './spectrum.js';
import type { Window } from './windows.js';

export interface EffectiveSpectrum {
  wavelengthsNm: number[];
  /** emission·filter·QE at the grid points times their trapezoid weights (nm): Σ weights = ∫ e·f·QE dλ. */
  weights: number[];
  /** ∫ e·f·QE dλ / ∫ e dλ, the emission taken over the probe's whole range. */
  detectedFraction: number;
  /** Half-maximum extent of the instrument response window × filter × QE; null if it never reaches 1 %. */
  passbandNm: [number, number] | null;
  notes: string[];
  /** ∫ e·f·QE dλ (= Σ weights), in the probe's relative units × nm. */
  detectedIntegral: number;
  /** ∫ e dλ over the probe's whole range. */
  emittedIntegral: number;
  /** Share of the detected signal transmitted outside the filter's pass band (blocking leakage). */
  outOfBandFraction: number;
  /** Weight-mean wavelength of the detected photons; null when nothing is detected. */
  meanWavelengthNm: number | null;
}

export interface EffectiveSpectrumOptions {
  probe?: Probe;
  window?: Window;
  filter?: Filter;
  detector?: Detector;
  stepNm?: number;
  /** Limits the detection grid (and, with no probe and no window, is the flat emitter's range). */
  rangeNm?: [number, number];
}

export const DEFAULT_STEP_NM = 5;
/** Where passbands are looked for when neither a window nor rangeNm bounds them. */
export const SPECTRAL_DOMAIN_NM: [number, number] = [300, 2600];
/** Largest wavelength table the engine should carry per photon. */
export const MAX_ENGINE_BINS = 64;
const PASSBAND_MIN_RESPONSE = 0.01;

function checkRange(field: string, r: [number, number]): void {
  if (!(Array.isArray(r) && r.length === 2 && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] > 0 && r[1] > r[0])) {
    throw new InputError(`${field} must be [lo, hi] in nm with 0 < lo < hi, got ${JSON.stringify(r)}`);
  }
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function percent(x: number): string {
  return x >= 0.1 ? `${(100 * x).toFixed(0)} %` : `${(100 * x).toPrecision(2)} %`;
}

/** First and last half-maximum crossings of a sampled curve, linearly interpolated. */
function halfMaxExtent(xs: number[], ys: number[]): [number, number] | null {
  const peak = Math.max(0, ...ys);
  if (!(peak >= PASSBAND_MIN_RESPONSE)) return null;
  const half = peak / 2;
  const first = ys.findIndex((y) => y >= half);
  let last = first;
  for (let i = first; i < ys.length; i++) if (ys[i] >= half) last = i;
  const cross = (i: number, j: number): number => {
    if (ys[j] === ys[i]) return xs[i];
    return xs[i] + ((half - ys[i]) / (ys[j] - ys[i])) * (xs[j] - xs[i]);
  };
  const lo = first > 0 ? cross(first - 1, first) : xs[first];
  const hi = last < xs.length - 1 ? cross(last + 1, last) : xs[last];
  return [lo, hi];
}

function instrumentPassband(o: EffectiveSpectrumOptions, stepNm: number): [number, number] | null {
  let [lo, hi] = o.window?.rangeNm ?? o.rangeNm ?? SPECTRAL_DOMAIN_NM;
  if (o.window && o.rangeNm) {
    lo = Math.max(lo, o.rangeNm[0]);
    hi = Math.min(hi, o.rangeNm[1]);
  }
  const breaks = [...(o.filter?.breakpointsNm ?? []), ...(o.detector?.breakpointsNm ?? [])];
  const xs = makeGrid(lo, hi, stepNm, breaks);
  if (xs.length < 2) return null;
  const ys = xs.map((x) => (o.filter ? o.filter.transmission(x) : 1) * (o.detector ? o.detector.qe(x) : 1));
  return halfMaxExtent(xs, ys);
}

/**
 * The detected spectrum emission·filter·QE on a wavelength grid, for importance-sampling photon
 * wavelengths. A window acts as an ideal band-pass (it bounds the grid); with no probe the
 * emitter is flat across the window (or rangeNm).
 */
export function effectiveSpectrum(o: EffectiveSpectrumOptions): EffectiveSpectrum {
  const stepNm = o.stepNm ?? DEFAULT_STEP_NM;
  if (!(Number.isFinite(stepNm) && stepNm > 0)) throw new InputError(`stepNm must be a number > 0, got ${o.stepNm}`);
  if (o.rangeNm) checkRange('rangeNm', o.rangeNm);
  const notes: string[] = [];

  let probe = o.probe;
  if (!probe) {
    const flatRange = o.window?.rangeNm ?? o.rangeNm;
    if (!flatRange) throw new InputError('effective spectrum: give a probe, a window or rangeNm (none was given)');
    probe = flatProbe(flatRange);
    notes.push(`no probe given: the emitter is flat across ${fmt(flatRange[0])}–${fmt(flatRange[1])} nm`);
  } else {
    notes.push(`probe ${probe.name}: ${probe.citation}`);
  }
  if (o.window) {
    notes.push(`window ${o.window.name} (${fmt(o.window.rangeNm[0])}–${fmt(o.window.rangeNm[1])} nm) applied as an ideal band-pass`);
  }
  notes.push(o.filter ? `filter ${o.filter.name}: ${o.filter.description} (${o.filter.source})` : 'no emission filter');
  notes.push(o.detector ? `detector ${o.detector.name}: ${o.detector.description} (${o.detector.source})` : 'ideal detector (QE 1)');

  const emitterGrid = makeGrid(probe.rangeNm[0], probe.rangeNm[1], stepNm, probe.breakpointsNm);
  const emittedIntegral = integrate(emitterGrid, emitterGrid.map((x) => probe.emission(x)));
  if (!(emittedIntegral > 0)) throw new InputError(`probe ${probe.name}: emission integrates to zero over ${probe.rangeNm.join('–')} nm`);

  let lo = probe.rangeNm[0];
  let hi = probe.rangeNm[1];
  for (const r of [o.window?.rangeNm, o.rangeNm]) {
    if (r) {
      lo = Math.max(lo, r[0]);
      hi = Math.min(hi, r[1]);
    }
  }
  const passbandNm = instrumentPassband(o, stepNm);
  const empty = (reason: string): EffectiveSpectrum => ({
    wavelengthsNm: [],
    weights: [],
    detectedFraction: 0,
    passbandNm,
    notes: [...notes, reason],
    detectedIntegral: 0,
    emittedIntegral,
    outOfBandFraction: 0,
    meanWavelengthNm: null,
  });
  if (!(hi > lo)) {
    return empty(
      `nothing detected: probe ${probe.name} emits at ${fmt(probe.rangeNm[0])}–${fmt(probe.rangeNm[1])} nm, ` +
        'outside the window / range; detected fraction 0',
    );
  }

  const breaks = [...(probe.breakpointsNm ?? []), ...(o.filter?.breakpointsNm ?? []), ...(o.detector?.breakpointsNm ?? [])];
  const wavelengthsNm = makeGrid(lo, hi, stepNm, breaks);
  const trapezoid = trapezoidWeights(wavelengthsNm);
  const weights = wavelengthsNm.map((x, i) => {
    const t = o.filter ? o.filter.transmission(x) : 1;
    const qe = o.detector ? o.detector.qe(x) : 1;
    return probe.emission(x) * t * qe * trapezoid[i];
  });
  const detectedIntegral = weights.reduce((a, b) => a + b, 0);
  notes.push(`grid: ${wavelengthsNm.length} points, step ${fmt(stepNm)} nm, ${fmt(lo)}–${fmt(hi)} nm`);

  if (!(detectedIntegral > 0)) {
    const chain = [o.window && `window ${o.window.name}`, o.filter && `filter ${o.filter.name}`, o.detector && `detector ${o.detector.name}`]
      .filter(Boolean)
      .join(' × ');
    return {
      ...empty(`nothing detected: ${chain || 'the detection chain'} passes none of the emission of probe ${probe.name}; detected fraction 0`),
      wavelengthsNm,
      weights: weights.map(() => 0),
    };
  }

  let leaked = 0;
  let moment = 0;
  wavelengthsNm.forEach((x, i) => {
    if (o.filter && !o.filter.inBand(x)) leaked += weights[i];
    moment += weights[i] * x;
  });
  const outOfBandFraction = leaked / detectedIntegral;
  if (outOfBandFraction > 0.01 && o.filter) {
    notes.push(
      `${percent(outOfBandFraction)} of the detected signal is out-of-band leakage through ${o.filter.name} ` +
        `(OD ${o.filter.opticalDensity}); it depends on the blocking level, which is a typical value`,
    );
  }
  return {
    wavelengthsNm,
    weights,
    detectedFraction: detectedIntegral / emittedIntegral,
    passbandNm,
    notes,
    detectedIntegral,
    emittedIntegral,
    outOfBandFraction,
    meanWavelengthNm: moment / detectedIntegral,
  };
}

/**
 * Merges neighbouring grid points into at most nBins equal-width bins over the detected
 * support: weights summed, wavelength = weight-mean. Zero-weight points are dropped.
 */
export function coarsen(spec: EffectiveSpectrum, nBins: number = MAX_ENGINE_BINS): EffectiveSpectrum {
  if (!(Number.isInteger(nBins) && nBins >= 1)) throw new InputError(`nBins must be an integer ≥ 1, got ${nBins}`);
  const idx = spec.weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return { ...spec, wavelengthsNm: [], weights: [], notes: [...spec.notes] };
  if (idx.length <= nBins) {
    return {
      ...spec,
      wavelengthsNm: idx.map((i) => spec.wavelengthsNm[i]),
      weights: idx.map((i) => spec.weights[i]),
      notes: [...spec.notes],
    };
  }
  const first = spec.wavelengthsNm[idx[0]];
  const last = spec.wavelengthsNm[idx[idx.length - 1]];
  const widthNm = (last - first) / nBins;
  const sumW = new Array<number>(nBins).fill(0);
  const sumWx = new Array<number>(nBins).fill(0);
  for (const i of idx) {
    const x = spec.wavelengthsNm[i];
    const b = Math.min(nBins - 1, Math.floor((x - first) / widthNm));
    sumW[b] += spec.weights[i];
    sumWx[b] += spec.weights[i] * x;
  }
  const wavelengthsNm: number[] = [];
  const weights: number[] = [];
  for (let b = 0; b < nBins; b++) {
    if (sumW[b] > 0) {
      wavelengthsNm.push(sumWx[b] / sumW[b]);
      weights.push(sumW[b]);
    }
  }
  return {
    ...spec,
    wavelengthsNm,
    weights,
    notes: [...spec.notes, `coarsened to ${weights.length} bins of ${fmt(widthNm)} nm (weights summed, wavelength = weight-mean)`],
  };
}
