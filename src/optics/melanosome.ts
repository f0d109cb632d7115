import { formulaSpectrum, type Spectrum } from './spectrum.js';
import { perCmToPerMm } from './units.js';

export const MELANOSOME_CITATION =
  'Melanosome: S. L. Jacques, Phys. Med. Biol. 58, R37 (2013), eq. (8): μa = 519 cm⁻¹·(λ/500 nm)^−3 (m = 3; reported m varies)';

const MUA_AT_500NM_PER_CM = 519;
const EXPONENT_M = 3;

/** Jacques 2013 eq. (8): absorption of a melanosome interior, 1/mm. No fitted range is stated for it. */
export function melanosomeMuaPerMm(wavelengthNm: number): number {
  return perCmToPerMm(MUA_AT_500NM_PER_CM * (wavelengthNm / 500) ** -EXPONENT_M);
}

let melanosome: Spectrum | undefined;

export function melanosomeMua(): Spectrum {
  return (melanosome ??= formulaSpectrum(melanosomeMuaPerMm, { fittedRangeNm: null, what: 'melanosome absorption (Jacques 2013 eq. 8)' }));
}
