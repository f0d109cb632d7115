import { tableColumnSpectrum } from './spectrumTable.js';
import { weightedSum, type Spectrum } from './spectrum.js';

export const BLOOD_FILE = 'blood_whole_bosschaart2014.csv';
export const BLOOD_CITATION =
  'Whole blood (Hct ≈ 45%): N. Bosschaart et al., Lasers Med. Sci. 29, 453–479 (2014), appendix tables';

let oxy: Spectrum | undefined;
let deoxy: Spectrum | undefined;
let musOxy: Spectrum | undefined;
let gOxy: Spectrum | undefined;

/** μa of fully oxygenated whole blood (SO2 > 98%), 1/mm. Includes the water inside blood. */
export function oxyBloodMua(): Spectrum {
  return (oxy ??= tableColumnSpectrum(BLOOD_FILE, 'mua_oxy_per_cm', 'oxygenated whole-blood absorption'));
}

/** μa of fully deoxygenated whole blood (SO2 = 0), 1/mm. */
export function deoxyBloodMua(): Spectrum {
  return (deoxy ??= tableColumnSpectrum(BLOOD_FILE, 'mua_deoxy_per_cm', 'deoxygenated whole-blood absorption'));
}

/** Whole blood at oxygen saturation S: S·μa,oxy + (1−S)·μa,deoxy, 1/mm. */
export function bloodMua(saturation: number): Spectrum {
  return weightedSum([
    { weight: saturation, spectrum: oxyBloodMua() },
    { weight: 1 - saturation, spectrum: deoxyBloodMua() },
  ]);
}

/** Scattering coefficient of oxygenated whole blood, literature compilation ("lit" columns), 1/mm. */
export function oxyBloodMus(): Spectrum {
  return (musOxy ??= tableColumnSpectrum(BLOOD_FILE, 'mus_oxy_lit_per_cm', 'whole-blood scattering'));
}

/** Anisotropy of oxygenated whole blood, literature compilation. */
export function oxyBloodG(): Spectrum {
  return (gOxy ??= tableColumnSpectrum(BLOOD_FILE, 'g_oxy_lit', 'whole-blood anisotropy'));
}
