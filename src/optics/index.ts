export type { LayerOptics, ResolveOptions, ResolvedLayer } from './resolve.js';
export { resolveLayerOptics, resolvePhantomOptics, phantomWavelengthRangeNm } from './resolve.js';
export { listTissuePresets, type TissuePresetInfo } from './listPresets.js';
