import type { Command } from 'commander';
import { addImagingOptions, backendFromFlags, cameraFromFlags, checkDepthsInside, depthsArg } from './shared/imagingOptions.js';
import { intArg, numberArg } from './shared/flags.js';
import { withRun } from './shared/lifecycle.js';
import { settingKey } from '../engine/seeds.js';
import { InputError } from '../errors.js';
import { simulatePsfSet } from '../imaging/psfSimulation.js';
import { opticsForSetting, spectralSetting, type SpectralSetting } from '../imaging/spectralSetting.js';
import { loadPhantom } from '../phantom/load.js';
import { psfStem, writePsfSet } from '../restoration/psfSet.js';
import { getDetector, getFilter, getProbe, getWindow, idealDetector } from '../spectral/index.js';

/** File stem for a depth: kernel-1.0mm, kernel-0.25mm. */
export const kernelStem = psfStem;

function settingFromFlags(flags: Record<string, any>): SpectralSetting {
  if (flags.window) {
    if (flags.filter) throw new InputError('give either --window or --filter (with --probe and --detector), not both');
    const w = getWindow(flags.window);
    const probe = flags.probe ? getProbe(flags.probe) : undefined;
    const detector = flags.detector ? getDetector(flags.detector) : idealDetector();
    // The same key as `nirwalk windows` uses, so both commands walk the same photons.
    return spectralSetting(settingKey({ window: w.name, probe: probe?.name, detector: detector.name }), w.name, { window: w, probe, detector }, flags.spectralBins);
  }
  if (!flags.probe || !flags.filter) throw new InputError('give --window NAME, or --probe P --filter F [--detector D]');
  const probe = getProbe(flags.probe);
  const filter = getFilter(flags.filter);
  const detector = getDetector(flags.detector ?? 'ingaas');
  return spectralSetting(settingKey({ filter: filter.name, probe: probe.name, detector: detector.name }), `${probe.name} / ${filter.name} / ${detector.name}`, { probe, filter, detector }, flags.spectralBins);
}

export function register(program: Command): void {
  const cmd = program
    .command('kernels')
    .summary('depth-resolved restoration kernels (PSFs) as float TIFF + NPY')
    .description(
      'Depth-resolved restoration kernels: the surface PSF of a point emitter at each depth for one\n' +
        'spectral setting, as 32-bit float TIFF (Fiji/ImageJ, pixel size recorded) and NPY, centred,\n' +
        'unit sum, radially averaged (raw) and smooth-fitted; described in DIR/kernels.json.',
    )
    .argument('<phantom>', 'phantom JSON file (laterally uniform layers: one kernel per depth is the exact prior)')
    .requiredOption('--depths <MM,...>', 'emitter depths in mm', depthsArg)
    .requiredOption('--out <DIR>', 'output folder')
    .option('--window <NAME>', 'emission window (NIR-I, NIR-II, NIR-IIa, NIR-IIx, NIR-IIb), flat emitter unless --probe')
    .option('--probe <NAME|CSV>', 'probe emission spectrum')
    .option('--filter <NAME|CSV>', 'emission filter (with --probe)')
    .option('--detector <NAME|CSV>', 'detector QE (default ingaas with --filter, ideal with --window)')
    .option('--pixel-mm <MM>', 'kernel pixel size at the sample (mm)', numberArg('--pixel-mm'), 0.02)
    .option('--size <N>', 'kernel side in pixels (odd)', intArg('--size', 3), 257);
  addImagingOptions(cmd, { photons: 50_000 })
    .addHelpText('after', '\nExample:\n  nirwalk kernels phantoms/mouse-hindlimb.json --window NIR-IIa --depths 0.5,1,2 --pixel-mm 0.02 --size 257 --out out/kernels\n')
    .action(async (phantomPath: string, flags) => {
      const phantom = loadPhantom(phantomPath);
      checkDepthsInside(phantom, flags.depths);
      if (flags.size % 2 !== 1) throw new InputError(`--size must be odd so the kernel has a centre pixel (got ${flags.size})`);
      const setting = settingFromFlags(flags);
      if (!(setting.detectedFraction > 0)) throw new InputError(`${setting.label}: the filter/detector passes nothing of the emission, so there is no kernel`);
      const { opticsByBin, notes } = opticsForSetting(phantom, setting, Boolean(flags.allowExtrapolation));
      const camera = cameraFromFlags(phantom, flags);
      const { value: set } = await withRun({ progress: { stages: flags.depths.length }, backend: backendFromFlags(flags), interruptible: true }, ({ backend, onProgress, signal }) =>
        simulatePsfSet({
          phantom,
          setting,
          opticsByBin,
          opticsNotes: notes,
          camera,
          depthsMm: flags.depths,
          photons: flags.photons,
          seed: flags.seed,
          backend,
          pixelMm: flags.pixelMm,
          size: flags.size,
          targetFwhmRelErr: flags.fwhmRelError > 0 ? flags.fwhmRelError : undefined,
          maxPhotons: flags.maxPhotons,
          onProgress,
          signal,
        }),
      );
      await writePsfSet(flags.out, set);
      const size: number = flags.size;
      const pixelMm: number = flags.pixelMm;
      for (const e of set.manifest.kernels as any[]) {
        process.stdout.write(`${e.tiff.replace(/\.tif$/, '')}: FWHM ${e.fwhmMm.toFixed(3)} ± ${e.fwhmStdErr.toFixed(3)} mm, ${e.photons} photons, ${(100 * e.fractionOutsideField).toFixed(1)} % of the PSF outside the ${size}×${pixelMm} mm field\n`);
      }
      process.stdout.write(`written to ${flags.out}/kernels.json\n`);
    });
}

