import { fitAttenuation, depthAtThreshold } from '../analysis/attenuation.js';
import { foldedLineProfile, halfMax } from '../analysis/halfMax.js';
import type { Backend } from '../engine/backends/backend.js';
import { excitationSettingKey } from '../engine/seeds.js';
import type { CameraSpec } from '../engine/types.js';
import type { Phantom } from '../phantom/schema.js';
import { excitationFluence, fwhmWithError, simulatePointEmitter, simulateUniformBackground, type EmitterRunOptions } from './emitter.js';
import { opticsForSetting, type SpectralSetting } from './spectralSetting.js';
import { vesselFoldedProfile } from './vessel.js';
import { resolvePhantomOptics } from '../optics/index.js';

export interface StudyOptions {
  phantom: Phantom;
  depthsMm: number[];
  photons: number;
  seed: number;
  backend: Backend;
  camera: CameraSpec;
  /** Probe concentration in the target over that in the surrounding tissue. */
  targetToBackground: number;
  /** Diameter of the vessel (line target) and of the spherical point target, mm. */
  targetDiameterMm: number;
  sbrThreshold: number;
  /** Background emitters fill the tissue from the surface to this depth (mm). */
  backgroundDepthMm: number;
  excitationNm?: number;
  allowExtrapolation: boolean;
  targetFwhmRelErr?: number;
  maxPhotons?: number;
  onProgress?: (label: string, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface DepthResult {
  depthMm: number;
  photons: number;
  /** Detected fraction of emitted photons: transport × spectral throughput (× excitation fluence if modelled). */
  signal: number;
  signalStdErr: number;
  /** FWHM of the point-source PSF at the surface (camera focal plane). */
  fwhmMm: number;
  fwhmStdErr: number;
  /** FWHM of the profile across a line emitter of zero width (line spread function). */
  lsfFwhmMm: number;
  lsfFwhmStdErr: number;
  /** FWHM of the profile across a vessel of targetDiameterMm. */
  vesselFwhmMm: number;
  vesselFwhmStdErr: number;
  /** Signal-to-background ratio of a spherical point target of targetDiameterMm (peak / background). */
  sbr: number;
  /** Signal-to-background ratio of a vessel of targetDiameterMm. */
  vesselSbr: number;
  mtf50PerMm: number;
  mtf: { frequenciesPerMm: number[]; values: number[] };
  excitationFluence?: number;
  steppedOut: number;
}

export interface SettingResult {
  key: string;
  name: string;
  detectedFraction: number;
  meanWavelengthNm: number | null;
  passbandNm: [number, number] | null;
  depths: DepthResult[];
  attenuation: ReturnType<typeof fitAttenuation>;
  penetrationDepthMm: number | null;
  penetrationNote: string;
  /** Same criterion for the spherical point target. */
  pointPenetrationDepthMm: number | null;
  background: { intensityPerEmitterDensity: number; stdErr: number; depthMm: number };
  notes: string[];
  skipped?: string;
}

/** Runs every depth of one spectral setting: point-emitter PSFs, a uniform background and, optionally, excitation. */
export async function runSetting(name: string, setting: SpectralSetting, o: StudyOptions): Promise<SettingResult> {
  const empty = (reason: string): SettingResult => ({
    key: setting.key,
    name,
    detectedFraction: 0,
    meanWavelengthNm: null,
    passbandNm: setting.passbandNm,
    depths: [],
    attenuation: fitAttenuation([], [], []),
    penetrationDepthMm: null,
    penetrationNote: reason,
    pointPenetrationDepthMm: null,
    background: { intensityPerEmitterDensity: 0, stdErr: 0, depthMm: o.backgroundDepthMm },
    notes: [...setting.notes, reason],
    skipped: reason,
  });
  if (!(setting.detectedFraction > 0)) return empty(`${name}: the filter/detector passes nothing of the emission — no signal to simulate`);

  const { opticsByBin, notes } = opticsForSetting(o.phantom, setting, o.allowExtrapolation);
  const base: EmitterRunOptions = {
    phantom: o.phantom,
    opticsByBin,
    binProbabilities: setting.probabilities,
    camera: o.camera,
    photons: o.photons,
    seed: o.seed,
    backend: o.backend,
    settingKey: setting.key,
    signal: o.signal,
    targetFwhmRelErr: o.targetFwhmRelErr,
    maxPhotons: o.maxPhotons,
  };

  // Excitation: broad beam at excitationNm, fluence at each emitter depth and at background slab centres.
  const bgSlabs = o.excitationNm ? 8 : 1;
  const slabMm = o.backgroundDepthMm / bgSlabs;
  const bgCentres = Array.from({ length: bgSlabs }, (_, k) => (k + 0.5) * slabMm);
  let excitationAt: number[] | undefined;
  let excitationBg: number[] | undefined;
  if (o.excitationNm) {
    const excOptics = resolvePhantomOptics(o.phantom, o.excitationNm, { allowExtrapolation: o.allowExtrapolation });
    excOptics.notes.forEach((n) => notes.push(`excitation ${o.excitationNm} nm: ${n}`));
    o.onProgress?.(`${name}: excitation`, 0, 1);
    const phi = await excitationFluence([...o.depthsMm, ...bgCentres], { ...base, opticsByBin: [excOptics.layers], settingKey: excitationSettingKey(setting.key, o.excitationNm) });
    excitationAt = phi.fluence.slice(0, o.depthsMm.length);
    excitationBg = phi.fluence.slice(o.depthsMm.length);
  }

  let bgIntensity = 0;
  let bgVar = 0;
  for (let k = 0; k < bgSlabs; k++) {
    const bg = await simulateUniformBackground(k * slabMm, (k + 1) * slabMm, {
      ...base,
      photons: Math.ceil(o.photons / bgSlabs),
      onProgress: (d, t) => o.onProgress?.(`${name}: background`, d, t),
    });
    const phi = excitationBg ? excitationBg[k] : 1;
    bgIntensity += bg.intensityPerDensity * phi;
    bgVar += (bg.intensityStdErr * phi) ** 2;
  }

  const radiusMm = o.targetDiameterMm / 2;
  const sphereVolumeMm3 = (4 / 3) * Math.PI * radiusMm ** 3;
  const vesselAreaMm2 = Math.PI * radiusMm ** 2;
  const depths: DepthResult[] = [];
  for (const [i, depthMm] of o.depthsMm.entries()) {
    const r = await simulatePointEmitter(depthMm, { ...base, onProgress: (d, t) => o.onProgress?.(`${name}: ${depthMm} mm`, d, t) });
    const phi = excitationAt ? excitationAt[i] : 1;
    const vesselGroups = r.foldedGroups.map((g) => vesselFoldedProfile(g, r.binMm, radiusMm));
    const vessel = fwhmWithError(vesselGroups, (w) => foldedLineProfile(w, r.binMm));
    const vesselPeakPerMm = halfMax(foldedLineProfile(vesselFoldedProfile(r.foldedWeights, r.binMm, radiusMm), r.binMm)).peak;
    const background = bgIntensity / o.targetToBackground;
    depths.push({
      depthMm,
      photons: r.photons,
      signal: r.detected * setting.detectedFraction * phi,
      signalStdErr: r.detectedStdErr * setting.detectedFraction * phi,
      fwhmMm: r.fwhmMm,
      fwhmStdErr: r.fwhmStdErr,
      lsfFwhmMm: r.lsfFwhmMm,
      lsfFwhmStdErr: r.lsfFwhmStdErr,
      vesselFwhmMm: vessel.value,
      vesselFwhmStdErr: vessel.stdErr,
      sbr: (sphereVolumeMm3 * r.psfPeakPerMm2 * phi) / background,
      vesselSbr: (vesselAreaMm2 * vesselPeakPerMm * phi) / background,
      mtf50PerMm: r.mtf.mtf50PerMm,
      mtf: { frequenciesPerMm: r.mtf.frequenciesPerMm, values: r.mtf.values },
      ...(excitationAt ? { excitationFluence: phi } : {}),
      steppedOut: r.steppedOut,
    });
    if (r.interrupted) break;
  }
  const ds = depths.map((d) => d.depthMm);
  const pen = depthAtThreshold(ds, depths.map((d) => d.vesselSbr), o.sbrThreshold);
  const ppen = depthAtThreshold(ds, depths.map((d) => d.sbr), o.sbrThreshold);
  return {
    key: setting.key,
    name,
    detectedFraction: setting.detectedFraction,
    meanWavelengthNm: setting.meanWavelengthNm,
    passbandNm: setting.passbandNm,
    depths,
    attenuation: fitAttenuation(ds, depths.map((d) => d.signal), depths.map((d) => d.signalStdErr)),
    penetrationDepthMm: pen.depthMm,
    penetrationNote: pen.note,
    pointPenetrationDepthMm: ppen.depthMm,
    background: { intensityPerEmitterDensity: bgIntensity * setting.detectedFraction, stdErr: Math.sqrt(bgVar) * setting.detectedFraction, depthMm: o.backgroundDepthMm },
    notes: [...setting.notes, ...notes],
  };
}

/** Runs settings one after another, stopping early (keeping what is done) when the run is aborted. */
export async function runSettings(entries: { name: string; setting: SpectralSetting }[], o: StudyOptions): Promise<SettingResult[]> {
  const results: SettingResult[] = [];
  for (const { name, setting } of entries) {
    results.push(await runSetting(name, setting, o));
    if (o.signal?.aborted) break;
  }
  return results;
}
