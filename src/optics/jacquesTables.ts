import { columnIndex, numericCell, readOpticsCsv, type CsvTable } from './csvTable.js';
import type { ScatteringLaw } from './scattering.js';
import { perCmToPerMm, percentToFraction } from './units.js';

export const JACQUES_2013_CITATION = 'S. L. Jacques, "Optical properties of biological tissues: a review", Phys. Med. Biol. 58, R37–R61 (2013)';

const TABLE1 = 'jacques2013_table1_musp_fits.csv';
const TABLE2 = 'jacques2013_table2_musp_tissue_means.csv';
const TABLE3 = 'jacques2013_table3_absorption_params.csv';

/** A parameter value together with where it comes from. */
export interface Sourced<T = number> {
  value: T;
  source: string;
}

function rowById(table: CsvTable, row: number): string[] {
  const i = columnIndex(table, 'row');
  const found = table.rows.find((r) => Number(r[i]) === row);
  if (!found) throw new Error(`${table.file} has no row ${row}`);
  return found;
}

function cell(table: CsvTable, row: string[], column: string): number {
  const value = numericCell(table, row[columnIndex(table, column)], column);
  if (Number.isNaN(value)) throw new Error(`${table.file}: row ${row[0]} has no value for ${column}`);
  return value;
}

/** Text extraction glued some names to "et al" ("Weaveret al"). */
function tidyReference(reference: string): string {
  return reference.replace(/(\S)et al/g, '$1 et al');
}

/** "Skin I–II", "600–1000 nm) (Tseng et al 2011" (a text-extraction split) → "Skin I–II, 600–1000 nm; Tseng et al 2011". */
function describeTable3Row(table: CsvTable, row: string[]): string {
  const tissue = row[columnIndex(table, 'tissue')];
  const reference = tidyReference(row[columnIndex(table, 'reference')]);
  const split = reference.match(/^(.*)\) \((.*)$/);
  if (split) return `row ${row[0]}: ${tissue}, ${split[1]}; ${split[2]}`;
  return `row ${row[0]}: ${tissue}; ${reference}`;
}

const TABLE3_COLUMNS = {
  B: 'B_blood_pct',
  S: 'S_SO2_pct',
  W: 'W_water_pct',
  F: 'F_fat_pct',
  M: 'M_melanosome_pct',
} as const;

export type Table3Field = keyof typeof TABLE3_COLUMNS;

/** A volume fraction (B, W, F, M) or saturation (S) from Jacques 2013 Table 3, as a fraction; the mean when several rows are given. */
export function table3Fraction(rows: readonly number[], field: Table3Field): Sourced {
  const table = readOpticsCsv(TABLE3);
  const picked = rows.map((r) => rowById(table, r));
  const values = picked.map((r) => percentToFraction(cell(table, r, TABLE3_COLUMNS[field])));
  const value = values.reduce((s, v) => s + v, 0) / values.length;
  const described = picked.map((r) => describeTable3Row(table, r)).join(' | ');
  const how = rows.length > 1 ? `mean of Jacques 2013 Table 3 rows` : 'Jacques 2013 Table 3';
  return { value, source: `${how} (${described})` };
}

/** Eq. (2) parameters of a Table 2 tissue-type mean, a′ in 1/mm. */
export function table2Eq2(tissueType: string): Sourced<ScatteringLaw> {
  const table = readOpticsCsv(TABLE2);
  const i = columnIndex(table, 'tissue_type');
  const row = table.rows.find((r) => r[i] === tissueType);
  if (!row) throw new Error(`${TABLE2} has no tissue type '${tissueType}'`);
  return {
    value: {
      model: 'jacques-eq2',
      aPrimePerMm: perCmToPerMm(cell(table, row, 'a_prime_per_cm')),
      fRayleigh: cell(table, row, 'f_Ray'),
      bMie: cell(table, row, 'b_Mie'),
    },
    source: `Jacques 2013 Table 2, mean of ${row[columnIndex(table, 'n_eq2')]} studies for '${tissueType}', eq. (2)`,
  };
}

/** Eq. (2) (or eq. (1) when eq. (2) is not available) parameters of one Table 1 fit, a and a′ in 1/mm. */
export function table1Fit(rowNumber: number): Sourced<ScatteringLaw> {
  const table = readOpticsCsv(TABLE1);
  const row = rowById(table, rowNumber);
  const label = `Jacques 2013 Table 1 row ${rowNumber}: ${row[columnIndex(table, 'tissue')]}; ${tidyReference(row[columnIndex(table, 'reference')])}`;
  const aPrime = numericCell(table, row[columnIndex(table, 'a_prime_per_cm')], 'a_prime_per_cm');
  if (!Number.isNaN(aPrime)) {
    return {
      value: {
        model: 'jacques-eq2',
        aPrimePerMm: perCmToPerMm(aPrime),
        fRayleigh: cell(table, row, 'f_Ray'),
        bMie: cell(table, row, 'b_Mie'),
      },
      source: `${label}, eq. (2)`,
    };
  }
  return {
    value: { model: 'power-law', aPerMm: perCmToPerMm(cell(table, row, 'a_per_cm')), b: cell(table, row, 'b') },
    source: `${label}, eq. (1)`,
  };
}
