import { join } from 'node:path';
import type { Command } from 'commander';
import { addImagingOptions, checkDepthsInside, depthsArg, imagingConfig, withImagingRun } from './shared/imagingOptions.js';
import { intArg, numberArg } from './shared/flags.js';
import { digestOf } from '../digest.js';
import { settingKey } from '../engine/seeds.js';
import { InputError } from '../errors.js';
import { simulatePointEmitter, DEFAULT_CAMERA } from '../imaging/emitter.js';
import { rawRadialDensity, smoothRadialDensity } from '../imaging/psfProfile.js';
import { opticsForSetting, spectralSetting, type SpectralSetting } from '../imaging/spectralSetting.js';
import { withOutputDir, writeFileAtomic } from '../io/atomic.js';
import { loadPhantom } from '../phantom/load.js';
import { writeFloatTiff, writeNpy } from '../image/imageIo.js';
import { kernelFwhmMm, radialKernelImage } from '../image/radialPsf.js';
import { getDetector, getFilter, getProbe, getWindow, idealDetector } from '../spectral/index.js';
import { VERSION } from '../version.js';

/** File stem for a depth: kernel-1.0mm, kernel-0.25mm. */
export function kernelStem(depthMm: number): string {
  const decimals = Math.max(1, (String(depthMm).split('.')[1] ?? '').length);
  return `kernel-${depthMm.toFixed(decimals)}mm`;
}

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
      const { camera, backend } = await imagingConfig(phantom, flags);
      const pixelMm: number = flags.pixelMm;
      const size: number = flags.size;
      const fieldRadiusMm = ((size - 1) / 2) * pixelMm;
      const kernels: { stem: string; depthMm: number; raw: Float32Array; smooth: Float32Array; entry: Record<string, unknown> }[] = [];
      const { interrupted } = await withImagingRun(flags.depths.length, backend, async ({ onProgress, signal }) => {
        for (const depthMm of flags.depths as number[]) {
          const r = await simulatePointEmitter(depthMm, {
            phantom,
            opticsByBin,
            binProbabilities: setting.probabilities,
            camera: camera ?? DEFAULT_CAMERA,
            photons: flags.photons,
            seed: flags.seed,
            backend,
            settingKey: setting.key,
            signal,
            targetFwhmRelErr: flags.fwhmRelError > 0 ? flags.fwhmRelError : undefined,
            maxPhotons: flags.maxPhotons,
            onProgress: (d, t) => onProgress(`${depthMm} mm`, d, t),
          });
          if (r.interrupted) break;
          const raw = radialKernelImage(rawRadialDensity(r.radialWeights, r.binMm), size, pixelMm);
          const smooth = radialKernelImage(smoothRadialDensity(r.radialWeights, r.binMm), size, pixelMm);
          const total = r.radialWeights.reduce((a, b) => a + b, 0);
          let inside = 0;
          r.radialWeights.forEach((w, i) => {
            if ((i + 1) * r.binMm <= fieldRadiusMm) inside += w;
          });
          const stem = kernelStem(depthMm);
          kernels.push({
            stem,
            depthMm,
            raw,
            smooth,
            entry: {
              depthMm,
              tiff: `${stem}.tif`,
              npy: `${stem}.npy`,
              smoothTiff: `${stem}-smooth.tif`,
              smoothNpy: `${stem}-smooth.npy`,
              sum: raw.reduce((a, b) => a + b, 0),
              fwhmMm: r.fwhmMm,
              fwhmStdErr: r.fwhmStdErr,
              fwhmOfImageMm: kernelFwhmMm(raw, size, pixelMm),
              fwhmOfSmoothImageMm: kernelFwhmMm(smooth, size, pixelMm),
              photons: r.photons,
              detectedPerEmitted: r.detected,
              detectedPerEmittedStdErr: r.detectedStdErr,
              seed: r.seed,
              fractionOutsideField: total > 0 ? 1 - inside / total : 0,
              noise: kernelNoise(r.radialWeights, r.binMm, r.fwhmMm, r.photons),
            },
          });
        }
      });
      const manifest = {
        nirwalk: VERSION,
        phantom: { name: phantom.name, digest: digestOf(phantom) },
        spectral: {
          label: setting.label,
          key: setting.key,
          detectedFraction: setting.detectedFraction,
          meanWavelengthNm: setting.meanWavelengthNm,
          passbandNm: setting.passbandNm,
          wavelengthBinsNm: setting.wavelengthsNm,
        },
        camera,
        pixelMm,
        size,
        photons: flags.photons,
        seed: flags.seed,
        backend: backend.description,
        interrupted,
        format: 'float32, centred on pixel ((size-1)/2, (size-1)/2), unit sum; raw = radial average of the Monte Carlo histogram, smooth = fitted core + merged-annulus tail',
        notes: [...setting.notes, ...notes],
        kernels: kernels.map((k) => k.entry),
      };
      await withOutputDir(flags.out, (dir) => {
        for (const k of kernels) {
          const description = `nirwalk restoration kernel: ${phantom.name}, ${setting.label}, depth ${k.depthMm} mm`;
          writeFloatTiff(join(dir, `${k.stem}.tif`), { width: size, height: size, data: k.raw }, { pixelMm, description });
          writeNpy(join(dir, `${k.stem}.npy`), { width: size, height: size, data: k.raw });
          writeFloatTiff(join(dir, `${k.stem}-smooth.tif`), { width: size, height: size, data: k.smooth }, { pixelMm, description: `${description} (smooth fit)` });
          writeNpy(join(dir, `${k.stem}-smooth.npy`), { width: size, height: size, data: k.smooth });
        }
        writeFileAtomic(join(dir, 'kernels.json'), JSON.stringify(manifest, null, 2) + '\n');
      });
      for (const k of kernels) {
        const e = k.entry as any;
        process.stdout.write(`${k.stem}: FWHM ${e.fwhmMm.toFixed(3)} ± ${e.fwhmStdErr.toFixed(3)} mm, ${e.photons} photons, ${(100 * e.fractionOutsideField).toFixed(1)} % of the PSF outside the ${size}×${pixelMm} mm field\n`);
      }
      process.stdout.write(`written to ${flags.out}/kernels.json\n`);
    });
}

/** Monte Carlo noise of a radial kernel: RMS relative standard error of annulus densities inside the FWHM. */
function kernelNoise(radialWeights: Float64Array, binMm: number, fwhmMm: number, photons: number) {
  // Per annulus the weight is a sum over photons of ≤ 1 weights: Poisson-like, relative error ≈ 1/√(count).
  const limit = Number.isFinite(fwhmMm) ? fwhmMm / 2 : binMm * 10;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < radialWeights.length - 1 && (i + 1) * binMm <= limit; i++) {
    const expectedCount = radialWeights[i] * photons;
    if (expectedCount > 0) {
      sum += 1 / expectedCount;
      n++;
    }
  }
  return { rmsRelativeStdErrInsideFwhm: n ? Math.sqrt(sum / n) : null, annulusMm: binMm, estimate: 'Poisson: 1/√(photons in each annulus)' };
}
