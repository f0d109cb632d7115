import { InputError } from '../errors.js';
import { formatRange, type RangeNm } from './range.js';
import { tableColumnSpectrum } from './spectrumTable.js';
import type { Spectrum } from './spectrum.js';

export const FAT_FILE = 'fat_mua_vanveen2005.csv';
export const FAT_UNCITED_FILE = 'fat_mua_vts_1040_1600_UNCITED.csv';
export const FAT_CITATION =
  'Fat (pig lard), ≤1098 nm: R. L. P. van Veen et al., J. Biomed. Opt. 10, 054004 (2005); above 1098 nm: UNCITED VirtualPhotonics/VTS lipid spectrum (stop-gap, no documented source)';

/** Last wavelength of the documented van Veen table; above it only the uncited spectrum exists. */
export const FAT_CITED_MAX_NM = 1098;

let fat: Spectrum | undefined;

/**
 * Absorption of fat, 1/mm: van Veen 2005 up to 1098 nm, then the UNCITED VTS spectrum to 1600 nm.
 * Every use above 1098 nm adds an 'uncited' note. The two tables do not join: at 1098 nm van Veen
 * gives 0.0049 and VTS 0.0021 1/mm.
 */
export function fatMua(): Spectrum {
  if (fat) return fat;
  const cited = tableColumnSpectrum(FAT_FILE, 'mua_per_cm', 'fat absorption');
  const uncited = tableColumnSpectrum(FAT_UNCITED_FILE, 'mua_per_cm', 'fat absorption (UNCITED stop-gap)');
  const range: RangeNm = [(cited.rangeNm(false) as RangeNm)[0], (uncited.rangeNm(false) as RangeNm)[1]];
  fat = {
    rangeNm: () => range,
    at(wavelengthNm, ctx) {
      if (wavelengthNm < range[0] || wavelengthNm > range[1]) {
        throw new InputError(
          `fat absorption (${FAT_FILE} + ${FAT_UNCITED_FILE}) covers ${formatRange(range)}; ${wavelengthNm} nm is outside it`,
        );
      }
      if (wavelengthNm <= FAT_CITED_MAX_NM) return cited.at(wavelengthNm, ctx);
      ctx.note({
        kind: 'uncited',
        text: `fat absorption above ${FAT_CITED_MAX_NM} nm comes from ${FAT_UNCITED_FILE}, a spectrum with no documented source (stop-gap)`,
      });
      return uncited.at(wavelengthNm, ctx);
    },
  };
  return fat;
}
