import { fatMua } from './fat.js';
import { intersectRanges } from './range.js';
import { formulaSpectrum, weightedSum, type Spectrum } from './spectrum.js';
import { perCmToPerMm } from './units.js';
import { waterMua } from './water.js';

export const AERNOUTS_2014_CITATION =
  'Intralipid-20% scattering (dependent scattering, 600–1850 nm): B. Aernouts et al., Opt. Express 22, 6086 (2014)';
export const AERNOUTS_2013_CITATION = 'Intralipid-20% anisotropy g(λ): B. Aernouts et al., Opt. Express 21, 32450 (2013)';
export const VAN_STAVEREN_CITATION =
  'Intralipid-10% scattering and g (400–1100 nm): H. J. van Staveren et al., Appl. Opt. 30, 4507 (1991)';

/** Volume fraction of scattering particles per % v/v of Intralipid-20% stock (Aernouts 2014). */
const PARTICLE_FRACTION_PER_PERCENT_IL20 = 0.00227;
/** Intralipid-10% holds half the soybean oil of Intralipid-20%; the particle fraction is scaled accordingly (assumption). */
const PARTICLE_FRACTION_PER_PERCENT_IL10 = PARTICLE_FRACTION_PER_PERCENT_IL20 / 2;

export interface IntralipidModel {
  mua: Spectrum;
  musp: Spectrum;
  g: Spectrum;
  /** Volume fraction of lipid particles. */
  lipidFraction: number;
}

/** Aernouts 2014: μs (1/cm) of Intralipid-20% diluted to `percentIl20` % v/v, with dependent scattering. */
export function aernoutsMusPerCm(percentIl20: number, wavelengthNm: number): number {
  const musIndependentStock = 1.868e10 * wavelengthNm ** -2.59;
  const phi = percentIl20 * PARTICLE_FRACTION_PER_PERCENT_IL20;
  const p = 1.31 + 5.481e-4 * wavelengthNm;
  return ((musIndependentStock / 0.227) * phi * (1 - phi) ** (p + 1)) / (1 + phi * (p - 1)) ** (p - 1);
}

/**
 * Aernouts 2013 g(λ) fit: a line a + b·λ that turns, through a logistic of rate c, into the line
 * f·a + h·b·λ; d is where the two lines would cross (the logistic is centred at −d).
 */
export function aernoutsG(wavelengthNm: number): number {
  const a = 1.094;
  const b = -5.653e-4;
  const c = 0.0053;
  const f = 0.3516;
  const h = 0.1933;
  const d = (a * (f - 1)) / (b * (h - 1));
  const short = a + b * wavelengthNm;
  const long = f * a + h * b * wavelengthNm;
  return short + (long - short) / (1 + Math.exp(-c * (wavelengthNm + d)));
}

/** van Staveren 1991: μs (1/cm) of undiluted Intralipid-10%; scale linearly with dilution. */
export function vanStaverenMusStockPerCm(wavelengthNm: number): number {
  return 2.54e9 * wavelengthNm ** -2.4;
}

export function vanStaverenG(wavelengthNm: number): number {
  return 1.1 - 5.8e-4 * wavelengthNm;
}

function mixtureMua(lipidFraction: number): Spectrum {
  // The soybean-oil droplets are given the absorption of fat (pig lard), the closest cited lipid spectrum.
  return weightedSum([
    { weight: 1 - lipidFraction, spectrum: waterMua() },
    { weight: lipidFraction, spectrum: fatMua() },
  ]);
}

/** Intralipid-20% diluted in water to `percentIl20` % v/v (Aernouts 2014 / 2013 formulas). */
export function intralipid20(percentIl20: number): IntralipidModel {
  const lipidFraction = percentIl20 * PARTICLE_FRACTION_PER_PERCENT_IL20;
  const g = formulaSpectrum(aernoutsG, { fittedRangeNm: [500, 2250], what: 'Intralipid g (Aernouts 2013 fit)' });
  const gWithCaveat: Spectrum = {
    rangeNm: g.rangeNm,
    at(wavelengthNm, ctx) {
      if (percentIl20 < 2 && wavelengthNm > 1050) {
        ctx.note({
          kind: 'caveat',
          text: 'Aernouts 2013 state their g fit is unreliable below 2% Intralipid-20% above 1050 nm',
        });
      }
      return g.at(wavelengthNm, ctx);
    },
  };
  const mus = formulaSpectrum((nm) => perCmToPerMm(aernoutsMusPerCm(percentIl20, nm)), {
    fittedRangeNm: [600, 1850],
    what: 'Intralipid-20% scattering (Aernouts 2014)',
  });
  return { mua: mixtureMua(lipidFraction), musp: muspFrom(mus, gWithCaveat), g: gWithCaveat, lipidFraction };
}

/** Intralipid-10% diluted in water to `percentIl10` % v/v (van Staveren 1991 formulas). */
export function intralipid10(percentIl10: number): IntralipidModel {
  const lipidFraction = percentIl10 * PARTICLE_FRACTION_PER_PERCENT_IL10;
  const fitted = [400, 1100] as const;
  const g = formulaSpectrum(vanStaverenG, { fittedRangeNm: fitted, what: 'Intralipid-10% g (van Staveren 1991)' });
  const mus = formulaSpectrum((nm) => perCmToPerMm((percentIl10 / 100) * vanStaverenMusStockPerCm(nm)), {
    fittedRangeNm: fitted,
    what: 'Intralipid-10% scattering (van Staveren 1991)',
  });
  return { mua: mixtureMua(lipidFraction), musp: muspFrom(mus, g), g, lipidFraction };
}

function muspFrom(mus: Spectrum, g: Spectrum): Spectrum {
  return {
    rangeNm: (allow) => intersectRanges([mus.rangeNm(allow), g.rangeNm(allow)]),
    at: (wavelengthNm, ctx) => mus.at(wavelengthNm, ctx) * (1 - g.at(wavelengthNm, ctx)),
  };
}
