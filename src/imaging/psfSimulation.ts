import { digestOf } from '../digest.js';
import type { Backend } from '../engine/backends/backend.js';
import type { CameraSpec, LayerOptics } from '../engine/types.js';
import { kernelFwhmMm, radialKernelImage } from '../image/radialPsf.js';
import type { Phantom } from '../phantom/schema.js';
import { psfStem, type PsfEntry, type PsfImage, type PsfSetManifest } from '../restoration/psfSet.js';
import { VERSION } from '../version.js';
import { DEFAULT_CAMERA, simulatePointEmitter } from './emitter.js';
import { rawRadialDensity, smoothRadialDensity } from './psfProfile.js';
import type { SpectralSetting } from './spectralSetting.js';

export interface PsfSetOptions {
  phantom: Phantom;
  setting: SpectralSetting;
  /** Optics per wavelength bin of the setting (opticsForSetting) and the notes they raised. */
  opticsByBin: LayerOptics[][];
  opticsNotes: string[];
  camera: CameraSpec;
  depthsMm: number[];
  photons: number;
  seed: number;
  backend: Backend;
  /** Pixel size at the sample (mm) and side in pixels (odd) of each PSF image. */
  pixelMm: number;
  size: number;
  targetFwhmRelErr?: number;
  maxPhotons?: number;
  onProgress?: (label: string, done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Depth-resolved restoration kernels (PSFs): for each depth, the surface image of a point emitter
 * (radially averaged raw histogram and smooth fit) and the manifest that describes the set
 * (`nirwalk kernels` writes both with restoration/psfSet.ts's writePsfSet).
 */
export async function simulatePsfSet(o: PsfSetOptions): Promise<{ manifest: PsfSetManifest; images: PsfImage[]; interrupted: boolean }> {
  const { phantom, setting, pixelMm, size, backend } = o;
  const fieldRadiusMm = ((size - 1) / 2) * pixelMm;
  const images: PsfImage[] = [];
  const entries: PsfEntry[] = [];
    for (const depthMm of o.depthsMm) {
      const r = await simulatePointEmitter(depthMm, {
        phantom,
        opticsByBin: o.opticsByBin,
        binProbabilities: setting.probabilities,
        camera: o.camera ?? DEFAULT_CAMERA,
        photons: o.photons,
        seed: o.seed,
        backend,
        settingKey: setting.key,
        signal: o.signal,
        targetFwhmRelErr: o.targetFwhmRelErr,
        maxPhotons: o.maxPhotons,
        onProgress: (d, t) => o.onProgress?.(`${depthMm} mm`, d, t),
      });
      if (r.interrupted) break;
      const raw = radialKernelImage(rawRadialDensity(r.radialWeights, r.binMm), size, pixelMm);
      const smooth = radialKernelImage(smoothRadialDensity(r.radialWeights, r.binMm), size, pixelMm);
      const total = r.radialWeights.reduce((a, b) => a + b, 0);
      let inside = 0;
      r.radialWeights.forEach((w, i) => {
        if ((i + 1) * r.binMm <= fieldRadiusMm) inside += w;
      });
      const stem = psfStem(depthMm);
      images.push({ stem, depthMm, raw, smooth });
      entries.push({
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
      });
    }
  const interrupted = o.signal?.aborted ?? false;
  const manifest: PsfSetManifest = {
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
    camera: o.camera,
    pixelMm,
    size,
    photons: o.photons,
    seed: o.seed,
    backend: backend.description,
    interrupted,
    format: 'float32, centred on pixel ((size-1)/2, (size-1)/2), unit sum; raw = radial average of the Monte Carlo histogram, smooth = fitted core + merged-annulus tail',
    notes: [...setting.notes, ...o.opticsNotes],
    kernels: entries,
  };
  return { manifest, images, interrupted };
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
