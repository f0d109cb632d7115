export { getWindow, listWindows, type Window } from './windows.js';
export { getProbe, listProbes, probeNames, flatProbe, probeFromSpectrum, loadProbeCsv, type Probe } from './probes.js';
export type { Spectrum } from './spectrum.js';
export {
  getFilter,
  listFilters,
  makeFilter,
  noFilter,
  parseFilterName,
  filterFromSpectrum,
  loadFilterCsv,
  FILTER_DEFAULTS,
  FILTER_PRESETS,
  type Filter,
  type FilterKind,
  type FilterOptions,
} from './filters.js';
export { getDetector, listDetectors, idealDetector, detectorFromSpectrum, loadDetectorCsv, DETECTOR_NAMES, type Detector } from './detectors.js';
export {
  effectiveSpectrum,
  coarsen,
  DEFAULT_STEP_NM,
  MAX_ENGINE_BINS,
  SPECTRAL_DOMAIN_NM,
  type EffectiveSpectrum,
  type EffectiveSpectrumOptions,
} from './effective.js';
export { parseSpectrumCsv } from './csv.js';
