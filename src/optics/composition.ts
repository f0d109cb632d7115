import { bloodMua } from './blood.js';
import type { Composition } from '../phantom/compositionSchema.js';
import { fatMua } from './fat.js';
import { melanosomeMua } from './melanosome.js';
import type { OpticsModel } from './model.js';
import type { RangeNm } from './range.js';
import { muspSpectrum } from './scattering.js';
import { constantSpectrum, weightedSum, type Spectrum } from './spectrum.js';
import { waterMua } from './water.js';

/** μa(λ) = B·[S·μa,oxy + (1−S)·μa,deoxy] + W·μa,water + F·μa,fat + M·μa,melanosome + baseline, in 1/mm. */
export function compositionMua(c: Composition): Spectrum {
  return weightedSum([
    { weight: c.bloodFraction, spectrum: bloodMua(c.oxygenSaturation) },
    { weight: c.waterFraction, spectrum: waterMua() },
    { weight: c.fatFraction, spectrum: fatMua() },
    { weight: c.melanosomeFraction, spectrum: melanosomeMua() },
    { weight: 1, spectrum: constantSpectrum(c.baselineMuaPerMm) },
  ]);
}

/**
 * Optics of a composition. `scatteringFitRangeNm` (from the preset, or the composition's own
 * fitRangeNm) marks where evaluating the scattering law stops being a fit and becomes extrapolation.
 */
export function compositionModel(c: Composition, scatteringFitRangeNm: RangeNm | null = c.scattering.fitRangeNm ?? null): OpticsModel {
  const law =
    c.scattering.model === 'power-law'
      ? { model: 'power-law' as const, aPerMm: c.scattering.aPerMm, b: c.scattering.b }
      : { model: 'jacques-eq2' as const, aPrimePerMm: c.scattering.aPrimePerMm, fRayleigh: c.scattering.fRayleigh, bMie: c.scattering.bMie };
  const what = law.model === 'power-law' ? 'μs′ power law (Jacques 2013 eq. 1)' : 'μs′ Rayleigh + Mie law (Jacques 2013 eq. 2)';
  return {
    mua: compositionMua(c),
    musp: muspSpectrum(law, scatteringFitRangeNm, what),
    g: constantSpectrum(c.g),
    n: constantSpectrum(c.n),
  };
}
