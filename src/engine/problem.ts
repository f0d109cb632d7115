import type { Phantom } from '../phantom/schema.js';
import { engineSource, type EngineSource } from './sources.js';
import type { CameraSpec, LayerOptics, TransportProblem } from './types.js';

export { engineSource };

export const DEFAULT_MAX_STEPS = 100_000;
/** MCML's Russian roulette: packets below this weight survive with probability 1/10 (Wang et al. 1995). */
export const ROULETTE_WEIGHT = 1e-4;
export const ROULETTE_CHANCE = 0.1;

export interface ProblemOptions {
  source?: EngineSource;
  camera?: CameraSpec;
  maxSteps?: number;
  binProbabilities?: number[];
}

/** Turns a phantom and its optics (one LayerOptics[] per wavelength bin) into an engine problem. */
export function buildProblem(phantom: Phantom, opticsByBin: LayerOptics[][], options: ProblemOptions = {}): TransportProblem {
  const bins = opticsByBin.length;
  return {
    thicknessesMm: phantom.layers.map((l) => l.thicknessMm ?? Infinity),
    opticsByBin,
    binProbabilities: options.binProbabilities ?? Array.from({ length: bins }, () => 1 / bins),
    ambientN: phantom.ambient.n,
    belowN: phantom.below.n,
    source: options.source ?? engineSource(phantom.source),
    camera: options.camera,
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    weightThreshold: ROULETTE_WEIGHT,
    rouletteChance: ROULETTE_CHANCE,
  };
}
