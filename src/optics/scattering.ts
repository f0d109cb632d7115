import type { RangeNm } from './range.js';
import { formulaSpectrum, type Spectrum } from './spectrum.js';

/** Jacques 2013 states both μs′ fits as valid for 400–1300 nm. */
export const JACQUES_FIT_RANGE_NM: RangeNm = [400, 1300];

/** Jacques 2013 eq. (1): μs′ = a·(λ/500 nm)^−b. Units follow `a`. */
export function powerLawMusp(aAt500: number, b: number, wavelengthNm: number): number {
  return aAt500 * (wavelengthNm / 500) ** -b;
}

/** Jacques 2013 eq. (2): μs′ = a′·[f_Ray·(λ/500)^−4 + (1 − f_Ray)·(λ/500)^−b_Mie]. Units follow `a′`. */
export function rayleighMieMusp(aPrimeAt500: number, fRayleigh: number, bMie: number, wavelengthNm: number): number {
  const x = wavelengthNm / 500;
  return aPrimeAt500 * (fRayleigh * x ** -4 + (1 - fRayleigh) * x ** -bMie);
}

export type ScatteringLaw =
  | { model: 'power-law'; aPerMm: number; b: number }
  | { model: 'jacques-eq2'; aPrimePerMm: number; fRayleigh: number; bMie: number };

/** μs′ spectrum (1/mm) of a scattering law, flagged as extrapolated outside `fittedRangeNm`. */
export function muspSpectrum(law: ScatteringLaw, fittedRangeNm: RangeNm | null, what: string): Spectrum {
  const f =
    law.model === 'power-law'
      ? (nm: number) => powerLawMusp(law.aPerMm, law.b, nm)
      : (nm: number) => rayleighMieMusp(law.aPrimePerMm, law.fRayleigh, law.bMie, nm);
  return formulaSpectrum(f, { fittedRangeNm, what });
}
