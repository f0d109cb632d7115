import type { Command } from 'commander';
import type { CameraSpec } from '../../engine/types.js';
import { InputError } from '../../errors.js';
import { ENGINE_SPECTRAL_BINS } from '../../imaging/spectralSetting.js';
import type { Phantom } from '../../phantom/schema.js';
import { addEngineOptions, intArg, listArg, numberArg } from './flags.js';

/** Options shared by the imaging commands (windows, filters, kernels). */
export function addImagingOptions(cmd: Command, defaults: { photons: number }): Command {
  cmd.option('--photons <N>', 'photons per emitter depth', intArg('--photons'), defaults.photons);
  return addEngineOptions(cmd, 'random seed')
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

export function checkDepthsInside(phantom: Phantom, depthsMm: number[], field = '--depths'): void {
  const totalMm = phantom.layers.reduce((s, l) => s + (l.thicknessMm ?? Infinity), 0);
  for (const d of depthsMm) {
    if (!(d > 0 && d < totalMm)) throw new InputError(`${field}: depth ${d} mm is outside the tissue (0 < depth < ${totalMm} mm)`);
  }
}

/** The camera's acceptance (objective NA, focal plane) from --na and --focus-depth-mm, checked against the phantom. */
export function cameraFromFlags(phantom: Phantom, flags: Record<string, any>): CameraSpec {
  if (flags.na > phantom.ambient.n) throw new InputError(`--na ${flags.na} exceeds the ambient refractive index ${phantom.ambient.n}`);
  if (flags.focusDepthMm > 0) checkDepthsInside(phantom, [flags.focusDepthMm], '--focus-depth-mm');
  return { numericalAperture: flags.na, focusDepthMm: flags.focusDepthMm };
}

/** How an imaging command's flags name its backend (for withRun). */
export function backendFromFlags(flags: Record<string, any>) {
  return { name: flags.backend, threads: flags.threads };
}
