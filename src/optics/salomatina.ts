import { tableColumnSpectrum } from './spectrumTable.js';
import type { Spectrum } from './spectrum.js';

export const SALOMATINA_CITATION =
  'E. Salomatina, B. Jiang, J. Novak, A. N. Yaroslavsky, J. Biomed. Opt. 11, 064026 (2006): ex vivo human skin, integrating sphere + inverse adding-doubling, 370–1600 nm';

export type SalomatinaLayer = 'epidermis' | 'dermis' | 'hypodermis';

const FILES: Record<SalomatinaLayer, string> = {
  epidermis: 'skin_epidermis_salomatina2006.csv',
  dermis: 'skin_dermis_salomatina2006.csv',
  hypodermis: 'skin_hypodermis_subcutaneous_fat_salomatina2006.csv',
};

export function salomatinaFile(layer: SalomatinaLayer): string {
  return FILES[layer];
}

/** Measured mean μa and μs′ (1/mm) of one skin layer (Salomatina 2006). */
export function salomatinaSpectra(layer: SalomatinaLayer): { mua: Spectrum; musp: Spectrum } {
  const file = FILES[layer];
  return {
    mua: tableColumnSpectrum(file, 'mua_per_cm', `${layer} absorption (Salomatina 2006)`),
    musp: tableColumnSpectrum(file, 'musp_per_cm', `${layer} reduced scattering (Salomatina 2006)`),
  };
}
