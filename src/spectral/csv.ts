import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Spectrum } from './spectrum.js';

export interface SpectrumCsvOptions {
  /** Names the input in error messages, e.g. the file path. */
  label: string;
  /** Header of the value column, e.g. `intensity`, `qe`, `transmission`. */
  valueColumn: string;
  /** Largest allowed value (1 for a transmission or a QE). */
  maxValue?: number;
}

function parseNumber(field: string): number {
  const s = field.trim();
  return s === '' ? NaN : Number(s);
}

/**
 * Parses `wavelength_nm,<valueColumn>` CSV: one header row, then ascending wavelengths with
 * values ≥ 0. Blank lines and lines starting with `#` are skipped. Errors name the line.
 */
export function parseSpectrumCsv(text: string, options: SpectrumCsvOptions): Spectrum {
  const { label, valueColumn, maxValue } = options;
  const expected = `wavelength_nm,${valueColumn}`;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const wavelengthsNm: number[] = [];
  const values: number[] = [];
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(',');
    if (!headerSeen) {
      const header = fields.map((f) => f.trim().toLowerCase()).join(',');
      if (header !== expected) {
        throw new InputError(`${label}: line ${lineNo}: header must be "${expected}", got "${line}"`);
      }
      headerSeen = true;
      continue;
    }
    if (fields.length !== 2) {
      throw new InputError(`${label}: line ${lineNo}: expected 2 comma-separated columns (${expected}), got ${fields.length}`);
    }
    const wavelengthNm = parseNumber(fields[0]);
    const value = parseNumber(fields[1]);
    if (!Number.isFinite(wavelengthNm) || wavelengthNm <= 0) {
      throw new InputError(`${label}: line ${lineNo}: wavelength_nm must be a positive number, got "${fields[0].trim()}"`);
    }
    if (!Number.isFinite(value) || value < 0) {
      throw new InputError(`${label}: line ${lineNo}: ${valueColumn} must be a number ≥ 0, got "${fields[1].trim()}"`);
    }
    if (maxValue !== undefined && value > maxValue) {
      throw new InputError(`${label}: line ${lineNo}: ${valueColumn} must be ≤ ${maxValue}, got ${value}`);
    }
    const previous = wavelengthsNm[wavelengthsNm.length - 1];
    if (previous !== undefined && wavelengthNm <= previous) {
      throw new InputError(
        `${label}: line ${lineNo}: wavelength_nm must increase from row to row (${wavelengthNm} follows ${previous})`,
      );
    }
    wavelengthsNm.push(wavelengthNm);
    values.push(value);
  }
  if (!headerSeen) throw new InputError(`${label}: empty file; expected the header "${expected}" and data rows`);
  if (wavelengthsNm.length < 2) throw new InputError(`${label}: needs at least 2 data rows, got ${wavelengthsNm.length}`);
  if (!values.some((v) => v > 0)) throw new InputError(`${label}: every ${valueColumn} value is 0`);
  return { wavelengthsNm, values };
}

export function readSpectrumCsv(path: string, options: Omit<SpectrumCsvOptions, 'label'> & { label?: string }): Spectrum {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseSpectrumCsv(text, { ...options, label: options.label ?? path });
}

/** True when the argument names a CSV file rather than a catalogue entry. */
export function looksLikeCsvPath(nameOrPath: string): boolean {
  return /\.csv$/i.test(nameOrPath.trim());
}
