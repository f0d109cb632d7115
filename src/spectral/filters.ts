import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { looksLikeCsvPath, readSpectrumCsv } from './csv.js';
import { nameKey, unknownName } from './names.js';
import { interpolate, type Spectrum } from './spectrum.js';

export type FilterKind = 'longpass' | 'shortpass' | 'bandpass' | 'none' | 'tabulated';

export interface Filter {
  name: string;
  kind: FilterKind;
  description: string;
  source: string;
  /** Cut-on (LP), cut-off (SP) or [lo, hi] (BP), nm; empty for none and tabulated. */
  edgesNm: number[];
  /** 10–90 % width of each edge (nm); 0 = ideal step. */
  edgeWidthNm: number;
  /** Out-of-band transmission is 10^−OD; Infinity blocks completely. */
  opticalDensity: number;
  inBandTransmission: number;
  transmission(wavelengthNm: number): number;
  /** True where the transmission is at least half-way between the blocking floor and the in-band level. */
  inBand(wavelengthNm: number): boolean;
  /** Wavelengths where the curve may change abruptly; effective-spectrum grids include them. */
  breakpointsNm: number[];
}

export interface FilterOptions {
  /** Ideal filter: step edges, no leakage (OD ∞), in-band transmission 1. */
  ideal?: boolean;
  edgeWidthNm?: number;
  opticalDensity?: number;
  inBandTransmission?: number;
}

/**
 * Defaults, typical of hard-coated interference edge and band-pass filters (Thorlabs, Edmund
 * datasheets): in-band transmission ≈ 0.9, blocking ≥ OD 4, 10–90 % edge ≈ 1 % of the edge
 * wavelength. Typical values, not those of a specific part.
 */
export const FILTER_DEFAULTS = {
  inBandTransmission: 0.9,
  opticalDensity: 4,
  edgeWidthFraction: 0.01,
} as const;

export const FILTER_PRESETS: readonly string[] = [
  '850LP',
  '1000LP',
  '1100LP',
  '1250LP',
  '1300LP',
  '1400LP',
  '1500LP',
  'BP1300-1400',
  'BP1400-1500',
  'BP1500-1700',
  'none',
];

const ALSO_ACCEPTED =
  '<nm>LP, <nm>SP, BP<lo>-<hi> (nm, en dash allowed), an ideal: prefix (e.g. ideal:1250LP), ' +
  'or a path to a .csv file with header wavelength_nm,transmission';

const LN9 = Math.log(9);

/** Logistic edge rising through 0.5 at edgeNm with the given 10–90 % width; a step when the width is 0. */
function risingEdge(wavelengthNm: number, edgeNm: number, widthNm: number): number {
  if (widthNm === 0) return wavelengthNm > edgeNm ? 1 : wavelengthNm < edgeNm ? 0 : 0.5;
  const scaleNm = widthNm / (2 * LN9);
  return 1 / (1 + Math.exp(-(wavelengthNm - edgeNm) / scaleNm));
}

function checkOptions(name: string, o: FilterOptions): void {
  if (o.edgeWidthNm !== undefined && !(Number.isFinite(o.edgeWidthNm) && o.edgeWidthNm >= 0)) {
    throw new InputError(`filter ${name}: edgeWidthNm must be a number ≥ 0, got ${o.edgeWidthNm}`);
  }
  if (o.opticalDensity !== undefined && !(o.opticalDensity > 0)) {
    throw new InputError(`filter ${name}: opticalDensity must be > 0 (Infinity for complete blocking), got ${o.opticalDensity}`);
  }
  if (o.inBandTransmission !== undefined && !(o.inBandTransmission > 0 && o.inBandTransmission <= 1)) {
    throw new InputError(`filter ${name}: inBandTransmission must be in (0, 1], got ${o.inBandTransmission}`);
  }
}

export interface EdgeFilterSpec extends FilterOptions {
  kind: 'longpass' | 'shortpass' | 'bandpass';
  /** [cut-on] for long-pass, [cut-off] for short-pass, [lo, hi] for band-pass (nm). */
  edgesNm: number[];
  name?: string;
}

function defaultName(kind: EdgeFilterSpec['kind'], edgesNm: number[]): string {
  if (kind === 'longpass') return `${edgesNm[0]}LP`;
  if (kind === 'shortpass') return `${edgesNm[0]}SP`;
  return `BP${edgesNm[0]}-${edgesNm[1]}`;
}

/** A long-pass, short-pass or band-pass filter with logistic edges and a flat blocking floor. */
export function makeFilter(spec: EdgeFilterSpec): Filter {
  const { kind, edgesNm } = spec;
  const name = spec.name ?? defaultName(kind, edgesNm);
  const wanted = kind === 'bandpass' ? 2 : 1;
  if (edgesNm.length !== wanted || !edgesNm.every((e) => Number.isFinite(e) && e > 0)) {
    throw new InputError(`filter ${name}: a ${kind} filter needs ${wanted} positive edge wavelength(s) in nm`);
  }
  if (kind === 'bandpass' && !(edgesNm[1] > edgesNm[0])) {
    throw new InputError(`filter ${name}: band-pass lower edge must be below the upper edge, got ${edgesNm[0]}-${edgesNm[1]}`);
  }
  checkOptions(name, spec);
  const ideal = spec.ideal === true;
  const inBandTransmission = spec.inBandTransmission ?? (ideal ? 1 : FILTER_DEFAULTS.inBandTransmission);
  const opticalDensity = spec.opticalDensity ?? (ideal ? Infinity : FILTER_DEFAULTS.opticalDensity);
  const edgeWidthNm = spec.edgeWidthNm ?? (ideal ? 0 : FILTER_DEFAULTS.edgeWidthFraction * edgesNm[0]);
  const floor = opticalDensity === Infinity ? 0 : 10 ** -opticalDensity;
  const gate = (x: number): number => {
    if (kind === 'longpass') return risingEdge(x, edgesNm[0], edgeWidthNm);
    if (kind === 'shortpass') return 1 - risingEdge(x, edgesNm[0], edgeWidthNm);
    return risingEdge(x, edgesNm[0], edgeWidthNm) * (1 - risingEdge(x, edgesNm[1], edgeWidthNm));
  };
  const what = kind === 'longpass' ? 'long-pass' : kind === 'shortpass' ? 'short-pass' : 'band-pass';
  const blocking = opticalDensity === Infinity ? 'no leakage' : `out-of-band OD ${opticalDensity}`;
  const edges = edgeWidthNm === 0 ? 'step edges' : `10–90 % edge width ${round(edgeWidthNm)} nm`;
  return {
    name,
    kind,
    description: `${ideal ? 'ideal ' : ''}${what} ${edgesNm.join('–')} nm: in-band T ${inBandTransmission}, ${blocking}, ${edges}`,
    source: ideal ? 'ideal filter' : 'typical hard-coated interference filter (Thorlabs / Edmund datasheet values), not a specific part',
    edgesNm: [...edgesNm],
    edgeWidthNm,
    opticalDensity,
    inBandTransmission,
    transmission: (x) => floor + (inBandTransmission - floor) * gate(x),
    inBand: (x) => gate(x) >= 0.5,
    breakpointsNm: [...edgesNm],
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export function noFilter(): Filter {
  return {
    name: 'none',
    kind: 'none',
    description: 'no emission filter (transmission 1 everywhere)',
    source: 'ideal',
    edgesNm: [],
    edgeWidthNm: 0,
    opticalDensity: Infinity,
    inBandTransmission: 1,
    transmission: () => 1,
    inBand: () => true,
    breakpointsNm: [],
  };
}

/** A measured transmission curve (0–1), linearly interpolated, zero outside the table. */
export function filterFromSpectrum(name: string, spectrum: Spectrum, source = 'user-supplied transmission curve'): Filter {
  const xs = spectrum.wavelengthsNm;
  const peak = Math.max(...spectrum.values);
  return {
    name,
    kind: 'tabulated',
    description: `tabulated transmission, ${xs.length} points, ${xs[0]}–${xs[xs.length - 1]} nm (zero outside)`,
    source,
    edgesNm: [],
    edgeWidthNm: 0,
    opticalDensity: Infinity,
    inBandTransmission: peak,
    transmission: (x) => interpolate(spectrum, x),
    inBand: (x) => interpolate(spectrum, x) >= 0.5 * peak,
    breakpointsNm: [xs[0], xs[xs.length - 1]],
  };
}

export function loadFilterCsv(path: string): Filter {
  const spectrum = readSpectrumCsv(path, { valueColumn: 'transmission', maxValue: 1 });
  return filterFromSpectrum(basename(path), spectrum, `user-supplied transmission curve from ${path}`);
}

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const EDGE_RE = new RegExp(`^${NUMBER}\\s*(lp|sp)$`);
const BAND_RE = new RegExp(`^bp\\s*${NUMBER}\\s*-\\s*${NUMBER}$`);

/** Parses 1150LP, 900SP, BP1000-1100 (en dash allowed) and none; undefined if the name is none of these. */
export function parseFilterName(name: string, options: FilterOptions = {}): Filter | undefined {
  const key = nameKey(name);
  if (key === 'none') return noFilter();
  const edge = EDGE_RE.exec(key);
  if (edge) {
    const kind = edge[2] === 'lp' ? 'longpass' : 'shortpass';
    return makeFilter({ kind, edgesNm: [Number(edge[1])], ...options });
  }
  const band = BAND_RE.exec(key);
  if (band) return makeFilter({ kind: 'bandpass', edgesNm: [Number(band[1]), Number(band[2])], ...options });
  return undefined;
}

/** A preset, an ad-hoc name (see parseFilterName), `ideal:<name>`, or a .csv transmission file. */
export function getFilter(nameOrCsvPath: string, options: FilterOptions = {}): Filter {
  const trimmed = nameOrCsvPath.trim();
  if (looksLikeCsvPath(trimmed)) return loadFilterCsv(trimmed);
  const idealPrefix = /^ideal:/i.exec(trimmed);
  const rest = idealPrefix ? trimmed.slice(idealPrefix[0].length) : trimmed;
  const filter = parseFilterName(rest, idealPrefix ? { ...options, ideal: true } : options);
  if (!filter) throw unknownName('filter', nameOrCsvPath, [...FILTER_PRESETS], ALSO_ACCEPTED);
  return filter;
}

export function listFilters(): Filter[] {
  return FILTER_PRESETS.map((n) => getFilter(n));
}
