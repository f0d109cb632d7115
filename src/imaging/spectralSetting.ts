import { InputError } from '../errors.js';
import type { LayerOptics } from '../engine/types.js';
import { resolvePhantomOptics } from '../optics/index.js';
import type { Phantom } from '../phantom/schema.js';
import { coarsen, effectiveSpectrum, type EffectiveSpectrum } from '../spectral/effective.js';
import type { Detector, Filter, Probe, Window } from '../spectral/index.js';

/** Wavelength bins the engine samples each photon's wavelength from (importance sampling). */
export const ENGINE_SPECTRAL_BINS = 48;

/**
 * A spectral setting: what is emitted and detected. Photon wavelengths are drawn from the effective
 * spectrum emission·filter·QE (coarsened to ≤ ENGINE_SPECTRAL_BINS bins); the detected signal is the
 * transport's detected fraction times `detectedFraction` = ∫e·f·QE/∫e, so no per-photon weight is needed.
 */
export interface SpectralSetting {
  key: string;
  label: string;
  wavelengthsNm: number[];
  probabilities: number[];
  detectedFraction: number;
  passbandNm: [number, number] | null;
  meanWavelengthNm: number | null;
  notes: string[];
}

export function spectralSetting(
  key: string,
  label: string,
  o: { probe?: Probe; window?: Window; filter?: Filter; detector?: Detector },
  bins = ENGINE_SPECTRAL_BINS,
): SpectralSetting {
  const full: EffectiveSpectrum = effectiveSpectrum(o);
  const notes = [...full.notes];
  if (!(full.detectedFraction > 0)) {
    return { key, label, wavelengthsNm: [], probabilities: [], detectedFraction: 0, passbandNm: null, meanWavelengthNm: null, notes };
  }
  const spec = coarsen(full, bins);
  const total = spec.weights.reduce((a, b) => a + b, 0);
  const keep = spec.weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0);
  return {
    key,
    label,
    wavelengthsNm: keep.map((i) => spec.wavelengthsNm[i]),
    probabilities: keep.map((i) => spec.weights[i] / total),
    detectedFraction: full.detectedFraction,
    passbandNm: full.passbandNm,
    meanWavelengthNm: full.meanWavelengthNm,
    notes,
  };
}

/** Optics of every layer at every wavelength bin of a setting, and the notes they raise (deduplicated). */
export function opticsForSetting(phantom: Phantom, setting: SpectralSetting, allowExtrapolation: boolean): { opticsByBin: LayerOptics[][]; notes: string[] } {
  if (setting.wavelengthsNm.length === 0) throw new InputError(`${setting.label}: nothing of the emission is detected`);
  const notes = new Set<string>();
  const opticsByBin = setting.wavelengthsNm.map((wl) => {
    const r = resolvePhantomOptics(phantom, wl, { allowExtrapolation });
    r.notes.forEach((n) => notes.add(n));
    return r.layers;
  });
  return { opticsByBin, notes: [...notes] };
}
