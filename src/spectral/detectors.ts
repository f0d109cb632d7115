import { basename } from 'node:path';
import { dataPath } from '../paths.js';
import { looksLikeCsvPath, readSpectrumCsv } from './csv.js';
import { nameKey, unknownName } from './names.js';
import { interpolate, type Spectrum } from './spectrum.js';

export interface Detector {
  name: string;
  description: string;
  source: string;
  /** Where QE > 0 (nm). */
  rangeNm: [number, number];
  /** Quantum efficiency, 0–1. */
  qe(wavelengthNm: number): number;
  /** Tabulated wavelengths, used as grid breakpoints; empty for `ideal`. */
  breakpointsNm: number[];
}

const APPROXIMATE =
  'approximate typical shape (anchor points placed by hand after vendor QE plots, not digitised from one datasheet); ' +
  'see data/detectors/SOURCES.md';

const TABULATED: readonly { name: string; file: string; description: string; source: string }[] = [
  {
    name: 'ingaas',
    file: 'ingaas_typical.csv',
    description: 'cooled InGaAs SWIR camera, ≈900–1700 nm, plateau QE ≈0.85',
    source: `${APPROXIMATE}; shape of Princeton Instruments NIRvana / Xenics Xeva class sensors`,
  },
  {
    name: 'ingaas-extended',
    file: 'ingaas_extended_typical.csv',
    description: 'extended-wavelength InGaAs, ≈900–2200 nm, plateau QE ≈0.7',
    source: `${APPROXIMATE}; shape of 2.2 µm cut-off extended InGaAs arrays`,
  },
  {
    name: 'si',
    file: 'si_typical.csv',
    description: 'silicon CCD/CMOS, ≈400–1000 nm, QE ≈0.34 at 850 nm, ≈0.05 at 1000 nm',
    source: `${APPROXIMATE}; shape of Hamamatsu ORCA-class silicon sensors without NIR enhancement`,
  },
];

export const DETECTOR_NAMES: readonly string[] = [...TABULATED.map((t) => t.name), 'ideal'];

export function idealDetector(): Detector {
  return {
    name: 'ideal',
    description: 'ideal detector, QE 1 at every wavelength',
    source: 'ideal',
    rangeNm: [0, Infinity],
    qe: () => 1,
    breakpointsNm: [],
  };
}

export function detectorFromSpectrum(name: string, description: string, source: string, spectrum: Spectrum): Detector {
  const xs = spectrum.wavelengthsNm;
  const first = spectrum.values.findIndex((v) => v > 0);
  let last = first;
  spectrum.values.forEach((v, i) => {
    if (v > 0) last = i;
  });
  const lo = xs[Math.max(0, first - 1)];
  const hi = xs[Math.min(xs.length - 1, last + 1)];
  return {
    name,
    description,
    source,
    rangeNm: [lo, hi],
    qe: (x) => interpolate(spectrum, x),
    breakpointsNm: [...xs],
  };
}

const cache = new Map<string, Detector>();

function loadTabulated(entry: (typeof TABULATED)[number]): Detector {
  let d = cache.get(entry.name);
  if (!d) {
    const spectrum = readSpectrumCsv(dataPath('detectors', entry.file), { valueColumn: 'qe', maxValue: 1 });
    d = detectorFromSpectrum(entry.name, entry.description, entry.source, spectrum);
    cache.set(entry.name, d);
  }
  return d;
}

export function loadDetectorCsv(path: string): Detector {
  const spectrum = readSpectrumCsv(path, { valueColumn: 'qe', maxValue: 1 });
  return detectorFromSpectrum(basename(path), `tabulated QE from ${path}`, `user-supplied QE curve from ${path}`, spectrum);
}

/** A catalogue detector by name (case-insensitive) or a .csv QE file (header wavelength_nm,qe). */
export function getDetector(nameOrCsvPath: string): Detector {
  if (looksLikeCsvPath(nameOrCsvPath)) return loadDetectorCsv(nameOrCsvPath.trim());
  if (nameKey(nameOrCsvPath) === 'ideal') return idealDetector();
  const entry = TABULATED.find((t) => t.name === nameKey(nameOrCsvPath));
  if (!entry) {
    throw unknownName('detector', nameOrCsvPath, [...DETECTOR_NAMES], 'a path to a .csv file with header wavelength_nm,qe');
  }
  return loadTabulated(entry);
}

export function listDetectors(): Detector[] {
  return DETECTOR_NAMES.map(getDetector);
}
