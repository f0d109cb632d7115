import { tableColumnSpectrum } from './spectrumTable.js';
import type { Spectrum } from './spectrum.js';

export const WATER_FILE = 'water_mua_merged_380_2500.csv';
export const WATER_CITATION =
  'Water: R. M. Pope, E. S. Fry, Appl. Opt. 36, 8710 (1997) for 380–697.5 nm; L. Kou, D. Labrie, P. Chylek, Appl. Opt. 32, 3531 (1993) for 700–2500 nm';

let water: Spectrum | undefined;

/** Absorption of pure water, 1/mm (merged Pope & Fry 1997 + Kou 1993, 380–2500 nm). */
export function waterMua(): Spectrum {
  return (water ??= tableColumnSpectrum(WATER_FILE, 'mua_per_cm', 'water absorption'));
}
