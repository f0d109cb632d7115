import { foldedLineProfile, halfMax, radialProfile, type SymmetricProfile } from '../analysis/halfMax.js';
import { jackknife } from '../analysis/jackknife.js';
import { mtfCrossing, mtfFromFoldedLsf } from '../analysis/mtf.js';
import type { Backend } from '../engine/backends/backend.js';
import { buildProblem } from '../engine/problem.js';
import { recordSum } from '../engine/records.js';
import { emitterSeed } from '../engine/seeds.js';
import { runTransport } from '../engine/run.js';
import { TALLY_FLUENCE, type CameraSpec, type EngineSource, type LayerOptics } from '../engine/types.js';
import type { Phantom } from '../phantom/schema.js';
import { EmitterTally } from '../tallies/emitterTally.js';

export const DEFAULT_CAMERA: CameraSpec = { numericalAperture: 1, focusDepthMm: 0 };

export interface EmitterRunOptions {
  phantom: Phantom;
  opticsByBin: LayerOptics[][];
  binProbabilities: number[];
  camera: CameraSpec;
  photons: number;
  seed: number;
  backend: Backend;
  /** Identifies the spectral setting: with the seed and depth it fixes the photon streams. */
  settingKey: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  maxSteps?: number;
  /** Keep adding photons (photon i always draws stream i) until the FWHM's relative standard error is at most this. */
  targetFwhmRelErr?: number;
  /** Upper limit on photons when targetFwhmRelErr is set. */
  maxPhotons?: number;
}

export { emitterSeed };

/** PSF bin width for an emitter at depthMm: fine enough to resolve an unscattered PSF (FWHM 1.53·d). */
export function psfBinMm(depthMm: number): number {
  return Math.max(depthMm / 40, 0.002);
}

export const PSF_BINS = 600;
/** Photons are added for --fwhm-rel-error in multiples of this (independent of any batch size). */
export const ADAPTIVE_STEP_PHOTONS = 4096;
export const JACKKNIFE_GROUPS = 16;
/** Below this many detected photons a PSF width is not estimated (reported as null). */
export const MIN_DETECTED_FOR_FWHM = 1000;

export interface PointEmitterResult {
  depthMm: number;
  photons: number;
  /** Detected weight per emitted photon (transport only; spectral throughput not included). */
  detected: number;
  detectedStdErr: number;
  psfPeakPerMm2: number;
  fwhmMm: number;
  fwhmStdErr: number;
  lsfPeakPerMm: number;
  lsfFwhmMm: number;
  lsfFwhmStdErr: number;
  binMm: number;
  radialWeights: Float64Array;
  foldedWeights: Float64Array;
  /** Folded line-profile weights per jackknife group (per launched photon of the whole run). */
  foldedGroups: Float64Array[];
  mtf: { frequenciesPerMm: number[]; values: number[]; mtf50PerMm: number };
  steppedOut: number;
  interrupted: boolean;
  elapsedMs: number;
  seed: number;
}

/** Simulates an isotropic point emitter on the axis at depthMm and measures its image. */
export async function simulatePointEmitter(depthMm: number, o: EmitterRunOptions): Promise<PointEmitterResult> {
  const source: EngineSource = { type: 'isotropic', positionMm: [0, 0, depthMm] };
  const problem = buildProblem(o.phantom, o.opticsByBin, { source, camera: o.camera, binProbabilities: o.binProbabilities, maxSteps: o.maxSteps });
  const binMm = psfBinMm(depthMm);
  const tally = new EmitterTally({ binMm, bins: PSF_BINS, groups: JACKKNIFE_GROUPS });
  const seed = emitterSeed(o.seed, o.settingKey, 'point', depthMm);
  // Rounds add photons in steps that do not depend on the backend's batch size, so the stopping
  // point (and every number) is the same on any backend, batch size or thread count.
  const step = ADAPTIVE_STEP_PHOTONS;
  const wholeSteps = (n: number) => Math.ceil(n / step) * step;
  let target = Math.ceil(o.photons);
  const limit = Math.max(o.maxPhotons ?? target, target);
  let startPhoton = 0;
  let elapsedMs = 0;
  let interrupted = false;
  let psf = { value: NaN, stdErr: NaN };
  let lsf = { value: NaN, stdErr: NaN };
  for (;;) {
    const info = await runTransport(
      problem,
      { photons: target, seed, backendInstance: o.backend, startPhoton, onProgress: o.onProgress, signal: o.signal },
      (records, _b, n, firstPhoton) => tally.add(records, n, firstPhoton),
    );
    elapsedMs += info.elapsedMs;
    interrupted = info.interrupted;
    startPhoton = info.photonsDone;
    psf = fwhmWithError(tally.usedGroups('radial'), (w) => radialProfile(w, binMm));
    lsf = fwhmWithError(tally.usedGroups('folded'), (w) => foldedLineProfile(w, binMm));
    if (tally.detectedCount < MIN_DETECTED_FOR_FWHM) {
      psf = { value: NaN, stdErr: NaN };
      lsf = { value: NaN, stdErr: NaN };
    }
    const rel = psf.stdErr / psf.value;
    // A NaN error (too few photons for a stable estimate) also asks for more photons; so does a
    // jackknife over fewer than JACKKNIFE_GROUPS filled groups (its error is itself too uncertain).
    const enoughGroups = tally.usedGroups('radial').length >= JACKKNIFE_GROUPS;
    if (interrupted || !o.targetFwhmRelErr || (enoughGroups && rel <= o.targetFwhmRelErr) || target >= limit) break;
    // Standard errors shrink as 1/√N: ask for what should reach the target, with 20 % to spare, but
    // at most 4× per round — a 16-group jackknife error is itself uncertain, and one low estimate
    // of it would otherwise overshoot by millions of photons.
    const need = enoughGroups && Number.isFinite(rel) ? target * (rel / o.targetFwhmRelErr) ** 2 * 1.2 : target * 2;
    target = Math.min(limit, wholeSteps(Math.min(Math.max(need, target + step), 4 * target)));
  }
  const radialWeights = sumGroups(tally.radial);
  const foldedWeights = sumGroups(tally.folded);
  const photons = tally.photons;
  const radialPerPhoton = radialWeights.map((v) => v / photons);
  const foldedPerPhoton = foldedWeights.map((v) => v / photons);
  const psfPeak = halfMax(radialProfile(radialPerPhoton, binMm)).peak;
  const lsfProfile = foldedLineProfile(foldedPerPhoton, binMm);
  const lsfPeak = halfMax(lsfProfile).peak;
  const fMax = 2 / Math.max(lsf.value, binMm * 4);
  const frequenciesPerMm = Array.from({ length: 41 }, (_, i) => (i * fMax) / 40);
  const mtfValues = mtfFromFoldedLsf(lsfProfile.positionsMm, lsfProfile.density, binMm, frequenciesPerMm);
  const detected = tally.detected();
  return {
    depthMm,
    photons,
    detected: detected.value,
    detectedStdErr: detected.stdErr,
    psfPeakPerMm2: psfPeak,
    fwhmMm: psf.value,
    fwhmStdErr: psf.stdErr,
    lsfPeakPerMm: lsfPeak,
    lsfFwhmMm: lsf.value,
    lsfFwhmStdErr: lsf.stdErr,
    binMm,
    radialWeights: radialPerPhoton,
    foldedWeights: foldedPerPhoton,
    foldedGroups: tally.usedGroups('folded').map((g) => g.map((v) => v / photons)),
    mtf: { frequenciesPerMm, values: mtfValues, mtf50PerMm: mtfCrossing(frequenciesPerMm, mtfValues, 0.5) },
    steppedOut: tally.steppedOut,
    interrupted,
    elapsedMs,
    seed,
  };
}

/** FWHM from all groups, with a jackknife error whose replicates reuse the full-data fit window. */
export function fwhmWithError(groups: Float64Array[], profile: (w: Float64Array) => SymmetricProfile): { value: number; stdErr: number } {
  if (groups.length === 0) return { value: NaN, stdErr: NaN };
  const full = halfMax(profile(sumGroups(groups))).halfWidthMm;
  if (!Number.isFinite(full)) return { value: NaN, stdErr: NaN };
  const { stdErr } = jackknife(groups, (w) => 2 * halfMax(profile(w), full).halfWidthMm);
  return { value: 2 * full, stdErr };
}

function sumGroups(groups: Float64Array[]): Float64Array {
  const out = new Float64Array(groups[0].length);
  for (const g of groups) for (let i = 0; i < g.length; i++) out[i] += g[i];
  return out;
}

/**
 * Background from probe spread uniformly through the tissue between fromMm and toMm: emitters
 * uniform in depth on the axis. By lateral translation invariance the image intensity of a uniform
 * emitter density ρ (per mm³) is ρ·∫S(z)dz = ρ·detected·(toMm − fromMm), per mm² of the image.
 */
export async function simulateUniformBackground(fromMm: number, toMm: number, o: EmitterRunOptions) {
  const source: EngineSource = { type: 'depth-range', fromMm, toMm };
  const problem = buildProblem(o.phantom, o.opticsByBin, { source, camera: o.camera, binProbabilities: o.binProbabilities, maxSteps: o.maxSteps });
  const tally = new EmitterTally({ binMm: 1, bins: 2, groups: 1 });
  const seed = emitterSeed(o.seed, o.settingKey, 'background', fromMm * 1000 + toMm);
  const info = await runTransport(problem, { photons: o.photons, seed, backendInstance: o.backend, signal: o.signal, onProgress: o.onProgress }, (r, _b, n, first) =>
    tally.add(r, n, first),
  );
  const d = tally.detected();
  const thicknessMm = toMm - fromMm;
  return { intensityPerDensity: d.value * thicknessMm, intensityStdErr: d.stdErr * thicknessMm, photons: tally.photons, interrupted: info.interrupted };
}

/**
 * Broad-beam excitation fluence at the given depths (per unit incident irradiance): pencil beam
 * laterally integrated, track-length estimator in thin slabs (kernel tally mode 1), four depths a pass.
 */
export async function excitationFluence(
  depthsMm: number[],
  o: Omit<EmitterRunOptions, 'camera' | 'binProbabilities'>,
): Promise<{ fluence: number[]; stdErr: number[] }> {
  const problem = buildProblem(o.phantom, o.opticsByBin, { source: { type: 'pencil' }, maxSteps: o.maxSteps });
  const halfWidthMm = Math.max(0.01, Math.min(...depthsMm) / 10, 0.02);
  const fluence: number[] = [];
  const stdErr: number[] = [];
  for (let start = 0; start < depthsMm.length; start += 4) {
    const centresMm = depthsMm.slice(start, start + 4);
    const sums = new Float64Array(4);
    const sqs = new Float64Array(4);
    const seed = emitterSeed(o.seed, o.settingKey, 'excitation', start);
    const info = await runTransport(
      problem,
      { photons: o.photons, seed, backendInstance: o.backend, tallyMode: TALLY_FLUENCE, fluenceSlabsMm: { centresMm, halfWidthMm }, signal: o.signal },
      (r, _b, n) => {
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < centresMm.length; k++) {
            const v = recordSum(r, i, k) / (2 * halfWidthMm);
            sums[k] += v;
            sqs[k] += v * v;
          }
        }
      },
    );
    const n = info.photonsDone;
    centresMm.forEach((_, k) => {
      fluence.push(sums[k] / n);
      stdErr.push(Math.sqrt(Math.max(0, sqs[k] / n - (sums[k] / n) ** 2) / (n - 1)));
    });
  }
  return { fluence, stdErr };
}
