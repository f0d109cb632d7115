import { Option, type Command } from 'commander';
import { createBackend } from '../../engine/backends/registry.js';
import type { Backend } from '../../engine/backends/backend.js';
import type { CameraSpec } from '../../engine/types.js';
import { InputError } from '../../errors.js';
import type { Phantom } from '../../phantom/schema.js';
import { BACKENDS, intArg, listArg, numberArg, seedArg } from './flags.js';
import { interruptSignal, stagedProgress } from './progress.js';
import { ENGINE_SPECTRAL_BINS } from '../../imaging/spectralSetting.js';

/** Options shared by the imaging commands (windows, filters, kernels). */
export function addImagingOptions(cmd: Command, defaults: { photons: number }): Command {
  return cmd
    .option('--photons <N>', 'photons per emitter depth (rounded up to whole batches)', intArg('--photons'), defaults.photons)
    .option('--seed <S>', 'random seed', seedArg, 1)
    .option('--threads <T>', 'worker threads for the cpu backend (default: one per core)', intArg('--threads'))
    .addOption(new Option('--backend <B>', 'transport backend').choices(BACKENDS).default('auto'))
    .option('--na <NA>', 'numerical aperture of the objective (photons outside its cone are not detected)', numberArg('--na', (n) => n > 0 && n <= 1.6, 'in (0, 1.6]'), 1)
    .option('--focus-depth-mm <MM>', 'depth of the camera focal plane below the surface (exit rays are back-projected to it)', numberArg('--focus-depth-mm', (n) => n >= 0, '≥ 0'), 0)
    .option('--fwhm-rel-error <F>', 'add photons until the FWHM relative standard error is at most F (0 = off)', numberArg('--fwhm-rel-error', (n) => n >= 0 && n < 1, 'in [0, 1)'), 0.03)
    .option('--max-photons <N>', 'upper limit per depth when adding photons for --fwhm-rel-error', intArg('--max-photons'), 16_000_000)
    .option('--allow-extrapolation', 'allow scattering power laws beyond their fitted range (flagged in the outputs)')
    .option('--spectral-bins <N>', 'wavelength bins photons are drawn from (optics per bin; see bench/RESULTS.md for convergence)', intArg('--spectral-bins'), ENGINE_SPECTRAL_BINS);
}

export function depthsArg(value: string): number[] {
  return listArg('--depths', (n) => n > 0, '> 0 mm')(value);
}

export interface ImagingConfig {
  camera: CameraSpec;
  backend: Backend;
}

export function checkDepthsInside(phantom: Phantom, depthsMm: number[], field = '--depths'): void {
  const totalMm = phantom.layers.reduce((s, l) => s + (l.thicknessMm ?? Infinity), 0);
  for (const d of depthsMm) {
    if (!(d > 0 && d < totalMm)) throw new InputError(`${field}: depth ${d} mm is outside the tissue (0 < depth < ${totalMm} mm)`);
  }
}

export async function imagingConfig(phantom: Phantom, flags: Record<string, any>): Promise<ImagingConfig> {
  if (flags.na > phantom.ambient.n) throw new InputError(`--na ${flags.na} exceeds the ambient refractive index ${phantom.ambient.n}`);
  if (flags.focusDepthMm > 0) checkDepthsInside(phantom, [flags.focusDepthMm], '--focus-depth-mm');
  const backend = await createBackend(flags.backend, flags.threads);
  return { camera: { numericalAperture: flags.na, focusDepthMm: flags.focusDepthMm }, backend };
}

/** Background depth: the whole tissue, capped where deep emitters no longer reach the camera. */
export function defaultBackgroundDepthMm(phantom: Phantom, depthsMm: number[]): number {
  const totalMm = phantom.layers.reduce((s, l) => s + (l.thicknessMm ?? Infinity), 0);
  return Math.min(totalMm, Math.max(10, 3 * Math.max(...depthsMm)));
}

/**
 * The lifecycle every imaging command shares: a staged progress bar, Ctrl-C that stops after the
 * batches in flight (keeping what is done), and the backend closed whatever happens.
 */
export async function withImagingRun<T>(
  stages: number,
  backend: Backend,
  body: (run: { onProgress: (label: string, done: number, total: number) => void; signal: AbortSignal }) => Promise<T>,
): Promise<{ value: T; interrupted: boolean }> {
  const progress = stagedProgress(stages);
  const interrupt = interruptSignal(() => process.stderr.write('\nnirwalk: stopping after the batches in flight…\n'));
  try {
    const value = await body({ onProgress: progress.update, signal: interrupt.signal });
    return { value, interrupted: interrupt.signal.aborted };
  } finally {
    progress.stop();
    interrupt.dispose();
    await backend.close();
  }
}
