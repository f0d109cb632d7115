import type { LayerOptics } from '../optics/types.js';
import type { EngineSource } from './sources.js';
import type { BackendName } from './backends/registry.js';

export type { LayerOptics, EngineSource, BackendName };

export type TallyMode = 0 | 1 | 2;
export const TALLY_EXIT: TallyMode = 0;
export const TALLY_FLUENCE: TallyMode = 1;
export const TALLY_ABSORPTION: TallyMode = 2;

/**
 * What the camera accepts (its acceptance, not its detector's QE, which is spectral/detectors.ts): a
 * numerical aperture (in the ambient medium) and a focal plane depth in tissue.
 */
export interface CameraSpec {
  numericalAperture: number;
  focusDepthMm: number;
}

/** A fully resolved transport problem: geometry, optics on a wavelength grid, source, camera. */
export interface TransportProblem {
  /** Thickness of each layer in mm; Infinity for a semi-infinite last layer. */
  thicknessesMm: number[];
  /** opticsByBin[bin][layer]; one bin for a monochromatic run. */
  opticsByBin: LayerOptics[][];
  /** Probability of each wavelength bin (importance sampling of the effective spectrum); sums to 1. */
  binProbabilities: number[];
  ambientN: number;
  belowN: number;
  source: EngineSource;
  camera?: CameraSpec;
  maxSteps: number;
  weightThreshold: number;
  rouletteChance: number;
}

export interface RunOptions {
  photons: number;
  seed: number;
  threads?: number;
  backend?: BackendName;
  batchPhotons?: number;
  tallyMode?: TallyMode;
  /** Slab centres for tallyMode 1 (at most 4), half width in mm. */
  fluenceSlabsMm?: { centresMm: number[]; halfWidthMm: number };
  /** First layer of the four tallied by tallyMode 2. */
  layerOffset?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

