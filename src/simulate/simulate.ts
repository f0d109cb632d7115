import { digestOf } from '../digest.js';
import { InputError } from '../errors.js';
import { buildProblem, DEFAULT_MAX_STEPS } from '../engine/problem.js';
import { recordSum } from '../engine/records.js';
import { sourceLaunch } from '../engine/sources.js';
import { runTransport, type RunInfo } from '../engine/run.js';
import { TALLY_ABSORPTION, type BackendName, type LayerOptics, type TransportProblem } from '../engine/types.js';
import { createBackend } from '../engine/backends/registry.js';
import { resolvePhantomOptics } from '../optics/index.js';
import type { Phantom } from '../phantom/schema.js';
import { ExitTally, type ExitTallySpec } from '../tallies/exitTally.js';
import type { Backend } from '../engine/backends/backend.js';
import type { Checkpoint } from './checkpoint.js';

export type { Checkpoint };
import { VERSION } from '../version.js';

export interface SimulateOptions {
  photons: number;
  seed: number;
  threads?: number;
  /** Photons per kernel launch (default: the backend's); the numbers do not depend on it. */
  batchPhotons?: number;
  backend?: BackendName;
  wavelengthNm?: number;
  allowExtrapolation?: boolean;
  radialBinMm?: number;
  radialBins?: number;
  imagePixels?: number;
  pathBinMm?: number;
  pathBins?: number;
  maxSteps?: number;
  /** Also tally absorption per layer (a second pass that replays the identical photon walks). */
  absorbedByLayer?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Continue an interrupted run from its checkpoint. */
  resume?: Checkpoint;
  /** Run on this backend (the caller closes it); otherwise one is made from backend/threads and closed. */
  backendInstance?: Backend;
}

export interface SimulationOutput {
  result: Record<string, unknown> & { interrupted: boolean };
  tally: ExitTally;
  checkpoint?: Checkpoint;
}

function checkPositiveInt(name: string, v: number, min = 1) {
  if (!Number.isInteger(v) || v < min) throw new InputError(`${name} must be a whole number ≥ ${min} (got ${v})`);
}

function checkPositive(name: string, v: number) {
  if (!(Number.isFinite(v) && v > 0)) throw new InputError(`${name} must be a number > 0 (got ${v})`);
}

export function validateSimulateOptions(o: SimulateOptions): void {
  checkPositiveInt('--photons', o.photons);
  if (!Number.isSafeInteger(o.seed)) throw new InputError(`--seed must be a whole number (got ${o.seed})`);
  if (o.threads !== undefined) checkPositiveInt('--threads', o.threads);
  if (o.batchPhotons !== undefined) checkPositiveInt('--batch-photons', o.batchPhotons);
  if (o.radialBinMm !== undefined) checkPositive('--radial-bin-mm', o.radialBinMm);
  if (o.radialBins !== undefined) checkPositiveInt('--radial-bins', o.radialBins);
  if (o.maxSteps !== undefined) checkPositiveInt('--max-steps', o.maxSteps, 10);
  if (o.wavelengthNm !== undefined) checkPositive('--wavelength', o.wavelengthNm);
}

function tallySpec(o: SimulateOptions): ExitTallySpec {
  const radialBinMm = o.radialBinMm ?? 0.1;
  const radialBins = o.radialBins ?? 200;
  const imagePixels = o.imagePixels ?? 2 * radialBins + 1;
  return {
    radialBinMm,
    radialBins,
    imagePixels,
    imagePixelMm: radialBinMm,
    pathBinMm: o.pathBinMm ?? radialBinMm * 10,
    pathBins: o.pathBins ?? 500,
  };
}

export interface ResolvedRun {
  problem: TransportProblem;
  optics: LayerOptics[];
  notes: string[];
  inputDigest: string;
}

export function resolveSimulation(phantom: Phantom, o: SimulateOptions): ResolvedRun {
  const { layers: optics, notes } = resolvePhantomOptics(phantom, o.wavelengthNm, { allowExtrapolation: o.allowExtrapolation });
  const problem = buildProblem(phantom, [optics], { maxSteps: o.maxSteps ?? DEFAULT_MAX_STEPS });
  const inputDigest = digestOf({ phantom, wavelengthNm: o.wavelengthNm ?? null, seed: o.seed, photons: o.photons, tally: tallySpec(o), maxSteps: problem.maxSteps, version: VERSION });
  return { problem, optics, notes, inputDigest };
}

/** Runs the MCML-style simulation of a phantom and gathers the result.json document. */
export async function simulate(phantom: Phantom, o: SimulateOptions): Promise<SimulationOutput> {
  validateSimulateOptions(o);
  const { problem, optics, notes, inputDigest } = resolveSimulation(phantom, o);
  if (o.resume && o.resume.inputDigest !== inputDigest) {
    throw new InputError('the checkpoint belongs to a different run (phantom, wavelength, photons, seed or tally options differ)');
  }
  const spec = tallySpec(o);
  const backend = o.backendInstance ?? (await createBackend(o.backend ?? 'auto', o.threads));
  try {
    const launchWeight = sourceLaunch(problem).launchWeight;
    const tally = o.resume ? ExitTally.fromJSON(o.resume.tally) : new ExitTally(spec, launchWeight);
    const info: RunInfo = await runTransport(
      problem,
      {
        photons: o.photons,
        seed: o.seed,
        backendInstance: backend,
        batchPhotons: o.resume?.batchPhotons ?? o.batchPhotons,
        startBatch: o.resume?.batchesDone,
        onProgress: o.onProgress,
        signal: o.signal,
      },
      (records, _b, n) => tally.add(records, n),
    );

    let absorbedByLayer: number[] | undefined;
    if (o.absorbedByLayer && !info.interrupted) {
      absorbedByLayer = await tallyAbsorptionByLayer(problem, o, backend, info.batchPhotons);
    }

    const s = tally.summary();
    const photons = tally.photons;
    const runSeconds = info.elapsedMs / 1000;
    const newPhotons = photons - (o.resume ? o.resume.batchesDone * o.resume.batchPhotons : 0);
    const result = {
      nirwalk: VERSION,
      phantom: phantom.name,
      inputDigest,
      photons,
      photonsRequested: o.photons,
      seed: o.seed,
      backend: info.backend,
      backendDescription: info.backendDescription,
      adapter: info.adapter ?? null,
      threads: info.threads,
      batchPhotons: info.batchPhotons,
      elapsedMs: Math.round(info.elapsedMs),
      photonsPerSecond: Math.round(newPhotons / runSeconds),
      interrupted: info.interrupted,
      wavelengthNm: o.wavelengthNm ?? null,
      layers: phantom.layers.map((l, i) => ({ name: l.name, thicknessMm: l.thicknessMm, ...optics[i] })),
      ambientN: phantom.ambient.n,
      belowN: phantom.below.n,
      source: phantom.source,
      specularReflectance: info.launch.specular,
      diffuseReflectance: s.diffuseReflectance,
      transmittance: s.transmittance,
      absorbed: s.absorbed,
      ...(absorbedByLayer ? { absorbedByLayer } : {}),
      stdErr: {
        diffuseReflectance: s.diffuseReflectanceStdErr,
        transmittance: s.transmittanceStdErr,
        absorbed: s.absorbedStdErr,
      },
      radialReflectance: { binMm: spec.radialBinMm, ...tally.radialReflectancePerMm2() },
      steppedOut: s.steppedOut,
      steppedOutWeight: s.steppedOutWeight,
      maxSteps: problem.maxSteps,
      rouletteWeight: problem.weightThreshold,
      rouletteChance: problem.rouletteChance,
      notes,
    };
    const checkpoint: Checkpoint | undefined = info.interrupted
      ? { inputDigest, batchesDone: info.batchesDone, batchPhotons: info.batchPhotons, tally: tally.toJSON() }
      : undefined;
    return { result, tally, checkpoint };
  } finally {
    if (!o.backendInstance) await backend.close();
  }
}

/**
 * Absorbed weight per layer (tally mode 2), four layers per pass. Each pass replays the same seeded
 * batches, so the photons are exactly those of the exit tally and the sums balance it exactly.
 */
async function tallyAbsorptionByLayer(problem: TransportProblem, o: SimulateOptions, backend: Backend, batchPhotons: number): Promise<number[]> {
  const nLayers = problem.thicknessesMm.length;
  const sums = new Float64Array(nLayers);
  for (let offset = 0; offset < nLayers; offset += 4) {
    await runTransport(
      problem,
      { photons: o.photons, seed: o.seed, backendInstance: backend, batchPhotons, tallyMode: TALLY_ABSORPTION, layerOffset: offset },
      (records, _b, n) => {
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < 4 && offset + k < nLayers; k++) sums[offset + k] += recordSum(records, i, k);
        }
      },
    );
  }
  return Array.from(sums, (v) => v / o.photons);
}
