import type { Command } from 'commander';
import type { StudyOptions } from '../../imaging/study.js';
import type { Phantom } from '../../phantom/schema.js';
import { numberArg } from './flags.js';

/** Options of the study commands (windows, filters): target, background, SBR threshold, excitation. */
export function addStudyOptions(cmd: Command): Command {
  return cmd
    .option('--tbr <R>', 'target-to-background probe concentration ratio; 50 ≈ a blood-pool probe with 2 % blood volume around the vessel', numberArg('--tbr'), 50)
    .option('--target-diameter-mm <MM>', 'diameter of the vessel and of the spherical point target', numberArg('--target-diameter-mm'), 0.3)
    .option('--background-depth-mm <MM>', 'background emitters fill the tissue down to this depth (default: min(thickness, max(10, 3×deepest)))', numberArg('--background-depth-mm'))
    .option('--sbr-threshold <R>', 'penetration depth = depth where the vessel SBR falls to this value', numberArg('--sbr-threshold'), 1)
    .option('--excitation <NM>', 'model broad-beam excitation at this wavelength (emitter brightness ∝ local fluence)', numberArg('--excitation'));
}

/** StudyOptions from a study command's flags (--depths or --depth). */
export function studyOptions(
  phantom: Phantom,
  flags: Record<string, any>,
  camera: StudyOptions['camera'],
  backend: StudyOptions['backend'],
  onProgress: StudyOptions['onProgress'],
  signal: AbortSignal,
): StudyOptions {
  const depthsMm: number[] = flags.depths ?? [flags.depth];
  return {
    phantom,
    depthsMm,
    photons: flags.photons,
    seed: flags.seed,
    backend,
    camera,
    targetToBackground: flags.tbr,
    targetDiameterMm: flags.targetDiameterMm,
    sbrThreshold: flags.sbrThreshold,
    backgroundDepthMm: flags.backgroundDepthMm ?? defaultBackgroundDepthMm(phantom, depthsMm),
    excitationNm: flags.excitation,
    allowExtrapolation: Boolean(flags.allowExtrapolation),
    targetFwhmRelErr: flags.fwhmRelError > 0 ? flags.fwhmRelError : undefined,
    maxPhotons: flags.maxPhotons,
    onProgress,
    signal,
  };
}


/** Background depth: the whole tissue, capped where deep emitters no longer reach the camera. */
export function defaultBackgroundDepthMm(phantom: Phantom, depthsMm: number[]): number {
  const totalMm = phantom.layers.reduce((s, l) => s + (l.thicknessMm ?? Infinity), 0);
  return Math.min(totalMm, Math.max(10, 3 * Math.max(...depthsMm)));
}
