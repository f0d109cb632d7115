import { columnIndex, numericCell, readOpticsCsv } from './csvTable.js';
import { sampledSpectrum, type Spectrum } from './spectrum.js';
import { perCmToPerMm } from './units.js';

const WAVELENGTH_COLUMN = 'wavelength_nm';

/**
 * One column of a data/optics spectrum table, in engine units: columns named `*_per_cm` are
 * converted to 1/mm here (and nowhere else); unitless columns (g) are returned as they are.
 */
export function tableColumnSpectrum(file: string, column: string, what: string): Spectrum {
  const table = readOpticsCsv(file);
  const xi = columnIndex(table, WAVELENGTH_COLUMN);
  const yi = columnIndex(table, column);
  const toEngineUnits = column.endsWith('_per_cm') ? perCmToPerMm : (v: number) => v;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const row of table.rows) {
    const x = numericCell(table, row[xi], WAVELENGTH_COLUMN);
    const y = numericCell(table, row[yi], column);
    if (Number.isNaN(y)) continue;
    if (xs.length > 0 && !(x > xs[xs.length - 1])) throw new Error(`${file}: wavelengths must increase (${xs[xs.length - 1]} then ${x})`);
    xs.push(x);
    ys.push(toEngineUnits(y));
  }
  return sampledSpectrum(xs, ys, `${what} (${file})`);
}
