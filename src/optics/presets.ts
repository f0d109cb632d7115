import { InputError } from '../errors.js';
import { BLOOD_CITATION, bloodMua, oxyBloodG, oxyBloodMus } from './blood.js';
import { compositionModel } from './composition.js';
import type { Composition } from '../phantom/compositionSchema.js';
import { FAT_CITATION } from './fat.js';
import {
  AERNOUTS_2013_CITATION,
  AERNOUTS_2014_CITATION,
  intralipid10,
  intralipid20,
  VAN_STAVEREN_CITATION,
  type IntralipidModel,
} from './intralipid.js';
import { JACQUES_2013_CITATION, table1Fit, table2Eq2, table3Fraction, type Sourced } from './jacquesTables.js';
import { MELANOSOME_CITATION } from './melanosome.js';
import type { OpticsModel } from './model.js';
import { intersectRanges, type RangeNm } from './range.js';
import { SALOMATINA_CITATION, salomatinaSpectra, type SalomatinaLayer } from './salomatina.js';
import { JACQUES_FIT_RANGE_NM, type ScatteringLaw } from './scattering.js';
import { constantSpectrum, type Spectrum } from './spectrum.js';
import { WATER_CITATION, waterMua } from './water.js';

export interface BuiltPreset {
  model: OpticsModel;
  /** One line per parameter: "symbol = value: source". */
  parameters: string[];
  /** Citations of the spectra and formulas the preset evaluates. */
  dataSources: string[];
}

export interface TissuePreset {
  name: string;
  aliases: string[];
  description: string;
  build(): BuiltPreset;
}

function assumed(value: number, why: string): Sourced {
  return { value, source: `assumption: ${why}` };
}

const G_SOFT_TISSUE = assumed(
  0.9,
  'conventional g ≈ 0.9 for soft tissue; the Jacques 2013 fits give μs′ only, so g just sets μs = μs′/(1 − g)',
);
const N_SOFT_TISSUE = assumed(1.37, 'conventional refractive index of soft tissue (no per-tissue measurement among the bundled sources)');
const N_ADIPOSE = assumed(1.44, 'conventional refractive index of adipose tissue (lipid-rich)');
const N_EPIDERMIS: Sourced = {
  value: 1.43,
  source: 'constant within the 1.41–1.49 reported for epidermis over 300–1600 nm by H. Ding et al., Phys. Med. Biol. 51, 1479 (2006)',
};
const N_DERMIS: Sourced = {
  value: 1.39,
  source: 'constant within the 1.36–1.41 reported for dermis over 300–1600 nm by H. Ding et al., Phys. Med. Biol. 51, 1479 (2006)',
};
const N_WATER: Sourced = { value: 1.33, source: 'water: n ≈ 1.32–1.34 over 400–1800 nm (G. M. Hale, M. R. Querry, Appl. Opt. 12, 555 (1973))' };
const N_BLOOD: Sourced = { value: 1.4, source: 'whole blood n ≈ 1.40 at 632.8 nm (F. P. Bolin et al., Appl. Opt. 28, 2297 (1989))' };

function formatLaw(law: ScatteringLaw): string {
  return law.model === 'power-law'
    ? `μs′ = ${law.aPerMm} /mm·(λ/500)^−${law.b}`
    : `μs′ = ${+law.aPrimePerMm.toFixed(4)} /mm·[${law.fRayleigh}·(λ/500)^−4 + ${+(1 - law.fRayleigh).toFixed(4)}·(λ/500)^−${law.bMie}]`;
}

const line = (symbol: string, p: Sourced) => `${symbol} = ${+p.value.toFixed(5)}: ${p.source}`;

interface CompositionRecipe {
  B: Sourced;
  S: Sourced;
  W: Sourced;
  F: Sourced;
  M: Sourced;
  scattering: Sourced<ScatteringLaw>;
  g: Sourced;
  n: Sourced;
}

function compositionPreset(name: string, aliases: string[], description: string, recipe: () => CompositionRecipe): TissuePreset {
  return {
    name,
    aliases,
    description,
    build() {
      const r = recipe();
      const law = r.scattering.value;
      const composition: Composition = {
        bloodFraction: r.B.value,
        oxygenSaturation: r.S.value,
        waterFraction: r.W.value,
        fatFraction: r.F.value,
        melanosomeFraction: r.M.value,
        baselineMuaPerMm: 0,
        scattering: law,
        g: r.g.value,
        n: r.n.value,
      };
      const dataSources = [JACQUES_2013_CITATION];
      if (r.B.value > 0) dataSources.push(BLOOD_CITATION);
      if (r.W.value > 0) dataSources.push(WATER_CITATION);
      if (r.F.value > 0) dataSources.push(FAT_CITATION);
      if (r.M.value > 0) dataSources.push(MELANOSOME_CITATION);
      return {
        model: compositionModel(composition, JACQUES_FIT_RANGE_NM),
        parameters: [
          line('B (blood volume fraction)', r.B),
          line('S (oxygen saturation)', r.S),
          line('W (water fraction outside blood)', r.W),
          line('F (fat fraction)', r.F),
          line('M (melanosome fraction)', r.M),
          `${formatLaw(law)}: ${r.scattering.source}; fitted 400–1300 nm, extrapolated outside`,
          line('g', r.g),
          line('n', r.n),
        ],
        dataSources,
      };
    },
  };
}

function salomatinaPreset(layer: SalomatinaLayer, description: string, n: Sourced): TissuePreset {
  return {
    name: `${layer}-salomatina`,
    aliases: [],
    description,
    build() {
      const { mua, musp } = salomatinaSpectra(layer);
      const g = assumed(0.9, 'g is not measured by Salomatina 2006 (they report μs′); conventional g ≈ 0.9 sets μs = μs′/(1 − g)');
      return {
        model: { mua, musp, g: constantSpectrum(g.value), n: constantSpectrum(n.value) },
        parameters: [`μa, μs′: measured means, ${SALOMATINA_CITATION}`, line('g', g), line('n', n)],
        dataSources: [SALOMATINA_CITATION],
      };
    },
  };
}

function bloodPreset(name: string, aliases: string[], description: string, saturation: Sourced): TissuePreset {
  return {
    name,
    aliases,
    description,
    build() {
      const mus = oxyBloodMus();
      const g = oxyBloodG();
      const musp: Spectrum = {
        rangeNm: (allow) => intersectRanges([mus.rangeNm(allow), g.rangeNm(allow)]),
        at: (nm, ctx) => mus.at(nm, ctx) * (1 - g.at(nm, ctx)),
      };
      return {
        model: { mua: bloodMua(saturation.value), musp, g, n: constantSpectrum(N_BLOOD.value) },
        parameters: [
          line('S (oxygen saturation)', saturation),
          `μa: oxy/deoxy whole blood mixed by S, ${BLOOD_CITATION}`,
          `μs, g: literature compilation for oxygenated whole blood ('lit' columns), used at any S (no deoxygenated literature values are tabulated), ${BLOOD_CITATION}`,
          line('n', N_BLOOD),
        ],
        dataSources: [BLOOD_CITATION],
      };
    },
  };
}

const waterPreset: TissuePreset = {
  name: 'water',
  aliases: [],
  description: 'pure water: absorption only, no scattering',
  build: () => ({
    model: { mua: waterMua(), musp: constantSpectrum(0), g: constantSpectrum(0), n: constantSpectrum(N_WATER.value) },
    parameters: [`μa: ${WATER_CITATION}`, 'μs = 0, g = 0: assumption: the molecular scattering of pure water is negligible here', line('n', N_WATER)],
    dataSources: [WATER_CITATION],
  }),
};

const PRESETS: TissuePreset[] = [
  compositionPreset('epidermis', [], 'human epidermis (melanin, no blood), composition model', () => ({
    B: table3Fraction([9], 'B'),
    S: table3Fraction([9], 'S'),
    W: assumed(0.75, 'Jacques 2013 Table 3 row 9 gives no water; 0.75 as in the example tissue list of Jacques\' mcxyz'),
    F: assumed(0, 'Jacques 2013 Table 3 row 9 gives no fat'),
    M: table3Fraction([9], 'M'),
    scattering: table1Fit(7),
    g: G_SOFT_TISSUE,
    n: N_EPIDERMIS,
  })),
  compositionPreset('dermis', [], 'human dermis, composition model', () => ({
    B: table3Fraction([8], 'B'),
    S: table3Fraction([8], 'S'),
    W: table3Fraction([8], 'W'),
    F: table3Fraction([8], 'F'),
    M: table3Fraction([8], 'M'),
    scattering: table2Eq2('skin'),
    g: G_SOFT_TISSUE,
    n: N_DERMIS,
  })),
  compositionPreset('skin', [], 'bulk human skin, types I–II (Tseng 2011 in vivo fit, 600–1000 nm), composition model', () => ({
    B: table3Fraction([11], 'B'),
    S: table3Fraction([11], 'S'),
    W: table3Fraction([11], 'W'),
    F: table3Fraction([11], 'F'),
    M: table3Fraction([11], 'M'),
    scattering: table2Eq2('skin'),
    g: G_SOFT_TISSUE,
    n: N_DERMIS,
  })),
  compositionPreset('subcutaneous-fat', ['hypodermis'], 'subcutaneous fat (hypodermis), composition model', () => ({
    B: table3Fraction([39], 'B'),
    S: table3Fraction([7], 'S'),
    W: table3Fraction([7], 'W'),
    F: table3Fraction([7], 'F'),
    M: table3Fraction([7], 'M'),
    scattering: table2Eq2('fatty_tissue'),
    g: G_SOFT_TISSUE,
    n: N_ADIPOSE,
  })),
  compositionPreset('muscle', ['skeletal-muscle'], 'skeletal muscle, composition model', () => ({
    B: table3Fraction([17], 'B'),
    S: table3Fraction([17], 'S'),
    W: assumed(0.75, 'conventional water fraction of skeletal muscle (≈ three quarters); Jacques 2013 Table 3 gives none'),
    F: assumed(0, 'intramuscular fat neglected'),
    M: assumed(0, 'no melanin'),
    scattering: table1Fit(29),
    g: G_SOFT_TISSUE,
    n: N_SOFT_TISSUE,
  })),
  compositionPreset('skull', ['bone'], 'skull bone, composition model', () => ({
    B: table3Fraction([41], 'B'),
    S: assumed(0.75, 'conventional tissue saturation; Jacques 2013 Table 3 row 41 gives none'),
    W: assumed(0.35, 'as in the example tissue list of Jacques\' mcxyz, which calls its skull values placeholders'),
    F: assumed(0, 'marrow fat neglected'),
    M: table3Fraction([41], 'M'),
    scattering: table2Eq2('bone'),
    g: G_SOFT_TISSUE,
    n: N_SOFT_TISSUE,
  })),
  compositionPreset('gray-matter', ['grey-matter', 'brain'], 'brain gray matter (cortex), composition model', () => ({
    B: table3Fraction([27], 'B'),
    S: table3Fraction([27], 'S'),
    W: assumed(0.8, 'conventional water fraction of gray matter (≈ 80%); Jacques 2013 Table 3 gives none'),
    F: assumed(0, 'lipid absorption neglected'),
    M: table3Fraction([27], 'M'),
    scattering: table2Eq2('brain'),
    g: G_SOFT_TISSUE,
    n: N_SOFT_TISSUE,
  })),
  compositionPreset('white-matter', [], 'brain white matter, composition model', () => ({
    B: table3Fraction([29], 'B'),
    S: { ...table3Fraction([27], 'S'), source: `borrowed from gray matter, ${table3Fraction([27], 'S').source}` },
    W: assumed(0.7, 'conventional water fraction of white matter (≈ 70%); Jacques 2013 Table 3 gives none'),
    F: assumed(0, 'myelin lipid absorption neglected'),
    M: table3Fraction([29], 'M'),
    scattering: table1Fit(14),
    g: G_SOFT_TISSUE,
    n: N_SOFT_TISSUE,
  })),
  compositionPreset('liver', [], 'liver, composition model (very blood-rich)', () => ({
    B: table3Fraction([32], 'B'),
    S: assumed(0.7, 'conventional saturation for the mostly venous (portal) blood of liver; Table 3 row 32 gives none'),
    W: assumed(0.3, 'water outside blood: the blood spectra already carry the water of the 49.5% blood volume'),
    F: assumed(0, 'fat neglected'),
    M: table3Fraction([32], 'M'),
    scattering: table1Fit(28),
    g: G_SOFT_TISSUE,
    n: N_SOFT_TISSUE,
  })),
  compositionPreset('breast', [], 'normal human breast (fatty), composition model', () => ({
    B: table3Fraction([1, 2, 4, 5], 'B'),
    S: table3Fraction([1, 2, 4, 5], 'S'),
    W: table3Fraction([1, 2, 4, 5], 'W'),
    F: table3Fraction([1, 2, 4, 5], 'F'),
    M: table3Fraction([1, 2, 4, 5], 'M'),
    scattering: table2Eq2('breast'),
    g: G_SOFT_TISSUE,
    n: assumed(1.4, 'between adipose (≈1.44) and soft tissue (≈1.37)'),
  })),
  bloodPreset('blood', ['whole-blood'], 'oxygenated whole blood (Hct ≈ 45%, SO2 > 98%)', {
    value: 1,
    source: `oxygenated column of ${BLOOD_CITATION} (SO2 > 98%)`,
  }),
  bloodPreset('blood-venous', [], 'venous whole blood (Hct ≈ 45%, SO2 = 70%)', assumed(0.7, 'conventional venous saturation')),
  waterPreset,
  salomatinaPreset('epidermis', 'human epidermis, measured ex vivo μa and μs′ (Salomatina 2006)', N_EPIDERMIS),
  salomatinaPreset('dermis', 'human dermis, measured ex vivo μa and μs′ (Salomatina 2006)', N_DERMIS),
  salomatinaPreset('hypodermis', 'human subcutaneous fat, measured ex vivo μa and μs′ (Salomatina 2006)', N_ADIPOSE),
];

const INTRALIPID_PATTERN = /^intralipid(10|20)?:\s*(\d+(?:\.\d+)?)\s*%$/;

/** `intralipid:<c>%` = c% (w/v) soybean oil, i.e. Intralipid-20% diluted to 5c% v/v. */
const LIPID_PERCENT_TO_IL20_PERCENT = 5;

function intralipidPreset(name: string, stock: '10' | '20' | undefined, percent: number): TissuePreset {
  const il20Percent = stock === undefined ? percent * LIPID_PERCENT_TO_IL20_PERCENT : percent;
  const meaning =
    stock === undefined
      ? `${percent}% lipid (soybean oil, w/v) = Intralipid-20% diluted to ${+il20Percent.toFixed(4)}% v/v in water`
      : `Intralipid-${stock}% diluted to ${percent}% v/v in water (${+((percent * Number(stock)) / 100).toFixed(4)}% lipid)`;
  return {
    name,
    aliases: [],
    description: meaning,
    build() {
      const m: IntralipidModel = stock === '10' ? intralipid10(percent) : intralipid20(il20Percent);
      const scatteringSources = stock === '10' ? [VAN_STAVEREN_CITATION] : [AERNOUTS_2014_CITATION, AERNOUTS_2013_CITATION];
      return {
        model: { mua: m.mua, musp: m.musp, g: m.g, n: constantSpectrum(N_WATER.value) },
        parameters: [
          `μs, g: ${scatteringSources.join('; ')}`,
          `μa = (1 − φ)·μa,water + φ·μa,fat, lipid volume fraction φ = ${+m.lipidFraction.toFixed(6)}: φ per % Intralipid-20% from Aernouts 2014 (assumption: half of it for Intralipid-10%); assumption: fat (pig lard, van Veen 2005) stands in for soybean oil`,
          line('n', N_WATER),
        ],
        dataSources: [...scatteringSources, WATER_CITATION, FAT_CITATION],
      };
    },
  };
}

export const INTRALIPID_NAME_HELP =
  'intralipid:<c>% (c% lipid = Intralipid-20% at 5c% v/v), intralipid20:<c>% (c% v/v of Intralipid-20%), intralipid10:<c>% (c% v/v of Intralipid-10%)';

export function tissuePresets(): readonly TissuePreset[] {
  return PRESETS;
}

const builtCache = new Map<string, BuiltPreset>();

export function findPreset(name: string): TissuePreset | undefined {
  const key = name.trim().toLowerCase();
  const fixed = PRESETS.find((p) => p.name === key || p.aliases.includes(key));
  if (fixed) return fixed;
  const m = key.match(INTRALIPID_PATTERN);
  if (!m) return undefined;
  const stock = m[1] as '10' | '20' | undefined;
  const percent = Number(m[2]);
  const max = stock === undefined ? 20 : 100;
  if (!(percent > 0 && percent <= max)) {
    throw new InputError(`tissue '${name}': the concentration must be > 0% and ≤ ${max}%`);
  }
  return intralipidPreset(key, stock, percent);
}

/** The built preset (cached), or an InputError listing the valid names. */
export function buildPreset(name: string): { preset: TissuePreset; built: BuiltPreset } {
  const preset = findPreset(name);
  if (!preset) {
    const names = PRESETS.map((p) => (p.aliases.length ? `${p.name} (${p.aliases.join(', ')})` : p.name));
    throw new InputError(`unknown tissue '${name}'; valid presets: ${names.join(', ')}, ${INTRALIPID_NAME_HELP}`);
  }
  let built = builtCache.get(preset.name);
  if (!built) {
    built = preset.build();
    builtCache.set(preset.name, built);
  }
  return { preset, built };
}

export function modelRangeNm(model: OpticsModel, allowExtrapolation: boolean): RangeNm | null {
  return intersectRanges([model.mua, model.musp, model.g, model.n].map((s) => s.rangeNm(allowExtrapolation)));
}
