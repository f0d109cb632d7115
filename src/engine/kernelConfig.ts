import { SOURCE_CONSTANT_NAMES, sourceConstants, sourceLaunch } from './sources.js';
import type { RunOptions, TransportProblem } from './types.js';

/** Depth used for the bottom of a semi-infinite last layer (mm): far beyond any photon's reach. */
export const SEMI_INFINITE_DEPTH_MM = 1.0e7;

/**
 * Every `this.constants.*` that kernels/transport.js reads (test/engine/kernelConfig.test.ts checks
 * this list against the kernel text). The source constants come from engine/sources.ts.
 */
export const TRANSPORT_CONSTANT_NAMES = [
  'nLayers',
  'nWl',
  'nAbove',
  'nBelow',
  ...SOURCE_CONSTANT_NAMES,
  'sinAcceptance',
  'focusApparentMm',
  'maxSteps',
  'weightThreshold',
  'rouletteChance',
  'tallyMode',
  'tallyZ0',
  'tallyZ1',
  'tallyZ2',
  'tallyZ3',
  'tallyHalfMm',
  'layerOffset',
] as const;

export type TransportConstantName = (typeof TRANSPORT_CONSTANT_NAMES)[number];
export type TransportConstants = Record<TransportConstantName, number>;

/** What a backend needs to run the transport kernel: its constants and its three argument arrays. */
export interface KernelConfig {
  constants: TransportConstants;
  layerZ: Float32Array;
  props: Float32Array;
  wlCdf: Float32Array;
}

/** Paraxial apparent depth of a plane at depthMm seen from the ambient medium (Σ t_i · n0 / n_i). */
export function apparentDepthMm(problem: TransportProblem, depthMm: number, bin = 0): number {
  let remaining = depthMm;
  let apparent = 0;
  for (let i = 0; i < problem.thicknessesMm.length && remaining > 0; i++) {
    const t = Math.min(remaining, problem.thicknessesMm[i]);
    apparent += (t * problem.ambientN) / problem.opticsByBin[bin][i].n;
    remaining -= t;
  }
  return apparent;
}

export function buildKernelConfig(problem: TransportProblem, run: Pick<RunOptions, 'tallyMode' | 'fluenceSlabsMm' | 'layerOffset'>): KernelConfig {
  const nLayers = problem.thicknessesMm.length;
  const nBins = problem.opticsByBin.length;
  const layerZ = new Float32Array(nLayers + 1);
  for (let i = 0; i < nLayers; i++) {
    const t = problem.thicknessesMm[i];
    layerZ[i + 1] = Number.isFinite(t) ? layerZ[i] + t : SEMI_INFINITE_DEPTH_MM;
  }
  const props = new Float32Array(nBins * nLayers * 4);
  problem.opticsByBin.forEach((layers, b) =>
    layers.forEach((o, i) => props.set([o.muaPerMm, o.musPerMm, o.g, o.n], (b * nLayers + i) * 4)),
  );
  const wlCdf = new Float32Array(nBins);
  let acc = 0;
  problem.binProbabilities.forEach((p, i) => {
    acc += p;
    wlCdf[i] = acc;
  });
  wlCdf[nBins - 1] = 1;

  // A semi-infinite last layer has no real bottom surface: no Fresnel reflection at the far depth.
  const semiInfinite = !Number.isFinite(problem.thicknessesMm[nLayers - 1]);
  const nBelow = semiInfinite ? problem.opticsByBin[0][nLayers - 1].n : problem.belowN;

  const slabs = run.fluenceSlabsMm ?? { centresMm: [], halfWidthMm: 0 };
  const slab = (i: number) => slabs.centresMm[i] ?? -1.0e6;
  const camera = problem.camera ?? { numericalAperture: problem.ambientN, focusDepthMm: 0 };

  const constants: TransportConstants = {
    nLayers,
    nWl: nBins,
    nAbove: problem.ambientN,
    nBelow,
    ...sourceConstants(problem),
    sinAcceptance: Math.min(1, camera.numericalAperture / problem.ambientN) + 1e-7,
    focusApparentMm: apparentDepthMm(problem, camera.focusDepthMm),
    maxSteps: problem.maxSteps,
    weightThreshold: problem.weightThreshold,
    rouletteChance: problem.rouletteChance,
    tallyMode: run.tallyMode ?? 0,
    tallyZ0: slab(0),
    tallyZ1: slab(1),
    tallyZ2: slab(2),
    tallyZ3: slab(3),
    tallyHalfMm: slabs.halfWidthMm,
    layerOffset: run.layerOffset ?? 0,
  };
  return { constants, layerZ, props, wlCdf };
}

export { sourceLaunch };
