import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { looksLikeCsvPath, readSpectrumCsv } from './csv.js';
import { nameKey, unknownName } from './names.js';
import { FLAT_DEFAULT_RANGE_NM, PROBE_CATALOGUE, type ProbeEntry } from './probeCatalogue.js';
import { exponentialTail, gaussianInEnergy, gaussianInEnergyRangeNm, sumOf, within, type LineShape } from './shapes.js';
import { interpolate, makeGrid, type Spectrum } from './spectrum.js';

export type { Spectrum } from './spectrum.js';

export interface Probe {
  name: string;
  description: string;
  citation: string;
  excitationNm?: number;
  quantumYield?: number;
  /** Relative photon emission per nm, peak ≈ 1; zero outside rangeNm. */
  emission(wavelengthNm: number): number;
  rangeNm: [number, number];
  /** Nominal band maxima (nm); empty for flat and tabulated spectra. */
  peaksNm: number[];
  /** Nominal FWHM of a single-band probe (nm). */
  fwhmNm?: number;
  kind: 'parametric' | 'tabulated' | 'flat';
  /** Wavelengths where the curve may have kinks (tabulated points); grids include them. */
  breakpointsNm?: number[];
}

const CSV_HINT = 'flat:<lo>-<hi> (nm), or a path to a .csv file with header wavelength_nm,intensity';

function rangeOf(entry: ProbeEntry): [number, number] {
  if (entry.rangeNm) return entry.rangeNm;
  let lo = Infinity;
  let hi = -Infinity;
  for (const line of entry.lines) {
    const [a, b] = gaussianInEnergyRangeNm(line);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  return [Math.floor(lo), Math.ceil(hi)];
}

function peakOf(shape: LineShape, [loNm, hiNm]: [number, number]): number {
  let peak = 0;
  for (const x of makeGrid(loNm, hiNm, 1)) peak = Math.max(peak, shape(x));
  return peak;
}

function fromEntry(entry: ProbeEntry): Probe {
  const rangeNm = rangeOf(entry);
  const parts: LineShape[] = entry.lines.map(gaussianInEnergy);
  if (entry.tail) parts.push(exponentialTail(entry.tail));
  const raw = within(sumOf(parts), rangeNm);
  const scale = 1 / peakOf(raw, rangeNm);
  return {
    name: entry.name,
    description: entry.description,
    citation: entry.citation,
    excitationNm: entry.excitationNm,
    quantumYield: entry.quantumYield,
    emission: (wavelengthNm) => scale * raw(wavelengthNm),
    rangeNm: [...rangeNm],
    peaksNm: entry.lines.map((l) => l.peakNm),
    fwhmNm: entry.lines.length === 1 ? entry.lines[0].fwhmNm : undefined,
    kind: 'parametric',
  };
}

/** An emitter of equal photon rate per nm across rangeNm (inclusive), zero outside. */
export function flatProbe(rangeNm: [number, number] = FLAT_DEFAULT_RANGE_NM): Probe {
  const [lo, hi] = rangeNm;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo > 0 && hi > lo)) {
    throw new InputError(`probe flat: range must be two wavelengths with 0 < lo < hi, got ${lo}-${hi}`);
  }
  return {
    name: `flat:${lo}-${hi}`,
    description: `flat emission across ${lo}–${hi} nm`,
    citation: 'idealised flat spectrum (no physical probe)',
    emission: (wavelengthNm) => (wavelengthNm >= lo && wavelengthNm <= hi ? 1 : 0),
    rangeNm: [lo, hi],
    peaksNm: [],
    kind: 'flat',
    breakpointsNm: [lo, hi],
  };
}

/** A probe whose emission is a user spectrum, linearly interpolated and scaled to peak 1. */
export function probeFromSpectrum(name: string, spectrum: Spectrum, citation = 'user-supplied spectrum'): Probe {
  const peak = Math.max(...spectrum.values);
  const scaled: Spectrum = { wavelengthsNm: [...spectrum.wavelengthsNm], values: spectrum.values.map((v) => v / peak) };
  const n = scaled.wavelengthsNm.length;
  return {
    name,
    description: `tabulated spectrum, ${n} points, ${scaled.wavelengthsNm[0]}–${scaled.wavelengthsNm[n - 1]} nm`,
    citation,
    emission: (wavelengthNm) => interpolate(scaled, wavelengthNm),
    rangeNm: [scaled.wavelengthsNm[0], scaled.wavelengthsNm[n - 1]],
    peaksNm: [],
    kind: 'tabulated',
    breakpointsNm: [...scaled.wavelengthsNm],
  };
}

export function loadProbeCsv(path: string): Probe {
  const spectrum = readSpectrumCsv(path, { valueColumn: 'intensity' });
  return probeFromSpectrum(basename(path), spectrum, `user-supplied spectrum from ${path}`);
}

function parseFlat(name: string): Probe | undefined {
  const key = nameKey(name);
  if (key === 'flat') return flatProbe();
  const m = /^flat:\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(key);
  if (!m) {
    if (key.startsWith('flat')) throw new InputError(`probe: "${name}" is not of the form flat:<lo>-<hi>, e.g. flat:1000-1300`);
    return undefined;
  }
  return flatProbe([Number(m[1]), Number(m[2])]);
}

export function listProbes(): Probe[] {
  return [...PROBE_CATALOGUE.map(fromEntry), flatProbe()];
}

export function probeNames(): string[] {
  return [...PROBE_CATALOGUE.map((e) => e.name), 'flat'];
}

/** A catalogue probe by name (case-insensitive), `flat` / `flat:<lo>-<hi>`, or a .csv spectrum file. */
export function getProbe(nameOrCsvPath: string): Probe {
  if (looksLikeCsvPath(nameOrCsvPath)) return loadProbeCsv(nameOrCsvPath.trim());
  const flat = parseFlat(nameOrCsvPath);
  if (flat) return flat;
  const entry = PROBE_CATALOGUE.find((e) => nameKey(e.name) === nameKey(nameOrCsvPath));
  if (!entry) throw unknownName('probe', nameOrCsvPath, probeNames(), CSV_HINT);
  return fromEntry(entry);
}
