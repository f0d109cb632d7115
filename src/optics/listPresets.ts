import { buildPreset, modelRangeNm, tissuePresets } from './presets.js';

export interface TissuePresetInfo {
  name: string;
  description: string;
  /** Wavelengths at which the preset resolves without extrapolation. */
  rangeNm: [number, number];
  /** One entry per parameter (value and source), then the spectra and formulas used. */
  citations: string[];
}

const INTRALIPID_FAMILIES = [
  { name: 'intralipid:<c>%', example: 'intralipid:1%' },
  { name: 'intralipid20:<c>%', example: 'intralipid20:5%' },
  { name: 'intralipid10:<c>%', example: 'intralipid10:10%' },
];

function info(name: string, presetName: string, describe: (description: string) => string): TissuePresetInfo {
  const { preset, built } = buildPreset(presetName);
  const range = modelRangeNm(built.model, false);
  if (range === null) throw new Error(`preset ${name} does not depend on wavelength`);
  return {
    name,
    description: describe(preset.description),
    rangeNm: [range[0], range[1]],
    citations: [...built.parameters, ...built.dataSources],
  };
}

export function listTissuePresets(): TissuePresetInfo[] {
  const fixed = tissuePresets().map((p) =>
    info(p.name, p.name, (d) => (p.aliases.length ? `${d} (also: ${p.aliases.join(', ')})` : d)),
  );
  const intralipid = INTRALIPID_FAMILIES.map((f) => info(f.name, f.example, (d) => `${f.example}: ${d}`));
  return [...fixed, ...intralipid];
}
