import { specularReflectance } from './fresnel.js';
import type { RunOptions, TransportProblem } from './types.js';

/** Depth used for the bottom of a semi-infinite last layer (mm): far beyond any photon's reach. */
export const SEMI_INFINITE_DEPTH_MM = 1.0e7;

export type KernelConstants = Record<string, number>;

export interface KernelConfig {
  constants: KernelConstants;
  layerZ: Float32Array;
  props: Float32Array;
  wlCdf: Float32Array;
  /** Weight that enters the tissue per launched photon (1 − specular for the pencil beam). */
  launchWeight: number;
  specular: number;
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

/**
 * Specular reflection of the pencil beam and the layer it starts in, as MCML's Rspecular and
 * LaunchPhoton: when the first layer is clear (μa = μs = 0 at every wavelength) and there is a layer
 * below it, the glass layer's multiple reflections r1 + (1 − r1)²·r2 / (1 − r1·r2) count as specular
 * and the packet starts at the top of the second layer.
 */
function pencilLaunch(problem: TransportProblem): { specular: number; startLayer: number } {
  const first = problem.opticsByBin.map((layers) => layers[0]);
  const r1 = specularReflectance(problem.ambientN, first[0].n);
  const clear = first.every((o) => o.muaPerMm === 0 && o.musPerMm === 0);
  if (!clear || problem.thicknessesMm.length < 2) return { specular: r1, startLayer: 0 };
  const r2 = specularReflectance(first[0].n, problem.opticsByBin[0][1].n);
  return { specular: r1 + ((1 - r1) * (1 - r1) * r2) / (1 - r1 * r2), startLayer: 1 };
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

  const s = problem.source;
  const { specular, startLayer } = s.type === 'pencil' ? pencilLaunch(problem) : { specular: 0, startLayer: 0 };
  const launchWeight = 1 - specular;
  const slabs = run.fluenceSlabsMm ?? { centresMm: [], halfWidthMm: 0 };
  const slab = (i: number) => slabs.centresMm[i] ?? -1.0e6;
  const camera = problem.camera ?? { numericalAperture: problem.ambientN, focusDepthMm: 0 };

  const constants: KernelConstants = {
    nLayers,
    nWl: nBins,
    nAbove: problem.ambientN,
    nBelow,
    sourceType: { pencil: 0, isotropic: 1, line: 2, 'depth-range': 3 }[s.type],
    launchWeight,
    startLayer,
    sourceX: s.type === 'isotropic' ? s.positionMm[0] : s.type === 'line' ? s.xMm : 0,
    sourceY: s.type === 'isotropic' ? s.positionMm[1] : 0,
    sourceZ: s.type === 'isotropic' ? s.positionMm[2] : s.type === 'line' ? s.depthMm : s.type === 'depth-range' ? s.fromMm : 0,
    sourceLength: s.type === 'line' ? s.lengthMm : s.type === 'depth-range' ? s.toMm - s.fromMm : 0,
    sourceRadius: s.type === 'line' ? s.radiusMm : 0,
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
  return { constants, layerZ, props, wlCdf, launchWeight, specular };
}
