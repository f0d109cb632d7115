// nirwalk as a library: every CLI command is also a typed call.
export { loadPhantom, parsePhantom } from './phantom/load.js';
export { PhantomSchema, type Phantom, type LayerSpec, type SourceSpec } from './phantom/schema.js';
export { resolvePhantomOptics, resolveLayerOptics, listTissuePresets, phantomWavelengthRangeNm } from './optics/index.js';
export { simulate, type SimulateOptions, type SimulationOutput } from './simulate.js';
export { buildProblem } from './engine/problem.js';
export { runTransport, planBatches, batchSeedKey, type RunInfo } from './engine/run.js';
export { createBackend, probeWebGpu } from './engine/backends/select.js';
export { transportKernelWgsl } from './engine/backends/wgsl.js';
export type { TransportProblem, RunOptions, BackendName, CameraSpec, EngineSource, LayerOptics } from './engine/types.js';
export { ExitTally, type ExitTallySpec } from './tallies/exitTally.js';
export { simulatePointEmitter, simulateUniformBackground, excitationFluence } from './imaging/emitter.js';
export { runSetting, type StudyOptions, type SettingResult, type DepthResult } from './imaging/study.js';
export { spectralSetting, opticsForSetting } from './imaging/spectralSetting.js';
export { halfMax, radialProfile, foldedLineProfile } from './analysis/halfMax.js';
export * from './spectral/index.js';
export { InputError } from './errors.js';
export { VERSION } from './version.js';
